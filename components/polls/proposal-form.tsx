"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { PollView } from "@/lib/polls/views";
import { pollLimits, type BookOptionValues } from "@/lib/validation/polls";

type Props = {
  propose: (values: BookOptionValues) => Promise<Outcome<PollView>>;
  onProposed: (view: PollView) => void;
};

/** A member proposes a book for the vote: title and author, and optionally a link and a cover image. */
export function ProposalForm({ propose, onProposed }: Props) {
  const t = useTranslations("polls.propose");
  const formElement = useRef<HTMLFormElement>(null);
  const [added, setAdded] = useState<string | null>(null);
  const form = useActionForm(propose, {
    onSuccess: (view, input) => {
      onProposed(view);
      formElement.current?.reset();
      setAdded(input.title);
    },
  });
  const { fieldError } = form;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setAdded(null);
    form.submit({
      title: String(data.get("title") ?? ""),
      author: String(data.get("author") ?? ""),
      link: String(data.get("link") ?? ""),
      coverUrl: String(data.get("coverUrl") ?? ""),
    });
  }

  return (
    <form ref={formElement} onSubmit={onSubmit} noValidate className="space-y-4 rounded-lg border border-line bg-white p-4 shadow-sm sm:p-5">
      <div>
        <h2 className="font-serif text-xl font-semibold">{t("heading")}</h2>
        <p className="text-sm text-muted">{t("intro")}</p>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="propose-title" name="title" label={t("title")} required maxLength={pollLimits.option} error={fieldError("title")} />
        <Field id="propose-author" name="author" label={t("author")} required maxLength={pollLimits.author} error={fieldError("author")} />
        <Field id="propose-link" name="link" type="url" inputMode="url" label={t("link")} hint={t("linkHint")} maxLength={pollLimits.url} error={fieldError("link")} />
        <Field id="propose-cover" name="coverUrl" type="url" inputMode="url" label={t("cover")} hint={t("coverHint")} maxLength={pollLimits.url} error={fieldError("coverUrl")} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t("sending") : t("submit")}
        </Button>
        <p aria-live="polite" className="text-sm text-muted">
          {added ? t("added", { title: added }) : ""}
        </p>
      </div>
      <FormAlert error={form.error} shownFields={["title", "author", "link", "coverUrl"]} />
    </form>
  );
}
