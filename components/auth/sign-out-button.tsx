"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("common");
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/" })}
      className="shrink-0 whitespace-nowrap rounded-md border border-line px-3 py-1.5 text-ink hover:bg-white"
    >
      {t("signOut")}
    </button>
  );
}
