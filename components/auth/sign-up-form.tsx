"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { requestJson } from "@/components/discussion/request";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { SignUpValues } from "@/lib/validation/auth";

/**
 * Creates the account, then signs in with it. Signing in can only fail here if something changed
 * in between; the sign-in page then takes over.
 */
async function createAccount(values: SignUpValues): Promise<Outcome<{ signedIn: boolean }>> {
  const created = await requestJson<{ user: { id: string; name: string } }>("/api/sign-up", { method: "POST", body: values });
  if (!created.ok) return created;
  const result = await signIn("credentials", { redirect: false, email: values.email, password: values.password });
  return { ok: true, data: { signedIn: Boolean(result && !result.error) } };
}

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const form = useActionForm(createAccount, {
    onSuccess: ({ signedIn }) => {
      if (!signedIn) {
        router.replace(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    },
    leavesOnSuccess: true,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    form.submit({ name: String(data.get("name") ?? ""), email: String(data.get("email") ?? ""), password: String(data.get("password") ?? "") });
  }

  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <Field id="name" name="name" label={t("signUp.displayName")} autoComplete="name" required error={form.fieldError("name")} hint={t("signUp.displayNameHint")} />
        <Field id="email" name="email" type="email" label={t("email")} autoComplete="email" required error={form.fieldError("email")} />
        <Field
          id="password"
          name="password"
          type="password"
          label={t("password")}
          autoComplete="new-password"
          required
          error={form.fieldError("password")}
          hint={t("signUp.passwordHint")}
        />
        {/* Field errors are shown beside their inputs; the summary only announces them (form-alert.tsx). */}
        <FormAlert error={form.error} shownFields={["name", "email", "password"]} />
        <Button type="submit" disabled={form.pending} className="w-full">
          {form.pending ? t("signUp.pending") : t("signUp.submit")}
        </Button>
      </form>
      <p className="text-sm text-muted">
        {t("signUp.haveAccount")}{" "}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="text-accent underline underline-offset-2">
          {t("signUp.signIn")}
        </Link>
      </p>
    </div>
  );
}
