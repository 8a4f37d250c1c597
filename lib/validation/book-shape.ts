import { z } from "zod";
import { MAX_CHAPTERS, type BookPart, type BookShape } from "@/lib/books/points";
import { text } from "@/lib/validation/text";
import { errorKey } from "@/lib/i18n/error-text";

// The quick shape form: a chapter count and, optionally, one part per line ("Part One, chapters
// 1–9"). Parts must follow on from chapter 1 without gaps or overlaps and end at the last
// chapter, so every chapter belongs to exactly one part and "the end of Part Two" means one thing.

const MAX_PARTS = 50;
const MAX_PART_TITLE = 80;

// "Part One, chapters 1–9", "Part One: 1-9", "Part One (chapters 1 to 9)", "Book II, chapter 10",
// and in Spanish as the form's Spanish placeholder and prefill write them: "Primera parte,
// capítulos 1–9", "Primera parte (capítulos 1 a 9)", "Segunda parte, del capítulo 10 al 17",
// "Tercera parte, capítulo 18" (accents optional).
const chapterWords = String.raw`(?:chapters?|ch\.?|(?:del\s+)?cap[ií]tulos?|caps?\.?)`;
const rangeWords = String.raw`(?:-|–|—|to|through|al|a|hasta)`;
const partLine = new RegExp(
  String.raw`^(.+?)\s*[,:(–—-]?\s*${chapterWords}?\s*(\d+)\s*${rangeWords}\s*(\d+)\s*\)?$|^(.+?)\s*[,:(–—-]?\s*${chapterWords}\s*(\d+)\s*\)?$`,
  "iu",
);

/** One line of the parts box as a part, or the message (an error key) saying what is wrong with it. */
function parsePartLine(line: string, number: number): BookPart | string {
  const match = partLine.exec(line);
  if (!match) return errorKey("book.shape.partLine", { line: number });
  const title = (match[1] ?? match[4] ?? "").trim().replace(/[,:(–—-]+$/, "").trim();
  const first = Number(match[2] ?? match[5]);
  const last = Number(match[3] ?? match[5]);
  if (!title) return errorKey("book.shape.partName", { line: number });
  if (title.length > MAX_PART_TITLE) return errorKey("book.shape.partNameTooLong", { line: number, max: MAX_PART_TITLE });
  if (first < 1 || last > MAX_CHAPTERS) return errorKey("book.shape.chapterRange", { line: number, max: MAX_CHAPTERS });
  if (last < first) return errorKey("book.shape.backwards", { part: title, first, last });
  return { title, first, last };
}

/**
 * Checks parts follow each other from chapter 1 and end at the last chapter; returns the first
 * problem as a message (an error key), or null when the parts fit.
 */
function partsProblem(parts: BookPart[], chapters: number): string | null {
  let expected = 1;
  for (const part of parts) {
    if (part.first < expected) return errorKey("book.shape.overlap", { part: part.title, first: part.first });
    if (part.first > expected) return errorKey("book.shape.gap", { part: part.title, first: part.first, missing: expected });
    expected = part.last + 1;
  }
  if (parts.length > 0 && expected - 1 !== chapters) return errorKey("book.shape.endMismatch", { end: expected - 1, chapters });
  return null;
}

const chapterCount = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? null : value),
  z.coerce
    .number({ error: errorKey("book.shape.chaptersMissing") })
    .int(errorKey("book.shape.chaptersWhole"))
    .min(1, errorKey("book.shape.chaptersMin"))
    .max(MAX_CHAPTERS, errorKey("book.shape.chaptersMax"))
    .nullable(),
);

/**
 * The shape form's fields: `chapters` (a count, may be blank when parts are given) and `parts`
 * (one part per line, may be blank). Both blank clears the shape (null). Output: a BookShape
 * whose parts cover chapters 1..chapters in order, or null.
 */
export const bookShapeInput = z
  .object({
    chapters: chapterCount.optional().transform((value) => value ?? null),
    parts: text({ label: "parts", multiline: true }).max(4000, errorKey("book.shape.partsTooLong")).optional().default(""),
  })
  .transform((value, context): BookShape | null => {
    const lines = value.parts
      .split(/\r\n|\r|\n/)
      .map((line) => line.trim())
      .filter((line) => line !== "");
    if (lines.length > MAX_PARTS) {
      context.addIssue({ code: "custom", path: ["parts"], message: errorKey("book.shape.tooManyParts", { max: MAX_PARTS }) });
      return z.NEVER;
    }
    const parts: BookPart[] = [];
    for (const [index, line] of lines.entries()) {
      const part = parsePartLine(line, index + 1);
      if (typeof part === "string") {
        context.addIssue({ code: "custom", path: ["parts"], message: part });
        return z.NEVER;
      }
      parts.push(part);
    }
    const chapters = value.chapters ?? parts.at(-1)?.last ?? null;
    if (chapters === null) return null;
    const problem = partsProblem(parts, chapters);
    if (problem) {
      context.addIssue({ code: "custom", path: ["parts"], message: problem });
      return z.NEVER;
    }
    return { chapters, parts };
  });

/** What the shape form sends, before parsing. */
export type BookShapeValues = z.input<typeof bookShapeInput>;

/** How a part line is written back into the form, in the reader's language (the `book.shapeLine` messages); English by default. */
export type PartLineWords = {
  one: (values: { title: string; chapter: number }) => string;
  many: (values: { title: string; first: number; last: number }) => string;
};

const englishPartLine: PartLineWords = {
  one: ({ title, chapter }) => `${title}, chapter ${chapter}`,
  many: ({ title, first, last }) => `${title}, chapters ${first}–${last}`,
};

/**
 * A stored shape as the form's fields, for editing: the count and one "Part One, chapters 1–9"
 * line per part ("Primera parte, capítulos 1–9" with Spanish words), which bookShapeInput reads back.
 */
export function shapeFormValues(shape: BookShape | null, words: PartLineWords = englishPartLine): { chapters: string; parts: string } {
  if (!shape) return { chapters: "", parts: "" };
  return {
    chapters: String(shape.chapters),
    parts: shape.parts
      .map((part) => (part.first === part.last ? words.one({ title: part.title, chapter: part.first }) : words.many({ title: part.title, first: part.first, last: part.last })))
      .join("\n"),
  };
}
