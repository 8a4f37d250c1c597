import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/accounts/safe-redirect";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUp.title") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <section className="mx-auto max-w-sm space-y-6" aria-labelledby="sign-up-heading">
      <div className="space-y-2">
        <h1 id="sign-up-heading" className="font-serif text-3xl font-semibold">
          {t("signUp.heading")}
        </h1>
        <p className="text-muted">{t("signUp.lead")}</p>
      </div>
      <SignUpForm callbackUrl={callbackUrl} />
    </section>
  );
}
