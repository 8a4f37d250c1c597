"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { CopyLink } from "@/components/invite/copy-link";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { CreateInviteValues } from "@/lib/validation/invites";

type Props = {
  /** Each of the schema's fields as its input holds it: the server parses them. */
  action: (input: Record<keyof CreateInviteValues, string>) => Promise<Outcome<{ id: string; path: string }>>;
  origin: string;
  expiryChoices: readonly number[];
  defaultExpiryDays: number;
  maxUsesLimit: number;
};

export function CreateInviteForm({ action, origin, expiryChoices, defaultExpiryDays, maxUsesLimit }: Props) {
  const t = useTranslations("invite.create");
  const id = useId();
  const [created, setCreated] = useState<string | null>(null);
  const form = useActionForm(action, { onSuccess: (data) => setCreated(`${origin}${data.path}`) });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setCreated(null);
    form.submit({ expiresInDays: String(data.get("expiresInDays") ?? ""), maxUses: String(data.get("maxUses") ?? "") });
  }

  const maxUsesError = form.fieldError("maxUses");
  const expiryError = form.fieldError("expiresInDays");
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor={`${id}-expiry`} className="block text-sm font-medium text-ink">
            {t("expiry")}
          </label>
          <select
            id={`${id}-expiry`}
            name="expiresInDays"
            defaultValue={String(defaultExpiryDays)}
            aria-invalid={expiryError ? true : undefined}
            aria-describedby={expiryError ? `${id}-expiry-error` : undefined}
            className="block w-full rounded-md border border-line bg-white px-3 py-2 text-base text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30"
          >
            {expiryChoices.map((days) => (
              <option key={days} value={days}>
                {t("days", { count: days })}
              </option>
            ))}
          </select>
          {expiryError ? (
            <p id={`${id}-expiry-error`} className="text-sm text-danger">
              {expiryError}
            </p>
          ) : null}
        </div>
        <div className="space-y-1.5">
          <label htmlFor={`${id}-uses`} className="block text-sm font-medium text-ink">
            {t("maxUses")} <span className="font-normal text-muted">{t("optional")}</span>
          </label>
          <input
            id={`${id}-uses`}
            name="maxUses"
            type="number"
            inputMode="numeric"
            min={1}
            max={maxUsesLimit}
            step={1}
            placeholder={t("noLimit")}
            aria-invalid={maxUsesError ? true : undefined}
            aria-describedby={[`${id}-uses-hint`, maxUsesError ? `${id}-uses-error` : null].filter(Boolean).join(" ")}
            className="block w-full rounded-md border border-line bg-white px-3 py-2 text-base text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30"
          />
          <p id={`${id}-uses-hint`} className="text-xs text-muted">
            {t("maxUsesHint")}
          </p>
          {maxUsesError ? (
            <p id={`${id}-uses-error`} className="text-sm text-danger">
              {maxUsesError}
            </p>
          ) : null}
        </div>
      </div>
      <FormAlert error={form.error} shownFields={["expiresInDays", "maxUses"]} />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? t("creating") : t("submit")}
      </Button>
      {created ? (
        <div role="status" className="space-y-2 rounded-md border border-accent/30 bg-accent-soft p-4">
          <p className="text-sm font-medium text-accent-strong">{t("ready")}</p>
          <CopyLink url={created} label={t("newLink")} />
        </div>
      ) : null}
    </form>
  );
}
