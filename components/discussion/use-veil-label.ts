"use client";

import { useTranslations } from "next-intl";
import { rankWords } from "@/lib/discussion/point-words";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { useDiscussion } from "./discussion-context";

/**
 * A veiled reply's words, "Spoiler up to Part Three, chapter 20", in the reader's language from
 * its level and the book's shape; the server's English label where the room doesn't know the
 * book (no reader: the live meeting's room without a book shape).
 */
export function useVeilLabel(): (veil: NonNullable<ReplyView["veil"]>) => string {
  const t = useTranslations("discussion");
  const { spoilers } = useDiscussion();
  return (veil) => (spoilers ? t("spoiler.veil", { point: rankWords(t, veil.level, spoilers.shape, "reach") }) : veil.label);
}
