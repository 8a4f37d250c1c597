import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser } from "@/lib/auth";
import { safeCallbackPath } from "@/lib/accounts/safe-redirect";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  return (
    <section className="mx-auto max-w-sm space-y-6" aria-labelledby="sign-up-heading">
      <div className="space-y-2">
        <h1 id="sign-up-heading" className="font-serif text-3xl font-semibold">
          Create your account
        </h1>
        <p className="text-muted">One account for every club you belong to.</p>
      </div>
      <SignUpForm callbackUrl={callbackUrl} />
    </section>
  );
}
