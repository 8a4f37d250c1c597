"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ButtonHTMLAttributes, type FormEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { offlineFailure, type Outcome } from "@/lib/doors/outcome";

export type ManagedQuestion = { id: string; position: number; question: string; section: string | null; replyCount: number };

type Actions = {
  add: (values: { question: string }) => Promise<Outcome<null>>;
  edit: (roomId: string, values: { question: string }) => Promise<Outcome<null>>;
  move: (roomId: string, values: { direction: "up" | "down" }) => Promise<Outcome<null>>;
  remove: (roomId: string, values: { confirmArchive: boolean }) => Promise<Outcome<{ status: "deleted" | "archived" }>>;
};

type Props = { questions: ManagedQuestion[]; actions: Actions; maxLength: number };


async function attempt<Data>(work: () => Promise<Outcome<Data>>): Promise<Outcome<Data>> {
  try {
    return await work();
  } catch {
    return offlineFailure;
  }
}

const replies = (count: number) => `${count} ${count === 1 ? "reply" : "replies"}`;

/**
 * A book's questions for moderators. Every change is a server action; its revalidation sends the
 * fresh list back, so this component keeps only what is being typed or confirmed.
 */
export function QuestionManager({ questions, actions, maxLength }: Props) {
  const [announcement, setAnnouncement] = useState("");
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);

  // The action resolves before its refreshed list is rendered, so a target that names the new
  // position (data-number) is only found once the list has caught up; until then, keep waiting.
  useEffect(() => {
    if (!focusTarget) return;
    const target = root.current?.querySelector<HTMLElement>(focusTarget);
    if (target) {
      target.focus();
      setFocusTarget(null);
    }
  }, [focusTarget, questions]);

  return (
    <div ref={root} className="space-y-8">
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {questions.length > 0 ? (
        <ol className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white shadow-sm">
          {questions.map((question, index) => (
            <QuestionRow
              key={question.id}
              question={question}
              number={index + 1}
              isFirst={index === 0}
              isLast={index === questions.length - 1}
              count={questions.length}
              sectionLabel={question.section !== null && question.section !== questions[index - 1]?.section ? question.section : null}
              actions={actions}
              maxLength={maxLength}
              announce={setAnnouncement}
              focus={setFocusTarget}
            />
          ))}
        </ol>
      ) : (
        <p className="rounded-lg border border-dashed border-line bg-white/60 p-5 text-center text-muted">
          This book has no discussion questions yet. Add the first one below, or import a guide.
        </p>
      )}
      <AddQuestionForm add={actions.add} maxLength={maxLength} announce={setAnnouncement} />
    </div>
  );
}

type RowProps = {
  question: ManagedQuestion;
  number: number;
  isFirst: boolean;
  isLast: boolean;
  count: number;
  sectionLabel: string | null;
  actions: Actions;
  maxLength: number;
  announce: (message: string) => void;
  focus: (selector: string) => void;
};

