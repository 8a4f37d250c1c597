"use client";

import { useTranslations } from "next-intl";
import { BookCover } from "@/components/book/book-cover";
import type { PollOptionView } from "@/lib/polls/views";

/** An option as a ballot or result shows it: its text, or a book with its author, cover, link and proposer. */
export function PollOptionLabel({ option, book }: { option: PollOptionView; book: boolean }) {
  const t = useTranslations("polls.option");
  const common = useTranslations("common");
  if (!book) return <span className="font-medium text-ink">{option.title}</span>;
  return (
    <span className="flex min-w-0 items-start gap-3">
      <BookCover url={option.coverUrl} title={option.title} size="sm" placeholder />
      <span className="min-w-0 space-y-0.5">
        <cite className="block font-medium not-italic text-ink">{option.title}</cite>
        {option.author ? <span className="block text-sm text-muted">{t("by", { author: option.author })}</span> : null}
        {option.link ? (
          <a href={option.link} target="_blank" rel="noopener noreferrer nofollow" className="block text-sm text-accent hover:underline">
            {t("link")}
            <span className="sr-only"> {t("linkAbout", { title: option.title })}</span>
          </a>
        ) : null}
        {option.proposedBy !== undefined ? (
          <span className="block text-xs text-muted">{t("proposedBy", { name: option.proposedBy ?? common("formerMember") })}</span>
        ) : null}
      </span>
    </span>
  );
}
