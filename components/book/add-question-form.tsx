"use client";

import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/text-area";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { AddQuestionValues } from "@/lib/validation/questions";

type Props = {
  add: (values: AddQuestionValues) => Promise<Outcome<null>>;
  maxLength: number;
  announce: (message: string) => void;
};

/** Adds one question at the end of a book's list. Its field carries `data-add-field` for the list to focus. */
export function AddQuestionForm({ add, maxLength, announce }: Props) {
  const t = useTranslations("book.questions");
  const [text, setText] = useState("");
  const form = useActionForm(add, {
    onSuccess: () => {
      setText("");
      announce(t("added"));
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) {
      form.fail({ code: "bad_request", message: t("writeFirst") });
      return;
    }
    form.submit({ question: text });
  }

  return (
    <form id="add-question" onSubmit={submit} className="scroll-mt-6 space-y-2 rounded-lg border border-line bg-white p-4 shadow-sm sm:p-5" noValidate>
      <TextArea
        id="add-question-text"
        label={t("addLabel")}
        labelLook="heading"
        data-add-field
        value={text}
        onChange={(event) => setText(event.target.value)}
        maxLength={maxLength}
        rows={3}
        placeholder={t("addPlaceholder")}
        // The form's one field: whatever went wrong is said under it.
        error={form.error?.message}
        announceError
      />
      <div className="flex justify-end">
        <Button type="submit" disabled={form.pending}>
          {form.pending ? t("adding") : t("add")}
        </Button>
      </div>
    </form>
  );
}
