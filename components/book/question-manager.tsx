"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { AddQuestionForm } from "./add-question-form";
import { QuestionRow } from "./question-row";
import type { ManagedQuestion, QuestionActions } from "./question-types";

type Props = { questions: ManagedQuestion[]; actions: QuestionActions; maxLength: number };

/**
 * A book's questions for moderators. Every change is a server action; its revalidation sends the
 * fresh list back, so this component keeps only what is being typed or confirmed.
 */
export function QuestionManager({ questions, actions, maxLength }: Props) {
  const t = useTranslations("book.questions");
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
          {t("empty")}
        </p>
      )}
      <AddQuestionForm add={actions.add} maxLength={maxLength} announce={setAnnouncement} />
    </div>
  );
}
