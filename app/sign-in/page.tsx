import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { configuredOAuthProviders, getCurrentUser } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/accounts/safe-redirect";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn.title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const t = await getTranslations("auth");
  return (
    <section className="mx-auto max-w-sm space-y-6" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading" className="font-serif text-3xl font-semibold">
        {t("signIn.heading")}
      </h1>
      <SignInForm callbackUrl={callbackUrl} providers={configuredOAuthProviders()} />
    </section>
  );
}
