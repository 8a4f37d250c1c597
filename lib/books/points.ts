// Points in a book: where a member has read to, how far a question room reaches, what a meeting
// asks the club to have read. Pure (no I/O), shared by server and browser.
//
// A point is one of three things:
// - "start": before chapter 1. As a reader's progress: not started. As a reach: no spoilers.
// - a chapter n: everything up to and including chapter n. "Kathy is at chapter 12" means she has
//   read chapter 12; a room reaching chapter 12 is safe for her, one reaching 13 is not.
// - "end": the whole book, the ending included. As progress: finished.
//
// Points are stored as one integer, a rank, so the database can order and compare them:
// 0 is the start, n is chapter n, END_RANK is the end. A chapter at or past the book's last
// chapter is the end (having read the last chapter is having finished), so a shape edited to
// fewer chapters never leaves a point pointing nowhere.

import englishDiscussion from "@/lib/i18n/messages/en/discussion.json";

/** One part of a book: its title ("Part One") and the chapters it holds, first and last inclusive, 1-based. */
export type BookPart = { title: string; first: number; last: number };

/**
 * A book's shape: how many chapters it has (numbered 1..chapters through the whole book) and,
 * optionally, the parts grouping them, in order, contiguous, covering every chapter
 * (lib/validation/book-shape.ts enforces it).
 */
export type BookShape = { chapters: number; parts: BookPart[] };

/** A point in a book; see the comment at the top of this module. */
export type BookPoint = { kind: "start" } | { kind: "chapter"; chapter: number } | { kind: "end" };

/** The rank stored for "the end" (finished / the ending): above any real chapter number. */
export const END_RANK = 10000;

/** The most chapters a book's shape may have; keeps END_RANK above every chapter. */
export const MAX_CHAPTERS = 999;

export const startPoint: BookPoint = { kind: "start" };
export const endPoint: BookPoint = { kind: "end" };

/**
 * The point stored as `rank` (0 = start, n = chapter n, END_RANK or more = end). With a shape, a
 * chapter at or past its last chapter is the end. Negative or fractional ranks are not points:
 * they throw, since only the validators write ranks.
 */
export function pointFromRank(rank: number, shape?: BookShape | null): BookPoint {
  if (!Number.isInteger(rank) || rank < 0) throw new RangeError(`Not a point in a book: ${rank}`);
  if (rank === 0) return startPoint;
  if (rank >= END_RANK) return endPoint;
  if (shape && rank >= shape.chapters) return endPoint;
  return { kind: "chapter", chapter: rank };
}

/** The integer stored for a point: 0 for the start, n for chapter n, END_RANK for the end. */
export function rankOf(point: BookPoint): number {
  if (point.kind === "start") return 0;
  if (point.kind === "end") return END_RANK;
  return point.chapter;
}

/** The point with a chapter at or past the shape's last chapter turned into the end. */
function normalize(point: BookPoint, shape?: BookShape | null): BookPoint {
  return point.kind === "chapter" ? pointFromRank(point.chapter, shape) : point;
}

/**
 * Orders two points of the same book: negative when `a` comes before `b`, 0 when they are the
 * same point, positive after. With a shape, the last chapter and the end are the same point.
 */
export function comparePoints(a: BookPoint, b: BookPoint, shape?: BookShape | null): number {
  return Math.sign(rankOf(normalize(a, shape)) - rankOf(normalize(b, shape)));
}

/**
 * Whether something reaching `reach` (a room, later a reply) goes past what a reader at
 * `progress` has read: true means it could spoil their reading. A reader who has not said where
 * they are counts as at the start.
 */
export function isBeyond(reach: BookPoint, progress: BookPoint | null, shape?: BookShape | null): boolean {
  return comparePoints(reach, progress ?? startPoint, shape) > 0;
}

/**
 * A point's words, by key under `points` in the discussion messages
 * (lib/i18n/messages/<locale>/discussion.json): the one set of chapter and part words every
 * page, picker and veil says a point with.
 */
export type PointKey = keyof typeof englishDiscussion.points;

/**
 * Says a point's words in one language; lib/discussion/point-words.ts makes these from a
 * translator of the "discussion" namespace (rankWords, pointChoiceWords). Without one, English.
 */
export type PointWords = (key: PointKey, values: { part: string; chapter: number }) => string;

/** English, straight from the English messages (which only ever hold {part} and {chapter}), for logs, tests and stored English. */
const englishWords: PointWords = (key, values) =>
  englishDiscussion.points[key].replace("{part}", values.part).replace("{chapter}", String(values.chapter));

/** The part holding `chapter`, or null when the shape has no parts or none holds it. */
function partOf(chapter: number, shape: BookShape | null | undefined): BookPart | null {
  return shape?.parts.find((part) => chapter >= part.first && chapter <= part.last) ?? null;
}

/**
 * A point in words, for a sentence about a reader or a room:
 * - "progress" (where a reader is): "not started", "Part Two, chapter 12", "finished";
 * - "reach" (how far a room or an assignment goes): "no spoilers", "Part Two, chapter 12",
 *   "the end of Part Two" (for a part's last chapter), "the ending".
 * Without parts a chapter is "chapter 12". Words are `words`' (English by default); the UI adds
 * its own framing ("Kathy is at …", "up to …").
 */
