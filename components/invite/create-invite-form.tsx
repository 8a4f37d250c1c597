"use client";

import { useId, useState, useTransition, type FormEvent } from "react";
import { CopyLink } from "@/components/invite/copy-link";
import { Button } from "@/components/ui/button";
import type { Outcome } from "@/lib/doors/outcome";

type Props = {
  action: (input: { expiresInDays: string; maxUses: string }) => Promise<Outcome<{ id: string; path: string }>>;
  origin: string;
  expiryChoices: readonly number[];
  defaultExpiryDays: number;
  maxUsesLimit: number;
};

const alertBox = "rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger";

type Errors = { message?: string; fields?: Record<string, string> };

const dayLabel = (days: number) => (days === 1 ? "1 day" : `${days} days`);

export function CreateInviteForm({ action, origin, expiryChoices, defaultExpiryDays, maxUsesLimit }: Props) {
  const id = useId();
  const [errors, setErrors] = useState<Errors>({});
  const [created, setCreated] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { expiresInDays: String(form.get("expiresInDays") ?? ""), maxUses: String(form.get("maxUses") ?? "") };
    setErrors({});
    setCreated(null);
    startTransition(async () => {
      try {
        const result = await action(input);
        if (result.ok) setCreated(`${origin}${result.data.path}`);
        else setErrors({ message: result.error.message, fields: result.error.fields });
      } catch {
        setErrors({ message: "We couldn't reach Chapterhouse. Check your connection and try again." });
      }
    });
  }

  const maxUsesError = errors.fields?.maxUses;
  const expiryError = errors.fields?.expiresInDays;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor={`${id}-expiry`} className="block text-sm font-medium text-ink">
            Link stays open for
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
                {dayLabel(days)}
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
            Most people who can join <span className="font-normal text-muted">(optional)</span>
          </label>
          <input
            id={`${id}-uses`}
            name="maxUses"
            type="number"
            inputMode="numeric"
            min={1}
            max={maxUsesLimit}
            step={1}
            placeholder="No limit"
            aria-invalid={maxUsesError ? true : undefined}
            aria-describedby={[`${id}-uses-hint`, maxUsesError ? `${id}-uses-error` : null].filter(Boolean).join(" ")}
            className="block w-full rounded-md border border-line bg-white px-3 py-2 text-base text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30"
          />
          <p id={`${id}-uses-hint`} className="text-xs text-muted">
            Leave empty to let anyone with the link join until it expires.
          </p>
          {maxUsesError ? (
            <p id={`${id}-uses-error`} className="text-sm text-danger">
              {maxUsesError}
            </p>
          ) : null}
        </div>
      </div>
      {errors.message ? (
        // A message that repeats a field's own error is only announced, not shown twice.
        <p role="alert" className={Object.values(errors.fields ?? {}).includes(errors.message) ? "sr-only" : alertBox}>
          {errors.message}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Creating the link…" : "Create invite link"}
      </Button>
      {created ? (
        <div role="status" className="space-y-2 rounded-md border border-accent/30 bg-accent-soft p-4">
          <p className="text-sm font-medium text-accent-strong">New invite link ready. Copy it and send it to the people you&apos;d like to invite.</p>
          <CopyLink url={created} label="New invite link" />
        </div>
      ) : null}
    </form>
  );
}
