"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { Outcome } from "@/lib/doors/outcome";
import type { CreateBookValues } from "@/lib/validation/books";

type Props = {
  /** Adding or editing; editing ignores `makeCurrent`. */
  action: (values: CreateBookValues) => Promise<Outcome<{ href: string }>>;
  initial?: { title?: string; author?: string; year?: string; coverUrl?: string; description?: string; makeCurrent?: boolean };
  submitLabel: string;
  pendingLabel: string;
  cancelHref: string;
  /** Offered when adding a book to a club that already reads another one. */
  offerMakeCurrent?: boolean;
  descriptionMaxLength: number;
};

export function BookForm({ action, initial, submitLabel, pendingLabel, cancelHref, offerMakeCurrent = false, descriptionMaxLength }: Props) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> } | null>(null);
  const [description, setDescription] = useState(initial?.description ?? "");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values: CreateBookValues = {
      title: String(form.get("title") ?? ""),
      author: String(form.get("author") ?? ""),
      year: String(form.get("year") ?? ""),
      coverUrl: String(form.get("coverUrl") ?? ""),
      description,
      makeCurrent: offerMakeCurrent ? form.get("makeCurrent") === "on" : undefined,
    };
    setPending(true);
    setError(null);
    try {
      const result = await action(values);
      if (result.ok) {
        router.push(result.data.href);
        return;
      }
      setError({ message: result.error.message, fields: result.error.fields });
    } catch {
      setError({ message: "We couldn't reach Chapterhouse. Check your connection and try again." });
    }
    setPending(false);
  }

  const fields = error?.fields;
  const descriptionError = fields?.description;
  return (
    <form onSubmit={onSubmit} className="space-y-5 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6" noValidate>
      <Field id="book-title" name="title" label="Title" defaultValue={initial?.title} required maxLength={200} error={fields?.title} />
      <Field id="book-author" name="author" label="Author" defaultValue={initial?.author} required maxLength={200} error={fields?.author} />
      <div className="grid gap-5 sm:grid-cols-[10rem_1fr]">
        <Field
          id="book-year"
          name="year"
          label="Year (optional)"
          inputMode="numeric"
          defaultValue={initial?.year}
          error={fields?.year}
          hint="When it was first published."
        />
        <Field
          id="book-cover"
          name="coverUrl"
          type="url"
          label="Cover image link (optional)"
          placeholder="https://"
          defaultValue={initial?.coverUrl}
          error={fields?.coverUrl}
          hint="A link to an image that starts with https://."
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="book-description" className="block text-sm font-medium text-ink">
          Description (optional)
        </label>
        <textarea
          id="book-description"
          name="description"
          rows={4}
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          maxLength={descriptionMaxLength}
          aria-invalid={descriptionError ? true : undefined}
          aria-describedby={`book-description-hint${descriptionError ? " book-description-error" : ""}`}
          className="block w-full resize-y rounded-md border border-line bg-white px-3 py-2 text-base leading-relaxed text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30"
        />
        <p id="book-description-hint" className="text-xs text-muted">
          A few spoiler-free lines for members. {description.length.toLocaleString("en")} / {descriptionMaxLength.toLocaleString("en")}
        </p>
        {descriptionError ? (
          <p id="book-description-error" className="text-sm text-danger">
            {descriptionError}
          </p>
        ) : null}
      </div>
      {offerMakeCurrent ? (
        <label className="flex items-start gap-3 rounded-md border border-line bg-paper/60 p-3 text-sm">
          <input type="checkbox" name="makeCurrent" defaultChecked={initial?.makeCurrent ?? true} className="mt-0.5 size-4 accent-accent" />
          <span>
            <span className="block font-medium text-ink">Make this the book the club is reading now</span>
            <span className="block text-muted">The current book moves to the club&apos;s past books, and stays readable there.</span>
          </span>
        </label>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger">
          {error.message}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </Button>
        <Link href={cancelHref} className="px-2 py-2 text-sm text-muted hover:text-ink">
          Cancel
        </Link>
      </div>
    </form>
  );
}
