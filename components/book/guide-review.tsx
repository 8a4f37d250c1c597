"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { IconButton } from "@/components/ui/icon-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { BookShape } from "@/lib/books/points";
import { pointChoiceWords } from "@/lib/discussion/point-words";
import type { Outcome, WireError } from "@/lib/doors/outcome";
import type { ImportQuestionsValues } from "@/lib/validation/questions";
import { insertAtGuidePlace } from "./guide-places";
import { GuideSkipped, type SkippedItem } from "./guide-skipped";

/**
 * A question under review, with a key that stays with it while the list is reordered, and the
 * guide line it came from (null for one added by hand), which places lines brought back.
 */
export type ReviewItem = { key: number; text: string; section: string | null; line: number | null; reach: number | null };

export type GuideReviewProps = {
  action: (questions: ImportQuestionsValues["questions"]) => Promise<Outcome<null>>;
  bookTitle: string;
  existingCount: number;
  maxQuestions: number;
  maxLength: number;
  items: ReviewItem[];
  setItems: (update: (items: ReviewItem[]) => ReviewItem[]) => void;
  newItem: () => ReviewItem;
  /** The pasted guide's lines that did not become questions, and whether the parser stopped listing them. */
  skipped: readonly SkippedItem[];
  skippedTruncated: boolean;
  setSkipped: (update: (skipped: SkippedItem[]) => SkippedItem[]) => void;
  onBack: () => void;
  /** The book's chapters, for the reach each section's questions are given (proposed from its heading). */
  shape: BookShape | null;
};

/**
 * The guide import's second step: the questions found, to reword, reorder, remove or add to
 * (from scratch or from the lines the parser left out), then "Create N rooms". Checks the
 * server's rules first so a slip is shown where it is.
 */
