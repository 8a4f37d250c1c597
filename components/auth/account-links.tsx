"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/**
 * The header's "Sign in" and "Sign up" for a signed-out visitor. On an invite page they bring the
 * visitor back to it afterwards, as the page's own buttons do (app/invite/[token]/page.tsx);
 * elsewhere they go home. The header lives in the root layout, which does not know the path.
 */
export function AccountLinks() {
  const t = useTranslations("common");
  const pathname = usePathname();
  const query = pathname.startsWith("/invite/") ? `?callbackUrl=${encodeURIComponent(pathname)}` : "";
  return (
    <>
      <Link href={`/sign-in${query}`} className="whitespace-nowrap text-accent hover:underline">
        {t("signIn")}
      </Link>
      <Link href={`/sign-up${query}`} className="whitespace-nowrap rounded-md bg-accent px-3 py-1.5 font-medium text-white hover:bg-accent-strong">
        {t("signUp")}
      </Link>
    </>
  );
}
