// Turns a discussion guide pasted from a web page or document into its list of
// discussion questions. Pasted guides arrive wrapped in page furniture (summaries,
// "Want to know more?" teasers, quote lists, ads), so the parser trusts list
// structure first and only falls back to bare "?" lines when no list item is a
// question.
//
// No regex here nests or chains overlapping quantifiers, and each line is
// visited a constant number of times, so megabytes of junk parse in linear time.

import { parseBareLines } from "./bare";
import { splitLines } from "./lines";
import { parseListItems } from "./list";
import type { ParsedGuide } from "./types";

export type { GuideQuestion, ParsedGuide } from "./types";

export function parseGuide(text: string): ParsedGuide {
  if (typeof text !== "string" || text.length === 0) return { questions: [] };
  const lines = splitLines(text);
  const listed = parseListItems(lines);
  return { questions: listed.length > 0 ? listed : parseBareLines(lines) };
}
