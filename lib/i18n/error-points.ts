import { pointFromRank, rankOf, type BookPoint, type BookShape } from "@/lib/books/points";
import { errorText, type ErrorText } from "./error-text";

/**
 * How far a room reaches, as a value for an error message in the reader's language: "the
 * ending", "the end of Part Two", "Part Two, chapter 12", "chapter 12" (lib/books/points.ts
 * formatPoint's "reach" words, which are English only).
 */
export function reachText(point: BookPoint, shape: BookShape | null | undefined): ErrorText {
  // A chapter at or past the shape's last chapter is the end (pointFromRank).
  const normal = pointFromRank(rankOf(point), shape);
  if (normal.kind === "start") return errorText("point.start");
  if (normal.kind === "end") return errorText("point.end");
  const part = shape?.parts.find((candidate) => normal.chapter >= candidate.first && normal.chapter <= candidate.last);
  if (!part) return errorText("point.chapter", { chapter: normal.chapter });
  if (normal.chapter === part.last) return errorText("point.partEnd", { part: part.title });
  return errorText("point.partChapter", { part: part.title, chapter: normal.chapter });
}
