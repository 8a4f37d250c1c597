// A point in a book in the reader's words (lib/books/points.ts has the rules and English-only
// words for logs and tests). The words live in the `discussion` messages under `points`, so a
// room's veils, spoiler levels and reading controls read the same in every language.

import { pointChoices, pointFromRank, type BookPoint, type BookShape, type PointChoice } from "@/lib/books/points";

type PointKey =
  | "points.notStarted"
  | "points.finished"
  | "points.noSpoilers"
  | "points.ending"
  | "points.chapter"
  | "points.partChapter"
  | "points.endOfPart"
  | "points.choiceNotStarted"
  | "points.choiceFinished"
  | "points.choiceNoSpoilers"
  | "points.choiceEnding"
  | "points.choiceChapter"
  | "points.choiceEndOfPart";

/** The `discussion` namespace's translator (useTranslations/getTranslations("discussion")), as far as points go. */
export type PointTranslate = (key: PointKey, values?: Record<string, string | number>) => string;

function partOf(chapter: number, shape: BookShape | null | undefined) {
  return shape?.parts.find((part) => chapter >= part.first && chapter <= part.last) ?? null;
}

/**
 * A point for a sentence ("Spoiler up to …", "Kathy is at …"): "not started", "Part Two,
 * chapter 12", "the end of Part Two", "the ending", as formatPoint decides, in the reader's words.
 */
function pointWords(t: PointTranslate, point: BookPoint, shape: BookShape | null | undefined, style: "progress" | "reach"): string {
  const normal = point.kind === "chapter" ? pointFromRank(point.chapter, shape) : point;
  if (normal.kind === "start") return t(style === "progress" ? "points.notStarted" : "points.noSpoilers");
  if (normal.kind === "end") return t(style === "progress" ? "points.finished" : "points.ending");
  const part = partOf(normal.chapter, shape);
  if (!part) return t("points.chapter", { chapter: normal.chapter });
  if (style === "reach" && normal.chapter === part.last) return t("points.endOfPart", { part: part.title });
  return t("points.partChapter", { part: part.title, chapter: normal.chapter });
}

/** The same, for a point stored as a rank. */
export function rankWords(t: PointTranslate, rank: number, shape: BookShape | null | undefined, style: "progress" | "reach"): string {
  return pointWords(t, pointFromRank(rank, shape), shape, style);
}

/** pointChoices (same ranks, same groups: a part's title) with each label in the reader's words. */
export function pointChoiceWords(t: PointTranslate, shape: BookShape | null | undefined, style: "progress" | "reach"): PointChoice[] {
  return pointChoices(shape, style).map((choice) => {
    const point = pointFromRank(choice.rank, shape);
    if (point.kind === "start") return { ...choice, label: t(style === "progress" ? "points.choiceNotStarted" : "points.choiceNoSpoilers") };
    if (point.kind === "end") return { ...choice, label: t(style === "progress" ? "points.choiceFinished" : "points.choiceEnding") };
    const part = partOf(point.chapter, shape);
    if (!part) return { ...choice, label: t("points.choiceChapter", { chapter: point.chapter }) };
    if (style === "reach" && part.last === point.chapter) return { ...choice, label: t("points.choiceEndOfPart", { part: part.title, chapter: point.chapter }) };
    return { ...choice, label: t("points.partChapter", { part: part.title, chapter: point.chapter }) };
  });
}