export function GuideReview(props: GuideReviewProps) {
  const { items, setItems, newItem, skipped, skippedTruncated, setSkipped, onBack, action, bookTitle, existingCount, maxQuestions, maxLength, shape } = props;
  const t = useTranslations("book.review");
  const tPoints = useTranslations("discussion");
  const format = useFormatter();
  const headingId = useId();
  // On success the action moves on to the book's rooms; only a refusal comes back here.
  const form = useActionForm(action);
  const { pending } = form;
  const error = form.error?.code === "offline" ? { ...form.error, message: t("offline") } : form.error;
  const clearError = form.clearError;
  const [announcement, setAnnouncement] = useState("");
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const sectionRef = useRef<HTMLElement>(null);

  // After a move or removal, keep keyboard focus on something sensible instead of dropping it to the page.
  useEffect(() => {
    if (!focusTarget) return;
    sectionRef.current?.querySelector<HTMLElement>(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget, items, skipped]);

  const count = items.length;
  const tooMany = count > maxQuestions;

  function update(key: number, text: string) {
    clearError();
    setItems((current) => current.map((item) => (item.key === key ? { ...item, text } : item)));
  }

  /** Gives every question under `section` the same reach: a section is one stretch of the book. */
  function setSectionReach(section: string, reach: number | null) {
    clearError();
    setItems((current) => current.map((item) => (item.section === section ? { ...item, reach } : item)));
  }

  function move(index: number, offset: -1 | 1) {
    clearError();
    const target = index + offset;
    setItems((current) => {
      const next = [...current];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(target, 0, moved);
      return next;
    });
    const direction = offset < 0 ? "up" : "down";
    setAnnouncement(t(direction === "up" ? "movedUp" : "movedDown", { number: index + 1, to: target + 1 }));
    // At the top or bottom the button just pressed is disabled, so focus the one that still works.
    const atEdge = target === 0 || target === count - 1;
    const button = atEdge ? (direction === "up" ? "down" : "up") : direction;
    setFocusTarget(`[data-move="${target + 1}-${button}"]`);
  }

  function remove(index: number) {
    clearError();
    setItems((current) => current.filter((_, position) => position !== index));
    setAnnouncement(t("removed", { number: index + 1, left: count - 1 }));
    setFocusTarget(count > 1 ? `[data-question="${Math.min(index, count - 2) + 1}"]` : "[data-add-question]");
  }

  function add() {
    clearError();
    const item = newItem();
    setItems((current) => [...current, item]);
    setAnnouncement(t("added", { number: count + 1 }));
    setFocusTarget(`[data-question="${count + 1}"]`);
  }

  function bringBack(entry: SkippedItem, position: number) {
    clearError();
    const { items: next, index } = insertAtGuidePlace(items, { ...newItem(), text: entry.text, section: entry.section, line: entry.line });
    setItems(() => next);
    setSkipped((current) => current.filter((other) => other.key !== entry.key));
    setAnnouncement(t("addedAs", { number: index + 1 }));
    // Stay in the skipped list, on the line that takes this one's place, so several can be brought back in a row.
    const neighbour = skipped[position + 1] ?? skipped[position - 1];
    setFocusTarget(neighbour ? `[data-use-skipped="${neighbour.key}"]` : `[data-question="${index + 1}"]`);
  }

  // The same rules the server applies, checked here first so a slip is pointed out where it is.
  function findProblem(): WireError | null {
    if (count === 0) return { code: "bad_request", message: t("noneLeftError") };
    if (tooMany) return { code: "bad_request", message: t("tooManyError", { count, max: maxQuestions }) };
    const fields: Record<string, string> = {};
    items.forEach((item, index) => {
      if (!item.text.trim()) fields[`questions.${index}.text`] = t("emptyField");
    });
    const empty = Object.keys(fields).length;
    if (empty === 0) return null;
    const first = items.findIndex((item) => !item.text.trim()) + 1;
    const message = empty === 1 ? t("oneEmpty", { number: first }) : t("manyEmpty", { count: empty });
    return { code: "bad_request", message, fields };
  }

  function create() {
    const problem = findProblem();
    if (problem) {
      form.fail(problem);
      const first = Object.keys(problem.fields ?? {})[0]?.split(".")[1];
      if (first !== undefined) setFocusTarget(`[data-question="${Number(first) + 1}"]`);
      return;
    }
    form.submit(items.map(({ text, section, reach }) => ({ text, section, reach })));
  }

  const createLabel = t("create", { count });
  const intro = t.rich(existingCount > 0 ? "introExisting" : "intro", {
    title: bookTitle,
    count: existingCount,
    cite: (chunks) => <cite className="not-italic text-ink">{chunks}</cite>,
  });
  const reachChoices = pointChoiceWords(tPoints, shape, "reach");
  return (
    <section ref={sectionRef} aria-labelledby={headingId} className="space-y-5">
      <div className="space-y-1">
        <h2 id={headingId} className="font-serif text-2xl font-semibold">
          {t("heading", { count })}
        </h2>
        <p className="text-muted">
          {intro}
        </p>
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>

      {count > 0 ? (
        <ol className="space-y-3">
          {items.map((item, index) => {
            const number = index + 1;
            const fieldId = `review-question-${item.key}`;
            const serverError = form.fieldError(`questions.${index}.text`);
            const tooLong = item.text.trim().length > maxLength;
            const problem = serverError ?? (tooLong ? t("tooLong", { max: format.number(maxLength) }) : null);
            const showSection = item.section !== null && item.section !== items[index - 1]?.section;
            return (
              <li key={item.key} className="space-y-2">
                {showSection && item.section !== null ? (
                  <div className="flex flex-wrap items-center justify-between gap-2 pt-2">
                    <p className="text-xs font-medium uppercase tracking-wider text-muted">{item.section}</p>
                    <label className="flex items-center gap-2 text-sm text-muted">
                      {t("reaches")}
                      <select
                        value={item.reach === null ? "" : String(item.reach)}
                        onChange={(event) => {
                          const section = item.section;
                          if (section !== null) setSectionReach(section, event.target.value === "" ? null : Number(event.target.value));
                        }}
                        aria-label={t("reachLabel", { section: item.section })}
                        className="min-h-9 rounded-md border border-line bg-white px-2 py-1 text-sm text-ink"
                      >
                        <option value="">{t("notSaid")}</option>
                        {reachChoices.map((choice) => (
                          <option key={choice.rank} value={choice.rank}>
                            {choice.label}
                          </option>
                        ))}
                      </select>
                    </label>
                  </div>
                ) : null}
                <div className={`rounded-lg border bg-white p-3 shadow-sm sm:p-4 ${problem ? "border-danger/50" : "border-line"}`}>
                  <div className="flex items-start gap-3">
                    <span aria-hidden className="w-6 shrink-0 pt-2 text-right font-serif text-lg text-muted">
                      {number}
                    </span>
                    <textarea
                      id={fieldId}
                      aria-label={t("questionLabel", { number })}
                      data-question={number}
                      value={item.text}
                      onChange={(event) => update(item.key, event.target.value)}
                      rows={1}
                      placeholder={t("questionPlaceholder")}
                      aria-invalid={problem ? true : undefined}
                      aria-describedby={problem ? `${fieldId}-error` : undefined}
                      className="field-sizing-content block min-h-11 w-full min-w-0 flex-1 resize-none rounded-md border border-transparent bg-paper/50 px-2.5 py-2 font-serif text-base leading-snug text-ink hover:border-line focus:border-accent focus:bg-white focus:outline-2 focus:outline-accent/30 sm:text-lg"
                    />
                  </div>
                  {problem ? (
                    <p id={`${fieldId}-error`} className="mt-1.5 pl-9 text-sm text-danger">
                      {problem}
                    </p>
                  ) : null}
                  <div className="mt-2 flex flex-wrap justify-end gap-1.5 pl-9">
                    <IconButton look="chip" label={t("upLabel", { number })} data-move={`${number}-up`} disabled={index === 0} onClick={() => move(index, -1)}>
                      <span aria-hidden>↑</span> {t("up")}
                    </IconButton>
                    <IconButton
                      look="chip"
                      label={t("downLabel", { number })}
                      data-move={`${number}-down`}
                      disabled={index === count - 1}
                      onClick={() => move(index, 1)}
                    >
                      <span aria-hidden>↓</span> {t("down")}
                    </IconButton>
                    <IconButton look="chip" label={t("removeLabel", { number })} tone="danger" onClick={() => remove(index)}>
                      {t("remove")}
                    </IconButton>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="rounded-lg border border-dashed border-line bg-white/60 p-5 text-center text-muted">{t("noneLeft")}</p>
      )}

      <div className="flex flex-wrap items-center justify-between gap-3">
        <Button variant="secondary" onClick={add} data-add-question>
          {t("add")}
        </Button>
        <Button variant="quiet" onClick={onBack}>
          {t("back")}
        </Button>
      </div>

      <GuideSkipped entries={skipped} truncated={skippedTruncated} onUse={bringBack} />

      {tooMany && !error ? (
        <p className="text-sm text-danger">
          {t("tooMany", { count, max: maxQuestions })}
        </p>
      ) : null}
      {/* Always shown: the list can be long, and this sits by the button. */}
      <FormAlert error={error} />

      <div className="sticky bottom-0 -mx-4 border-t border-line bg-paper/95 px-4 py-3 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0 sm:py-0">
        <Button onClick={create} disabled={pending} className="w-full sm:w-auto">
          {pending ? t("creating") : createLabel}
        </Button>
      </div>
    </section>
  );
}
