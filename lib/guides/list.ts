// Reads a guide through its list structure: numbered or bulleted items are the
// candidates, unmarked lines are page prose that only matters as section titles.

import {
  cleanHeading,
  endsSentence,
  endsWithQuestionMark,
  isQuestion,
  looksLikeHeading,
} from "./judge";
import type { Line } from "./lines";
import type { GuideQuestion } from "./types";
import { MAX_CONTINUATION_LINES, withSection } from "./shared";

type OpenItem = { parts: string[]; indent: number; section: string | undefined; extraLines: number };

/** The list items that are questions, each under the heading it follows. */
export function parseListItems(lines: readonly Line[]): GuideQuestion[] {
  const questions: GuideQuestion[] = [];
  let section: string | undefined;
  let item: OpenItem | null = null;

  const close = (open: OpenItem | null): null => {
    if (open) {
      const text = open.parts.join(" ");
      if (isQuestion(text)) questions.push(withSection(text, open.section));
    }
    return null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined) continue;
    if (line.kind === "blank") {
      item = close(item);
    } else if (line.kind === "item") {
      item = close(item);
      item = { parts: line.text ? [line.text] : [], indent: line.indent, section, extraLines: 0 };
    } else if (line.kind === "heading") {
      item = close(item);
      if (line.text) section = line.text;
    } else if (item && continuesItem(item, line, lines[i + 1])) {
      item.parts.push(line.text);
      item.extraLines++;
    } else {
      item = close(item);
      // Unmarked lines are page prose when the guide has list items; only
      // title-like lines matter, as section names.
      if (looksLikeHeading(line.text)) section = cleanHeading(line.text) || section;
    }
  }
  close(item);
  return questions;
}

function continuesItem(
  item: OpenItem,
  line: Extract<Line, { kind: "text" }>,
  next: Line | undefined,
): boolean {
  if (item.extraLines >= MAX_CONTINUATION_LINES) return false;
  const last = item.parts[item.parts.length - 1] ?? "";
  // Indented under its marker, a line visibly belongs to the item, even a
  // follow-up sentence after the question mark.
  const nested = line.indent > item.indent;
  if (endsWithQuestionMark(last)) return nested;
  if (nested || !looksLikeHeading(line.text)) return true;
  // A title-like line after a finished sentence is the next heading. After an
  // unfinished one it is a wrapped fragment ("Middlemarch" in "Which marriage in
  // / Middlemarch / is happiest?") unless nothing follows it.
  if (endsSentence(last)) return false;
  return next !== undefined && next.kind === "text";
}