function QuestionRow({ question, number, isFirst, isLast, count, sectionLabel, actions, maxLength, announce, focus }: RowProps) {
  const router = useRouter();
  const [mode, setMode] = useState<"view" | "edit" | "confirm">("view");
  const [draft, setDraft] = useState(question.question);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editField = useRef<HTMLTextAreaElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const fieldId = `question-${question.id}`;

  useEffect(() => {
    if (mode === "edit") editField.current?.focus();
    if (mode === "confirm") confirmButton.current?.focus();
  }, [mode]);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!draft.trim()) {
      setError("Write the question, or cancel to keep it as it was.");
      return;
    }
    setPending(true);
    setError(null);
    const result = await attempt(() => actions.edit(question.id, { question: draft }));
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setMode("view");
    announce(`Question ${number} saved.`);
    focus(`[data-edit="${question.id}"]`);
  }

  async function move(direction: "up" | "down") {
    setPending(true);
    setError(null);
    const result = await attempt(() => actions.move(question.id, { direction }));
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    const to = direction === "up" ? number - 1 : number + 1;
    announce(`Question ${number} moved ${direction}; it is now question ${to}.`);
    // At the top or bottom the pressed button is disabled, so focus the one that still works.
    const atEdge = direction === "up" ? to === 1 : to === count;
    const button = atEdge ? (direction === "up" ? "down" : "up") : direction;
    focus(`[data-room="${question.id}"][data-number="${to}"][data-direction="${button}"]`);
  }

  async function remove() {
    const archive = question.replyCount > 0;
    setPending(true);
    setError(null);
    const result = await attempt(() => actions.remove(question.id, { confirmArchive: archive }));
    setPending(false);
    if (!result.ok) {
      // Most likely someone replied since this page loaded: with the fresh count, the prompt asks to archive instead.
      setError(result.error.message);
      router.refresh();
      return;
    }
    announce(result.data.status === "archived" ? `Question ${number} archived; its replies are kept.` : `Question ${number} deleted.`);
    focus("[data-add-field]");
  }

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
                  Question {number}
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
                    {pending ? "Saving…" : "Save"}
                  </Button>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setDraft(question.question);
                      setError(null);
                      setMode("view");
                      focus(`[data-edit="${question.id}"]`);
                    }}
                  >
                    Cancel
                  </Button>
                </div>
              </form>
            ) : (
              <div>
                <p className="font-serif text-lg leading-snug text-ink">
                  <span className="sr-only">Question {number}: </span>
                  {question.question}
                </p>
                <p className="mt-1 text-sm text-muted">{question.replyCount === 0 ? "No replies yet" : replies(question.replyCount)}</p>
              </div>
            )}

            {mode === "confirm" ? (
              <div role="group" aria-label={`Confirm removing question ${number}`} className="space-y-3 rounded-md border border-danger/30 bg-red-50/60 p-3">
                <p className="text-sm text-ink">
                  {question.replyCount > 0
                    ? `This question has ${replies(question.replyCount)}. Archive it? Replies are kept.`
                    : "Delete this question? It has no replies, so nothing else is lost."}
                </p>
                <div className="flex flex-wrap gap-2">
                  <button
                    type="button"
                    ref={confirmButton}
                    onClick={remove}
                    disabled={pending}
                    className="inline-flex items-center justify-center rounded-md bg-danger px-4 py-2 text-sm font-medium text-white hover:bg-danger/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-danger disabled:opacity-60"
                  >
                    {pending ? "Working…" : question.replyCount > 0 ? `Archive question ${number}` : `Delete question ${number}`}
                  </button>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setError(null);
                      setMode("view");
                      focus(`[data-delete="${question.id}"]`);
                    }}
                  >
                    Keep it
                  </Button>
                </div>
              </div>
            ) : null}

            {error ? (
              <p id={errorId} role="alert" className="text-sm text-danger">
                {error}
              </p>
            ) : null}

            {mode === "view" ? (
              <div className="flex flex-wrap gap-1.5">
                <RowButton label={`Edit question ${number}`} data-edit={question.id} disabled={pending} onClick={() => setMode("edit")}>
                  Edit
                </RowButton>
                <RowButton
                  label={`Move question ${number} up`}
                  data-room={question.id}
                  data-number={number}
                  data-direction="up"
                  disabled={pending || isFirst}
                  onClick={() => move("up")}
                >
                  <span aria-hidden>↑</span> Up
                </RowButton>
                <RowButton
                  label={`Move question ${number} down`}
                  data-room={question.id}
                  data-number={number}
                  data-direction="down"
                  disabled={pending || isLast}
                  onClick={() => move("down")}
                >
                  <span aria-hidden>↓</span> Down
                </RowButton>
                <RowButton label={`Delete question ${number}`} data-delete={question.id} tone="danger" disabled={pending} onClick={() => setMode("confirm")}>
                  Delete
                </RowButton>
              </div>
            ) : null}
          </div>
        </div>
      </div>
    </li>
  );
}

function RowButton({
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

function AddQuestionForm({ add, maxLength, announce }: { add: Actions["add"]; maxLength: number; announce: (message: string) => void }) {
  const [text, setText] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!text.trim()) {
      setError("Write the question first.");
      return;
    }
    setPending(true);
    setError(null);
    const result = await attempt(() => add({ question: text }));
    setPending(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setText("");
    announce("Question added at the end.");
  }

  return (
    <form id="add-question" onSubmit={submit} className="scroll-mt-6 space-y-2 rounded-lg border border-line bg-white p-4 shadow-sm sm:p-5" noValidate>
      <label htmlFor="add-question-text" className="block font-serif text-lg font-semibold text-ink">
        Add a question
      </label>
      <textarea
        id="add-question-text"
        data-add-field
        value={text}
        onChange={(event) => setText(event.target.value)}
        maxLength={maxLength}
        rows={3}
        placeholder="What did you make of…"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "add-question-error" : undefined}
        className="block w-full resize-y rounded-md border border-line bg-white px-3 py-2 text-base leading-relaxed text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30"
      />
      {error ? (
        <p id="add-question-error" role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? "Adding…" : "Add question"}
        </Button>
      </div>
    </form>
  );
}
