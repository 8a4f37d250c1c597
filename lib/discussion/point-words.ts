// A point in a book in the reader's words. Which words a point takes is decided once, in
// lib/books/points.ts (formatPoint, pointChoices); the words themselves live in the `discussion`
// messages under `points`, so a room's veils, spoiler levels, reading schedule and progress
// controls read the same in every language.

import { formatPoint, pointChoices, pointFromRank, type BookShape, type PointChoice, type PointKey, type PointWords } from "@/lib/books/points";

/**
 * The `discussion` namespace's translator, as far as points go: useTranslations("discussion") in
 * a client component, getTranslations("discussion") on a server page, translatorFor(locale,
 * "discussion") outside a request.
 */
export type PointTranslate = (key: `points.${PointKey}`, values?: Record<string, string | number>) => string;

function wordsOf(t: PointTranslate): PointWords {
  return (key, values) => t(`points.${key}`, values);
}

/**
 * A point stored as a rank, for a sentence ("Spoiler up to …", "Kathy is at …"): "not started",
 * "Part Two, chapter 12", "the end of Part Two", "the ending", as formatPoint decides, in the
 * reader's words.
 */
export function rankWords(t: PointTranslate, rank: number, shape: BookShape | null | undefined, style: "progress" | "reach"): string {
  return formatPoint(pointFromRank(rank, shape), shape, style, wordsOf(t));
}

/** pointChoices (same ranks, same groups: a part's title) with each label in the reader's words. */
export function pointChoiceWords(t: PointTranslate, shape: BookShape | null | undefined, style: "progress" | "reach"): PointChoice[] {
  return pointChoices(shape, style, wordsOf(t));
}
