"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { isPointOf, rankOf, reachFromHeading, type BookShape } from "@/lib/books/points";
import { MAX_SKIPPED, parseGuide } from "@/lib/guides/parse";
import { placeGuide } from "./guide-places";
import { GuideReview, type GuideReviewProps, type ReviewItem } from "./guide-review";
import type { SkippedItem } from "./guide-skipped";

type Props = Pick<GuideReviewProps, "action" | "bookTitle" | "existingCount" | "maxQuestions" | "maxLength" | "shape">;

/**
 * Paste → review → create. Parsing happens here in the browser (the parser is pure), and
 * nothing is written until "Create N rooms": the server then validates the reviewed list and
 * creates every room in one transaction.
 */
export function GuideImport({ action, bookTitle, existingCount, maxQuestions, maxLength, shape }: Props) {
  const t = useTranslations("book.import");
  const [step, setStep] = useState<"paste" | "review">("paste");
  const [guide, setGuide] = useState("");
  const [items, setItems] = useState<ReviewItem[]>([]);
  const [skipped, setSkipped] = useState<SkippedItem[]>([]);
  const [skippedTruncated, setSkippedTruncated] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const nextKey = useRef(1);

  function withKeys<T>(list: readonly T[]): (T & { key: number })[] {
    return list.map((entry) => ({ ...entry, key: nextKey.current++ }));
  }

  function findQuestions(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!guide.trim()) {
      setNotice(t("pasteFirst"));
      return;
    }
    const { questions, skipped: left = [] } = parseGuide(guide);
    if (questions.length === 0) {
      setNotice(t("noneFound"));
      return;
    }
    setNotice(null);
    const placed = placeGuide(guide, questions, left);
    // Each section's reach is proposed from its heading ("Part Two" → the end of Part Two); the moderator confirms it in the review.
    setItems(withKeys(placed.questions.map((question) => ({ ...question, reach: proposedReach(question.section, shape) }))));
    setSkipped(withKeys(placed.skipped));
    setSkippedTruncated(left.length >= MAX_SKIPPED);
    setStep("review");
  }

  function startByHand() {
    setNotice(null);
    setItems(withKeys([{ text: "", section: null, line: null, reach: null }]));
    setSkipped([]);
    setStep("review");
  }

  if (step === "review") {
    return (
      <GuideReview
        items={items}
        setItems={setItems}
        newItem={() => ({ key: nextKey.current++, text: "", section: null, line: null, reach: null })}
        skipped={skipped}
        skippedTruncated={skippedTruncated}
        setSkipped={setSkipped}
        onBack={() => setStep("paste")}
        action={action}
        bookTitle={bookTitle}
        existingCount={existingCount}
        maxQuestions={maxQuestions}
        maxLength={maxLength}
        shape={shape}
      />
    );
  }

  return (
    <form onSubmit={findQuestions} className="space-y-4" noValidate>
      <div className="space-y-1.5">
        <label htmlFor="guide-text" className="block font-serif text-lg font-semibold text-ink">
          {t("pasteLabel")}
        </label>
        <p id="guide-text-hint" className="text-sm text-muted">
          {t("pasteHint")}
        </p>
        <textarea
          id="guide-text"
          value={guide}
          onChange={(event) => setGuide(event.target.value)}
          rows={16}
          aria-describedby={`guide-text-hint${notice ? " guide-text-notice" : ""}`}
          placeholder={t("pastePlaceholder")}
          className="block min-h-64 w-full resize-y rounded-lg border border-line bg-white px-3 py-3 font-mono text-sm leading-relaxed text-ink shadow-sm placeholder:text-muted/70 focus:border-accent focus:outline-2 focus:outline-accent/30 sm:px-4"
        />
      </div>
      {notice ? (
        <p id="guide-text-notice" role="alert" className="rounded-md border border-line bg-accent-soft px-3 py-2.5 text-sm text-accent-strong">
          {notice}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit">{t("find")}</Button>
        <Button variant="quiet" onClick={startByHand}>
          {t("byHand")}
        </Button>
      </div>
    </form>
  );
}

/** The reach a section heading proposes, as a rank; null for no heading or one that names no point. */
function proposedReach(section: string | null, shape: BookShape | null): number | null {
  const point = section === null ? null : reachFromHeading(section, shape);
  // A chapter the book doesn't have (or any chapter of a book with none) is no proposal at all.
  return point === null || !isPointOf(rankOf(point), shape) ? null : rankOf(point);
}
