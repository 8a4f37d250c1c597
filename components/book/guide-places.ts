// Where the questions and the skipped lines of a pasted guide sit, so that a line a moderator
// brings back in the review joins the list at its place in the guide's order, under the section
// it sits under. The parser returns questions without line numbers (one question may be made of
// a lead-in, wrapped lines and sub-items), so they are found again here from the classified lines
// the parser reads. Pure, and linear in the guide's length: every step looks at a bounded window.

import { splitLines, type GuideLine, type GuideQuestion, type SkippedLine } from "@/lib/guides/parse";

/** A question found by the parser, with the guide line its text ends on (null if not found again). */
export type PlacedQuestion = { text: string; section: string | null; line: number | null };

/** A skipped line, with the section it sits under in the guide (null before any section). */
export type PlacedSkip = SkippedLine & { section: string | null };

type ItemLine = Extract<GuideLine, { kind: "item" }>;

// As list.ts nests them: numbers and bullets on top, "a."/"o" below, "i."/"§" below those.
const LEVEL: Record<ItemLine["family"], number> = { number: 0, bullet: 0, letter: 1, o: 1, roman: 2, square: 2 };

// Between two consecutive questions there are only the lines the parser used (skipped ones are
// set aside first): headings, lead-ins, wrapped lines. A few dozen is already generous.
const WINDOW = 64;

/**
 * The parser's questions and skipped lines for `guide`, each placed in the guide.
 * - A question's `line` is the first line, after the previous question's, that the parser used
 *   and that the question's text ends with: a question's text always ends with its last line
 *   (its own, its last sub-item's, or a wrapped line's).
 * - A skipped line's `section` is the last section heading above it, or, for a sub-item under a
 *   top-level item that titles its sub-items ("Part One: Hailsham" with questions below it), that
 *   item's title. Sections are those the questions were filed under: a heading with no question
 *   under it ends the section above it, and lines below it get none.
 */
export function placeGuide(guide: string, questions: readonly GuideQuestion[], skipped: readonly SkippedLine[]): { questions: PlacedQuestion[]; skipped: PlacedSkip[] } {
  const lines = splitLines(guide);
  const left = new Set<number>();
  for (const entry of skipped) for (let line = entry.line; line <= (entry.lastLine ?? entry.line); line++) left.add(line);
  const used = lines.flatMap((line) => (line.kind === "blank" || left.has(line.line) ? [] : [{ line: line.line, text: line.text }]));

  let cursor = 0;
  const placed = questions.map((question): PlacedQuestion => {
    const section = question.section ?? null;
    const end = Math.min(used.length, cursor + WINDOW);
    for (let index = cursor; index < end; index++) {
      const candidate = used[index];
      if (candidate && candidate.text && question.text.endsWith(candidate.text)) {
        cursor = index + 1;
        return { text: question.text, section, line: candidate.line };
      }
    }
    return { text: question.text, section, line: null };
  });

  const names = new Set(questions.flatMap((question) => (question.section ? [question.section] : [])));
  return { questions: placed, skipped: withSections(lines, left, names, skipped) };
}

// Walks the lines once, keeping the section in force, and reads it off at each skipped line.
function withSections(lines: readonly GuideLine[], left: ReadonlySet<number>, names: ReadonlySet<string>, skipped: readonly SkippedLine[]): PlacedSkip[] {
  const starts = new Map(skipped.map((entry, index) => [entry.line, entry]));
  const sections = new Map<SkippedLine, string | null>();
  let heading: string | null = null;
  // A top-level item whose sub-items are filed under its title; it ends at the next item of its level.
  let title: { name: string; level: number; indent: number } | null = null;
  for (const line of lines) {
    const entry = starts.get(line.line);
    if (line.kind === "item") {
      const level = LEVEL[line.family];
      if (title && level <= title.level && line.indent <= title.indent) title = null;
      const name = headingName(line.text);
      if (!left.has(line.line) && names.has(name)) title = { name, level, indent: line.indent };
    } else if (line.kind === "heading" || line.kind === "text") {
      const name = headingName(line.text);
      if (!left.has(line.line) && names.has(name)) {
        heading = name;
        title = null;
      } else if (left.has(line.line)) {
        // Prose or a heading ends the list item above it (list.ts). A heading no question was
        // filed under ends the section too, but names none the review knows of.
        title = null;
        if (entry?.reason === "heading") heading = null;
      }
    }
    if (entry) sections.set(entry, title?.name ?? heading);
  }
  return skipped.map((entry) => ({ ...entry, section: sections.get(entry) ?? null }));
}

// "**Themes:**" → "Themes", as the parser names a section (judge.ts cleanHeading).
function headingName(text: string): string {
  let name = text.trim();
  for (let pass = 0; pass < 2; pass++) {
    name = name.replace(/^[*_]{1,3}/, "").replace(/[*_]{1,3}$/, "").trim();
    if (pass === 0 && (name.endsWith(":") || name.endsWith("："))) name = name.slice(0, -1).trim();
  }
  return name;
}

/**
 * Inserts `item` into a reviewed list at its place in the guide's order: right after the item
 * from the nearest earlier guide line, else right before the one from the nearest later line,
 * else at the end. Items without a line (added by hand) are stepped over, and the moderator's
 * own reordering is kept. Returns the new list and the index `item` landed at.
 */
export function insertAtGuidePlace<T extends { line: number | null }>(items: readonly T[], item: T): { items: T[]; index: number } {
  const line = item.line;
  let before = -1;
  let after = -1;
  if (line !== null) {
    items.forEach((other, position) => {
      if (other.line === null) return;
      if (other.line < line && (before < 0 || other.line > (items[before]?.line ?? 0))) before = position;
      if (other.line > line && (after < 0 || other.line < (items[after]?.line ?? 0))) after = position;
    });
  }
  const index = before >= 0 ? before + 1 : after >= 0 ? after : items.length;
  return { items: [...items.slice(0, index), item, ...items.slice(index)], index };
}
