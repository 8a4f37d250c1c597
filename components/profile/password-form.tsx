"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { ChangePasswordValues } from "@/lib/validation/profile";

/** Each of the schema's fields, as the password inputs hold it. */
type Values = Record<keyof ChangePasswordValues, string>;

type Props = {
  /** False for accounts made through GitHub or Google: they set a first password without a current one. */
  hasPassword: boolean;
  changePassword: (input: Values) => Promise<Outcome<{ hadPassword: boolean }>>;
};

export function PasswordForm({ hasPassword, changePassword }: Props) {
  const t = useTranslations();
  const [saved, setSaved] = useState<string | null>(null);
  const formElement = useRef<HTMLFormElement>(null);
  const form = useActionForm(changePassword, {
    onSuccess: (data) => {
      formElement.current?.reset();
      setSaved(data.hadPassword ? t("profile.password.changed") : t("profile.password.setDone"));
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setSaved(null);
    form.submit({
      currentPassword: String(data.get("currentPassword") ?? ""),
      newPassword: String(data.get("newPassword") ?? ""),
      confirmPassword: String(data.get("confirmPassword") ?? ""),
    });
  }

  return (
    <form ref={formElement} onSubmit={onSubmit} className="space-y-4" noValidate>
      {hasPassword ? (
        <Field
          id="current-password"
          name="currentPassword"
          type="password"
          label={t("profile.password.current")}
          autoComplete="current-password"
          required
          error={form.fieldError("currentPassword")}
        />
      ) : (
        <p className="text-sm leading-relaxed text-muted">
          {t("profile.password.noPassword")}
        </p>
      )}
      <Field
        id="new-password"
        name="newPassword"
        type="password"
        label={t("profile.password.new")}
        autoComplete="new-password"
        required
        error={form.fieldError("newPassword")}
        hint={t("profile.password.newHint")}
      />
      <Field
        id="confirm-password"
        name="confirmPassword"
        type="password"
        label={t("profile.password.confirm")}
        autoComplete="new-password"
        required
        error={form.fieldError("confirmPassword")}
      />
      {/* A refused current password is the account's answer, not a typing slip: its summary ("so the
          password was not changed") stays in view beside the field's own message. */}
      <FormAlert error={form.error} shownFields={["newPassword", "confirmPassword"]} />
      <div role="status">
        {saved ? <p className="rounded-md border border-accent/30 bg-accent-soft px-3 py-2 text-sm text-accent-strong">{saved}</p> : null}
      </div>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? t("common.saving") : hasPassword ? t("profile.password.change") : t("profile.password.set")}
      </Button>
    </form>
  );
}
