// Turns a discussion guide pasted from a web page or document into its list of
// discussion questions, and lists what it left out so a moderator can bring a
// line back in the review step. Pasted guides arrive wrapped in page furniture
// (summaries, "Want to know more?" teasers, quote lists, ads, bylines, dates,
// page footers), so the parser trusts list structure first and only falls back
// to bare "?" lines when no list item is a question or prompt.
//
// What counts as a question:
// - A numbered or bulleted item with a question mark of its own (not a
//   quotation, not an ad).
// - A numbered or bulleted prompt: an item that opens with an instruction to
//   the group ("Discuss…", "Consider…", "Talk about…", "Describe…", "Compare…",
//   "Explain…", "Reflect on…", "Share…"; "Comenta…", "Discute…", "Describe…",
//   "Reflexiona…"). A bare, unmarked line needs its question mark.
//
// Sub-items (a lower-level marker under an item: Word's "o" and "§", "a.",
// "i.", or any other marker indented deeper; see list.ts) are never dropped
// silently. By the shape of the item above them:
// - Under a question or prompt, sub-items stay with it as one room, labelled:
//   "What does X mean? (a) … (b) …". The guide's author grouped them: they are
//   follow-ups or options, discussed together.
// - Under a lead-in that asks for something and hands over with a colon
//   ("Consider the following:", "Which of these scenes moved you:"), each
//   sub-item becomes its own room, the lead-in kept in front as context:
//   "Consider the following: The boat in the marsh".
// - Under a top-level item that is a title ("Part One: Hailsham", "Themes:"),
//   sub-items that are questions or prompts become their own rooms, filed
//   under that title as their section.
// - Under any other statement, sub-items that are questions or prompts become
//   their own rooms with the statement in front ("Kathy narrates as a carer.
//   What does she leave out?").
// Whatever is not used (sub-items that ask nothing under a title or statement,
// for instance) is listed in `skipped`, as is every other non-blank line the
// parser leaves out: prose, quotations, ads, unused headings, and page
// metadata (dates, bylines, page numbers, copyright lines, links, running
// headers), which never names a section.
//
// No regex here nests or chains overlapping quantifiers, and each line is
// visited a constant number of times, so megabytes of junk parse in linear time.

import { parseBareLines } from "./bare";
import { splitLines } from "./lines";
import { parseListItems } from "./list";
import { createSkipLog, type SkipLog } from "./skipped";
import type { GuideQuestion, ParsedGuide } from "./types";

export type { GuideQuestion, ParsedGuide, SkippedLine, SkipReason } from "./types";
export { MAX_SKIPPED } from "./skipped";
// For the review step, which finds each question's lines again (components/book/guide-places.ts).
export { splitLines, type Line as GuideLine } from "./lines";

/**
 * The questions of a pasted guide, in order, each with the section it was
 * found under, plus the non-blank lines left out (see ParsedGuide). Pure; never
 * throws on any string; linear time in the length of the text.
 */
export function parseGuide(text: string): ParsedGuide {
  if (typeof text !== "string" || text.length === 0) return { questions: [] };
  const lines = splitLines(text);
  const listLog = createSkipLog();
  const listed = parseListItems(lines, listLog);
  if (listed.length > 0) return result(listed, listLog);
  const bareLog = createSkipLog();
  return result(parseBareLines(lines, bareLog), bareLog);
}

function result(questions: GuideQuestion[], log: SkipLog): ParsedGuide {
  const skipped = log.list();
  return skipped.length > 0 ? { questions, skipped } : { questions };
}
