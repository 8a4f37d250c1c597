"use client";

import { useTranslations } from "next-intl";
import { rankWords } from "@/lib/discussion/point-words";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { useDiscussion } from "./discussion-context";

/**
 * A veiled reply's words, "Spoiler up to Part Three, chapter 20", in the reader's language from
 * its level and the book's shape. The server sends no words; a room that doesn't know the book
 * (no reader given) says the level without parts ("chapter 20").
 */
export function useVeilLabel(): (veil: NonNullable<ReplyView["veil"]>) => string {
  const t = useTranslations("discussion");
  const { spoilers } = useDiscussion();
  return (veil) => t("spoiler.veil", { point: rankWords(t, veil.level, spoilers?.shape ?? null, "reach") });
}
