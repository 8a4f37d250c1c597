"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
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
async function signInWithPassword(credentials: Credentials, wrongCredentials: string): Promise<Outcome<null>> {
  const result = await signIn("credentials", { redirect: false, ...credentials });
  if (result && !result.error) return { ok: true, data: null };
  if (result?.status === 429 && result.error) return { ok: false, error: { code: "rate_limited", message: result.error } };
  return { ok: false, error: { code: "unauthorized", message: wrongCredentials } };
}

export function SignInForm({ callbackUrl, providers }: { callbackUrl: string; providers: { id: string; name: string }[] }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const form = useActionForm((credentials: Credentials) => signInWithPassword(credentials, t("signIn.wrongCredentials")), {
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
        <Field id="email" name="email" type="email" label={t("email")} autoComplete="email" required />
        <Field id="password" name="password" type="password" label={t("password")} autoComplete="current-password" required />
        <FormAlert error={form.error} />
        <Button type="submit" disabled={form.pending} className="w-full">
          {form.pending ? t("signIn.pending") : t("signIn.submit")}
        </Button>
      </form>
      {providers.length > 0 ? (
        <div className="space-y-2 border-t border-line pt-4">
          {providers.map((provider) => (
            <Button key={provider.id} variant="secondary" className="w-full" onClick={() => void signIn(provider.id, { callbackUrl })}>
              {t("signIn.continueWith", { provider: provider.name })}
            </Button>
          ))}
        </div>
      ) : null}
      <p className="text-sm text-muted">
        {t("signIn.newHere")}{" "}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-accent underline underline-offset-2">
          {t("signIn.createAccount")}
        </Link>
      </p>
    </div>
  );
}
