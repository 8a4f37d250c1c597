"use client";

import { useEffect, useId, useRef, useState, type ButtonHTMLAttributes, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { Outcome } from "@/lib/doors/outcome";
import { parseGuide } from "@/lib/guides/parse";
import type { ImportQuestionsValues } from "@/lib/validation/questions";

type ReviewedQuestion = { text: string; section: string | null };

type Item = ReviewedQuestion & { key: number };

type Props = {
  action: (questions: ImportQuestionsValues["questions"]) => Promise<Outcome<null>>;
  bookTitle: string;
  existingCount: number;
  maxQuestions: number;
  maxLength: number;
};

/**
 * Paste → review → create. Parsing happens here in the browser (the parser is pure), and
 * nothing is written until "Create N rooms": the server then validates the reviewed list and
 * creates every room in one transaction.
 */
export function GuideImport({ action, bookTitle, existingCount, maxQuestions, maxLength }: Props) {
  const [step, setStep] = useState<"paste" | "review">("paste");
  const [guide, setGuide] = useState("");
  const [items, setItems] = useState<Item[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const nextKey = useRef(1);

  function toItems(questions: ReviewedQuestion[]): Item[] {
    return questions.map((question) => ({ ...question, key: nextKey.current++ }));
  }

  function findQuestions(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!guide.trim()) {
      setNotice("Paste the guide's text first: copy it from the web page or document, then paste it here.");
      return;
    }
    const { questions } = parseGuide(guide);
    if (questions.length === 0) {
      setNotice(
        "We couldn't find any questions in that text. Guides work best with one question per line, each ending in a question mark. You can also add the questions one by one.",
      );
      return;
    }
    setNotice(null);
    setItems(toItems(questions.map((question) => ({ text: question.text, section: question.section ?? null }))));
    setStep("review");
  }

  function startByHand() {
    setNotice(null);
    setItems(toItems([{ text: "", section: null }]));
    setStep("review");
  }

  if (step === "review") {
    return (
      <ReviewStep
        items={items}
        setItems={setItems}
        newItem={() => ({ key: nextKey.current++, text: "", section: null })}
        onBack={() => setStep("paste")}
        action={action}
        bookTitle={bookTitle}
        existingCount={existingCount}
        maxQuestions={maxQuestions}
        maxLength={maxLength}
      />
    );
  }

  return (
    <form onSubmit={findQuestions} className="space-y-4" noValidate>
      <div className="space-y-1.5">
        <label htmlFor="guide-text" className="block font-serif text-lg font-semibold text-ink">
          Paste the discussion guide
        </label>
        <p id="guide-text-hint" className="text-sm text-muted">
          Numbered or bulleted lists, questions grouped under headings, and whole web pages with other text around the questions
          all work. You&apos;ll review what we find before anything is created.
        </p>
        <textarea
          id="guide-text"
          value={guide}
          onChange={(event) => setGuide(event.target.value)}
          rows={16}
          aria-describedby={`guide-text-hint${notice ? " guide-text-notice" : ""}`}
          placeholder={"1. What did you make of the opening chapter?\n2. Which character changed the most, and how?"}
          className="block min-h-64 w-full resize-y rounded-lg border border-line bg-white px-3 py-3 font-mono text-sm leading-relaxed text-ink shadow-sm placeholder:text-muted/70 focus:border-accent focus:outline-2 focus:outline-accent/30 sm:px-4"
        />
      </div>
      {notice ? (
        <p id="guide-text-notice" role="alert" className="rounded-md border border-line bg-accent-soft px-3 py-2.5 text-sm text-accent-strong">
          {notice}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit">Find questions</Button>
        <Button variant="quiet" onClick={startByHand}>
          Or type the questions yourself
        </Button>
      </div>
    </form>
  );
}

type ReviewProps = Omit<Props, "action"> & {
  action: Props["action"];
  items: Item[];
  setItems: (update: (items: Item[]) => Item[]) => void;
  newItem: () => Item;
  onBack: () => void;
};

function ReviewStep({ items, setItems, newItem, onBack, action, bookTitle, existingCount, maxQuestions, maxLength }: ReviewProps) {
  const headingId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ message: string; fields?: Record<string, string> } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // After a move or removal, keep keyboard focus on something sensible instead of dropping it to the page.
  useEffect(() => {
    if (!focusTarget) return;
    listRef.current?.parentElement?.querySelector<HTMLElement>(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget, items]);

  const count = items.length;
  const tooMany = count > maxQuestions;

  function update(key: number, text: string) {
    setError(null);
    setItems((current) => current.map((item) => (item.key === key ? { ...item, text } : item)));
  }

  function move(index: number, offset: -1 | 1) {
    setError(null);
    const target = index + offset;
    setItems((current) => {
      const next = [...current];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(target, 0, moved);
      return next;
    });
    const direction = offset < 0 ? "up" : "down";
    setAnnouncement(`Question ${index + 1} moved ${direction} to ${target + 1}.`);
    // At the top or bottom the button just pressed is disabled, so focus the one that still works.
    const atEdge = target === 0 || target === count - 1;
    const button = atEdge ? (direction === "up" ? "down" : "up") : direction;
    setFocusTarget(`[data-move="${target + 1}-${button}"]`);
  }

  function remove(index: number) {
    setError(null);
    setItems((current) => current.filter((_, position) => position !== index));
    setAnnouncement(`Question ${index + 1} removed. ${count - 1} left.`);
    setFocusTarget(count > 1 ? `[data-question="${Math.min(index, count - 2) + 1}"]` : "[data-add-question]");
  }

  function add() {
    setError(null);
    const item = newItem();
    setItems((current) => [...current, item]);
    setAnnouncement(`Question ${count + 1} added at the end.`);
    setFocusTarget(`[data-question="${count + 1}"]`);
  }

  // The same rules the server applies, checked here first so a slip is pointed out where it is.
  function findProblem(): { message: string; fields?: Record<string, string> } | null {
    if (count === 0) return { message: "There are no questions left to create. Add one, or go back and paste the guide again." };
    if (tooMany) return { message: `That's ${count} questions; a guide can create at most ${maxQuestions} rooms at a time. Remove some to continue.` };
    const fields: Record<string, string> = {};
    items.forEach((item, index) => {
      if (!item.text.trim()) fields[`questions.${index}.text`] = "Write the question, or remove it.";
    });
    const empty = Object.keys(fields).length;
    if (empty === 0) return null;
    const first = items.findIndex((item) => !item.text.trim()) + 1;
    return { message: empty === 1 ? `Question ${first} is empty: write it or remove it.` : `${empty} questions are empty: write them or remove them.`, fields };
  }

  async function create() {
    const problem = findProblem();
    if (problem) {
      setError(problem);
      const first = Object.keys(problem.fields ?? {})[0]?.split(".")[1];
      if (first !== undefined) setFocusTarget(`[data-question="${Number(first) + 1}"]`);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await action(items.map(({ text, section }) => ({ text, section })));
      // On success the action moves on to the book's rooms; only a refusal comes back here.
      if (result && !result.ok) setError({ message: result.error.message, fields: result.error.fields });
    } catch {
      setError({ message: "We couldn't reach Chapterhouse. Nothing was created; try again in a moment." });
    }
    setPending(false);
  }

  const createLabel = `Create ${count} ${count === 1 ? "room" : "rooms"}`;
  return (
    <section aria-labelledby={headingId} className="space-y-5">
      <div className="space-y-1">
        <h2 id={headingId} className="font-serif text-2xl font-semibold">
          Review {count} {count === 1 ? "question" : "questions"}
        </h2>
        <p className="text-muted">
          Each question becomes a room for <cite className="not-italic text-ink">{bookTitle}</cite>
          {existingCount > 0 ? `, numbered on after its ${existingCount} existing ${existingCount === 1 ? "question" : "questions"}` : ""}.
          Fix the wording, change the order or remove what doesn&apos;t belong. Nothing is created until you say so.
        </p>
      </div>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>

      {count > 0 ? (
        <ol ref={listRef} className="space-y-3">
          {items.map((item, index) => {
            const number = index + 1;
            const fieldId = `review-question-${item.key}`;
            const serverError = error?.fields?.[`questions.${index}.text`];
            const tooLong = item.text.trim().length > maxLength;
            const problem = serverError ?? (tooLong ? `Keep each question under ${maxLength.toLocaleString("en")} characters.` : null);
            const showSection = item.section !== null && item.section !== items[index - 1]?.section;
            return (
              <li key={item.key} className="space-y-2">
                {showSection ? <p className="pt-2 text-xs font-medium uppercase tracking-wider text-muted">{item.section}</p> : null}
                <div className={`rounded-lg border bg-white p-3 shadow-sm sm:p-4 ${problem ? "border-danger/50" : "border-line"}`}>
                  <div className="flex items-start gap-3">
                    <span aria-hidden className="w-6 shrink-0 pt-2 text-right font-serif text-lg text-muted">
                      {number}
                    </span>
                    <textarea
                      id={fieldId}
                      aria-label={`Question ${number}`}
                      data-question={number}
                      value={item.text}
                      onChange={(event) => update(item.key, event.target.value)}
                      rows={1}
                      placeholder="Write the question"
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
                    <SmallButton label={`Move question ${number} up`} data-move={`${number}-up`} disabled={index === 0} onClick={() => move(index, -1)}>
                      <span aria-hidden>↑</span> Up
                    </SmallButton>
                    <SmallButton
                      label={`Move question ${number} down`}
                      data-move={`${number}-down`}
                      disabled={index === count - 1}
                      onClick={() => move(index, 1)}
                    >
                      <span aria-hidden>↓</span> Down
                    </SmallButton>
                    <SmallButton label={`Remove question ${number}`} tone="danger" onClick={() => remove(index)}>
                      Remove
                    </SmallButton>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="rounded-lg border border-dashed border-line bg-white/60 p-5 text-center text-muted">No questions left. Add one below, or go back to the guide.</p>
      )}

      <div className="flex flex-wrap items-center justify-between gap-3">
        <Button variant="secondary" onClick={add} data-add-question>
          + Add a question
        </Button>
        <Button variant="quiet" onClick={onBack}>
          Back to the pasted guide
        </Button>
      </div>

      {tooMany && !error ? (
        <p className="text-sm text-danger">
          {`${count} questions: a guide can create at most ${maxQuestions} rooms at a time. Remove some to continue.`}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger">
          {error.message}
        </p>
      ) : null}

      <div className="sticky bottom-0 -mx-4 border-t border-line bg-paper/95 px-4 py-3 backdrop-blur sm:static sm:mx-0 sm:border-0 sm:bg-transparent sm:px-0 sm:py-0">
        <Button onClick={create} disabled={pending} className="w-full sm:w-auto">
          {pending ? "Creating rooms…" : createLabel}
        </Button>
      </div>
    </section>
  );
}

function SmallButton({
  label,
  tone = "plain",
  children,
  ...props
}: { label: string; tone?: "plain" | "danger"; children: ReactNode } & Omit<ButtonHTMLAttributes<HTMLButtonElement>, "aria-label" | "children">) {
  const colour = tone === "danger" ? "text-danger hover:bg-red-50" : "text-muted hover:bg-paper hover:text-ink";
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      {...props}
      className={`inline-flex items-center gap-1 rounded-md border border-line bg-white px-2.5 py-1 text-sm ${colour} focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-40`}
    >
      {children}
    </button>
  );
}
