"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { IconButton } from "@/components/ui/icon-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { ManagedQuestion, QuestionActions } from "./question-types";

type RowProps = {
  question: ManagedQuestion;
  number: number;
  isFirst: boolean;
  isLast: boolean;
  count: number;
  sectionLabel: string | null;
  actions: QuestionActions;
  maxLength: number;
  announce: (message: string) => void;
  focus: (selector: string) => void;
};

/** One change to a question: what the row's buttons and edit form send. */
type Change = { kind: "edit"; question: string } | { kind: "move"; direction: "up" | "down" } | { kind: "remove"; confirmArchive: boolean };

/** One question of a book's list: view, edit in place, move, or delete (archive when it has replies) after asking. */
export function QuestionRow({ question, number, isFirst, isLast, count, sectionLabel, actions, maxLength, announce, focus }: RowProps) {
  const t = useTranslations("book.questions");
  const router = useRouter();
  const [mode, setMode] = useState<"view" | "edit" | "confirm">("view");
  const [draft, setDraft] = useState(question.question);
  const form = useActionForm(
    (change: Change): Promise<Outcome<{ status: "deleted" | "archived" } | null>> => {
      if (change.kind === "edit") return actions.edit(question.id, { question: change.question });
      if (change.kind === "move") return actions.move(question.id, { direction: change.direction });
      return actions.remove(question.id, { confirmArchive: change.confirmArchive });
    },
    {
      onSuccess: (data, change) => {
        if (change.kind === "edit") {
          setMode("view");
          announce(t("saved", { number }));
          focus(`[data-edit="${question.id}"]`);
        } else if (change.kind === "move") {
          const to = change.direction === "up" ? number - 1 : number + 1;
          announce(t(change.direction === "up" ? "movedUp" : "movedDown", { number, to }));
          // At the top or bottom the pressed button is disabled, so focus the one that still works.
          const atEdge = change.direction === "up" ? to === 1 : to === count;
          const button = atEdge ? (change.direction === "up" ? "down" : "up") : change.direction;
          focus(`[data-room="${question.id}"][data-number="${to}"][data-direction="${button}"]`);
        } else {
          announce(data?.status === "archived" ? t("archived", { number }) : t("deleted", { number }));
          focus("[data-add-field]");
        }
      },
      onFailure: (_, change) => {
        // Most likely someone replied since this page loaded: with the fresh count, the prompt asks to archive instead.
        if (change.kind === "remove") router.refresh();
      },
    },
  );
  const { pending } = form;
  const error = form.error?.message ?? null;
  const editField = useRef<HTMLTextAreaElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const fieldId = `question-${question.id}`;

  useEffect(() => {
    if (mode === "edit") editField.current?.focus();
    if (mode === "confirm") confirmButton.current?.focus();
  }, [mode]);

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft.trim()) {
      form.fail({ code: "bad_request", message: t("writeOrCancel") });
      return;
    }
    form.submit({ kind: "edit", question: draft });
  }

  const move = (direction: "up" | "down") => form.submit({ kind: "move", direction });
  const remove = () => form.submit({ kind: "remove", confirmArchive: question.replyCount > 0 });

  const errorId = `${fieldId}-error`;
  return (
    <li>
      {sectionLabel ? (
        <p className="border-b border-line bg-paper/60 px-4 py-2 text-xs font-medium uppercase tracking-wider text-muted sm:px-5">{sectionLabel}</p>
      ) : null}
      <div className="p-4 sm:p-5">
        <div className="flex gap-3 sm:gap-4">
          <span aria-hidden className="w-6 shrink-0 pt-0.5 text-right font-serif text-lg text-muted">
            {number}
          </span>
          <div className="min-w-0 flex-1 space-y-3">
            {mode === "edit" ? (
              <form onSubmit={save} className="space-y-2" noValidate>
                <label htmlFor={fieldId} className="sr-only">
                  {t("fieldLabel", { number })}
                </label>
                <textarea
                  id={fieldId}
                  ref={editField}
                  value={draft}
                  onChange={(event) => setDraft(event.target.value)}
                  maxLength={maxLength}
                  rows={3}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? errorId : undefined}
                  className="field-sizing-content block min-h-[4.5rem] w-full resize-y rounded-md border border-line bg-white px-3 py-2 font-serif text-lg leading-snug text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30"
                />
                <div className="flex flex-wrap gap-2">
                  <Button type="submit" disabled={pending}>
                    {pending ? t("saving") : t("save")}
                  </Button>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setDraft(question.question);
                      form.clearError();
                      setMode("view");
                      focus(`[data-edit="${question.id}"]`);
                    }}
                  >
                    {t("cancel")}
                  </Button>
                </div>
              </form>
            ) : (
              <div>
                <p className="font-serif text-lg leading-snug text-ink">
                  <span className="sr-only">{t("srNumber", { number })}</span>
                  {question.question}
                </p>
                <p className="mt-1 text-sm text-muted">{t("replies", { count: question.replyCount })}</p>
              </div>
            )}

            {mode === "confirm" ? (
              <div role="group" aria-label={t("confirmGroup", { number })} className="space-y-3 rounded-md border border-danger/30 bg-red-50/60 p-3">
                <p className="text-sm text-ink">
                  {question.replyCount > 0 ? t("archiveAsk", { count: question.replyCount }) : t("deleteAsk")}
                </p>
                <div className="flex flex-wrap gap-2">
                  <button
                    type="button"
                    ref={confirmButton}
                    onClick={remove}
                    disabled={pending}
                    className="inline-flex items-center justify-center rounded-md bg-danger px-4 py-2 text-sm font-medium text-white hover:bg-danger/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-danger disabled:opacity-60"
                  >
                    {pending ? t("working") : question.replyCount > 0 ? t("archiveConfirm", { number }) : t("deleteConfirm", { number })}
                  </button>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      form.clearError();
                      setMode("view");
                      focus(`[data-delete="${question.id}"]`);
                    }}
                  >
                    {t("keep")}
                  </Button>
                </div>
              </div>
            ) : null}

            <FormAlert id={errorId} look="line" error={form.error} />

            {mode === "view" ? (
              // On a phone the four chips only share one line without their arrows (Spanish words are longer); the words say the direction.
              <div className="flex flex-wrap gap-1 sm:gap-1.5">
                <IconButton look="chip" label={t("editLabel", { number })} data-edit={question.id} disabled={pending} onClick={() => setMode("edit")}>
                  {t("edit")}
                </IconButton>
                <IconButton
                  look="chip"
                  label={t("upLabel", { number })}
                  data-room={question.id}
                  data-number={number}
                  data-direction="up"
                  disabled={pending || isFirst}
                  onClick={() => move("up")}
                >
                  <span aria-hidden className="hidden sm:inline">
                    ↑{" "}
                  </span>
                  {t("up")}
                </IconButton>
                <IconButton
                  look="chip"
                  label={t("downLabel", { number })}
                  data-room={question.id}
                  data-number={number}
                  data-direction="down"
                  disabled={pending || isLast}
                  onClick={() => move("down")}
                >
                  <span aria-hidden className="hidden sm:inline">
                    ↓{" "}
                  </span>
                  {t("down")}
                </IconButton>
                <IconButton look="chip" label={t("deleteLabel", { number })} data-delete={question.id} tone="danger" disabled={pending} onClick={() => setMode("confirm")}>
                  {t("delete")}
                </IconButton>
              </div>
            ) : null}
          </div>
        </div>
      </div>
    </li>
  );
}
