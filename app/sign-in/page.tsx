import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { configuredOAuthProviders, getCurrentUser } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/accounts/safe-redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <section className="mx-auto max-w-sm space-y-6" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading" className="font-serif text-3xl font-semibold">
        Sign in
      </h1>
      <SignInForm callbackUrl={callbackUrl} providers={configuredOAuthProviders()} />
    </section>
  );
}