export function formatPoint(point: BookPoint, shape: BookShape | null | undefined, style: "progress" | "reach", words: PointWords = englishWords): string {
  const normal = normalize(point, shape);
  const say = (key: PointKey, part = "", chapter = 0) => words(key, { part, chapter });
  if (normal.kind === "start") return say(style === "progress" ? "notStarted" : "noSpoilers");
  if (normal.kind === "end") return say(style === "progress" ? "finished" : "ending");
  const part = partOf(normal.chapter, shape);
  if (!part) return say("chapter", "", normal.chapter);
  if (style === "reach" && normal.chapter === part.last) return say("endOfPart", part.title, normal.chapter);
  return say("partChapter", part.title, normal.chapter);
}

/** One option of a point picker: its stored rank, its label, and the part it belongs to (for grouping). */
export type PointChoice = { rank: number; label: string; group: string | null };

/**
 * Every point a picker offers for a book, in order: the start, each chapter ("Part Two, chapter
 * 12", or "Chapter 12" without parts), the end. For a "reach" picker the start reads "No
 * spoilers", a part's last chapter "End of Part Two (chapter 17)" and the end "The ending"; for
 * "progress" the start reads "Not started" and the end "Finished". Without a shape: just the
 * start and the end. Words are `words`' (English by default).
 */
export function pointChoices(shape: BookShape | null | undefined, style: "progress" | "reach", words: PointWords = englishWords): PointChoice[] {
  const say = (key: PointKey, part = "", chapter = 0) => words(key, { part, chapter });
  const first: PointChoice = { rank: 0, label: say(style === "progress" ? "choiceNotStarted" : "choiceNoSpoilers"), group: null };
  const last: PointChoice = { rank: END_RANK, label: say(style === "progress" ? "choiceFinished" : "choiceEnding"), group: null };
  const chapters: PointChoice[] = [];
  // The last chapter is the end itself, so the list stops one short of it.
  for (let chapter = 1; chapter < (shape?.chapters ?? 1); chapter += 1) {
    const part = partOf(chapter, shape);
    // A closed select shows only the chosen label, so it names the part too.
    let label = part ? say("partChapter", part.title, chapter) : say("choiceChapter", "", chapter);
    if (style === "reach" && part && part.last === chapter) label = say("choiceEndOfPart", part.title, chapter);
    chapters.push({ rank: chapter, label, group: part?.title ?? null });
  }
  return [first, ...chapters, last];
}

/**
 * The reach a guide's section heading names, or null when it names none: "Part Two" (or "Part 2",
 * "Part II", in a longer heading) → the end of that part; "Chapters 1–9" or "Chapter 12" → the last
 * chapter named; a heading about "the ending" or the whole book ("Ending", "Whole book", "After
 * reading") → the end. Matching is by the part's title in the shape, case-insensitive.
 */
export function reachFromHeading(heading: string, shape: BookShape | null | undefined): BookPoint | null {
  const text = heading.toLowerCase();
  if (/\b(the )?ending\b|\bwhole book\b|\bafter (you('ve)? )?(finish|read)/.test(text)) return endPoint;
  if (shape) {
    const part = shape.parts.find((candidate) => partNamed(text, candidate.title.toLowerCase()));
    if (part) return pointFromRank(part.last, shape);
  }
  const chapters = /\bchapters?\s+(\d+)(?:\s*(?:-|–|—|to|through)\s*(\d+))?/.exec(text);
  if (chapters) {
    const last = Number(chapters[2] ?? chapters[1]);
    if (last >= 1) return pointFromRank(Math.min(last, MAX_CHAPTERS), shape);
  }
  return null;
}

const numberWords = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
const romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

/** Whether a lower-cased heading names a part titled `title` ("part two" also as "part 2" or "part ii"). */
function partNamed(heading: string, title: string): boolean {
  const words = (value: string) => ` ${value.replace(/[^a-z0-9]+/g, " ").trim()} `;
  if (words(heading).includes(words(title))) return true;
  const match = /^part\s+(\w+)$/.exec(title.trim());
  if (!match?.[1]) return false;
  const index = [numberWords.indexOf(match[1]), romans.indexOf(match[1]), Number(match[1]) - 1].find((value) => value >= 0 && value < 10);
  if (index === undefined) return false;
  return [numberWords[index], romans[index], String(index + 1)].some((name) => words(heading).includes(` part ${name} `));
}

/**
 * Whether `rank` names a point of a book with this shape: 0, END_RANK, or a chapter the book has.
 * Without a shape only the start and the end exist: "chapter 12" of an unshaped book means
 * nothing to anyone.
 */
export function isPointOf(rank: number, shape: BookShape | null | undefined): boolean {
  if (!Number.isInteger(rank)) return false;
  if (rank === 0 || rank === END_RANK) return true;
  return shape !== null && shape !== undefined && rank >= 1 && rank <= shape.chapters;
}
