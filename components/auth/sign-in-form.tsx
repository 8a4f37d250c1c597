"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";

type Credentials = { email: string; password: string };

/**
 * next-auth answers `{ error }` rather than a wire error: say it in the app's one shape.
 * A 429 is a sign-in limit (app/api/auth/[...nextauth]/route.ts): its `error` is the limit's
 * sentence ("Too many failed attempts… try again in 2 minutes"), shown as it is rather than
 * blaming the password. Any other failure ("CredentialsSignin") is a wrong email or password.
 */
async function signInWithPassword(credentials: Credentials): Promise<Outcome<null>> {
  const result = await signIn("credentials", { redirect: false, ...credentials });
  if (result && !result.error) return { ok: true, data: null };
  if (result?.status === 429 && result.error) return { ok: false, error: { code: "rate_limited", message: result.error } };
  return { ok: false, error: { code: "unauthorized", message: "That email and password don't match an account. Check them and try again." } };
}

export function SignInForm({ callbackUrl, providers }: { callbackUrl: string; providers: { id: string; name: string }[] }) {
  const router = useRouter();
  const form = useActionForm(signInWithPassword, {
    onSuccess: () => {
      router.replace(callbackUrl);
      router.refresh();
    },
    leavesOnSuccess: true,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    form.submit({ email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="email" name="email" type="email" label="Email" autoComplete="email" required />
        <Field id="password" name="password" type="password" label="Password" autoComplete="current-password" required />
        <FormAlert error={form.error} />
        <Button type="submit" disabled={form.pending} className="w-full">
          {form.pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {providers.length > 0 ? (
        <div className="space-y-2 border-t border-line pt-4">
          {providers.map((provider) => (
            <Button key={provider.id} variant="secondary" className="w-full" onClick={() => void signIn(provider.id, { callbackUrl })}>
              Continue with {provider.name}
            </Button>
          ))}
        </div>
      ) : null}
      <p className="text-sm text-muted">
        New here?{" "}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-accent underline underline-offset-2">
          Create an account
        </Link>
      </p>
    </div>
  );
}
