// Reads a guide with no usable list: questions on their own lines (or wrapped
// across a few lines), perhaps under headings.

import {
  cleanHeading,
  endsSentence,
  endsWithQuestionMark,
  INTERROGATIVE_START,
  isQuestion,
  looksLikeHeading,
  STARTS_LOWERCASE,
} from "./judge";
import type { Line } from "./lines";
import { MAX_CONTINUATION_LINES, nextContentLine, withSection } from "./shared";
import type { GuideQuestion } from "./types";

/** Every unmarked line (or run of wrapped lines) ending in a question mark. */
export function parseBareLines(lines: readonly Line[]): GuideQuestion[] {
  const questions: GuideQuestion[] = [];
  let section: string | undefined;
  let pending: string[] = [];

  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line === undefined) continue;
    if (line.kind === "metadata") {
      // Transparent, as in list.ts; a date or byline inside a wrapped sentence is part of it.
      if (!line.soft || pending.length === 0) continue;
      line = { kind: "text", line: line.line, text: line.text, indent: line.indent };
    }
    // Without a list, "o una elección?" is the Spanish "o" opening a wrapped line.
    if (line.kind === "item" && line.weak) line = { kind: "text", line: line.line, text: line.whole, indent: line.indent };
    if (line.kind !== "text") {
      pending = [];
      if (line.kind === "heading" && line.text) section = line.text;
      continue;
    }
    const text = line.text;
    if (endsWithQuestionMark(text)) {
      pending.push(text);
      const question = pending.join(" ");
      pending = [];
      if (isQuestion(question)) questions.push(withSection(question, section));
    } else if (pending.length === 0 && looksLikeHeading(text) && !opensWrappedQuestion(text, nextContentLine(lines, i))) {
      section = cleanHeading(text) || section;
    } else if (endsSentence(text)) {
      // Prose: whatever was pending belonged to a statement, not a question.
      pending = [];
    } else {
      if (pending.length >= MAX_CONTINUATION_LINES) pending = [];
      pending.push(text);
    }
  }
  return questions;
}

function opensWrappedQuestion(text: string, next: Line | undefined): boolean {
  if (next === undefined || next.kind !== "text") return false;
  return STARTS_LOWERCASE.test(next.text) || INTERROGATIVE_START.test(text);
}
