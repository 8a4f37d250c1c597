"use client";

import Link from "next/link";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { Outcome } from "@/lib/doors/outcome";

const alertBox = "rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger";

type Errors = { message?: string; fields?: Record<string, string> };

type Props = {
  /** Redirects to the new club on success, so only a failure comes back. */
  action: (input: { name: string; description: string }) => Promise<Outcome<{ clubId: string }>>;
  nameMaxLength: number;
  descriptionMaxLength: number;
};

export function CreateClubForm({ action, nameMaxLength, descriptionMaxLength }: Props) {
  const [errors, setErrors] = useState<Errors>({});
  const [description, setDescription] = useState("");
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") };
    setErrors({});
    startTransition(async () => {
      try {
        const result = await action(input);
        if (result && !result.ok) setErrors({ message: result.error.message, fields: result.error.fields });
      } catch {
        setErrors({ message: "We couldn't reach Chapterhouse. Check your connection and try again." });
      }
    });
  }

  const descriptionError = errors.fields?.description;
  return (
    <form onSubmit={onSubmit} className="space-y-5" noValidate>
      <Field
        id="club-name"
        name="name"
        label="Club name"
        required
        maxLength={nameMaxLength}
        autoComplete="off"
        error={errors.fields?.name}
        hint="Only members and people you invite will ever see it."
      />
      <div className="space-y-1.5">
        <label htmlFor="club-description" className="block text-sm font-medium text-ink">
          Description <span className="font-normal text-muted">(optional)</span>
        </label>
        <textarea
          id="club-description"
          name="description"
          rows={4}
          maxLength={descriptionMaxLength}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={descriptionError ? "club-description-hint club-description-error" : "club-description-hint"}
          className="block w-full resize-y rounded-md border border-line bg-white px-3 py-2 text-base leading-relaxed text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30"
        />
        <p id="club-description-hint" className="flex justify-between gap-3 text-xs text-muted">
          <span>When you meet, what you like to read, who it&apos;s for.</span>
          <span aria-hidden>
            {description.length}/{descriptionMaxLength}
          </span>
        </p>
        {descriptionError ? (
          <p id="club-description-error" className="text-sm text-danger">
            {descriptionError}
          </p>
        ) : null}
      </div>
      {errors.message ? (
        // A message that repeats a field's own error is only announced, not shown twice.
        <p role="alert" className={Object.values(errors.fields ?? {}).includes(errors.message) ? "sr-only" : alertBox}>
          {errors.message}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3 pt-1">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating the club…" : "Create club"}
        </Button>
        <Link href="/" className="rounded-md px-3 py-2 text-sm text-muted hover:text-ink">
          Cancel
        </Link>
      </div>
    </form>
  );
}
