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
import { MAX_CONTINUATION_LINES, withSection } from "./shared";
import type { GuideQuestion } from "./types";

/** Every unmarked line (or run of wrapped lines) ending in a question mark. */
export function parseBareLines(lines: readonly Line[]): GuideQuestion[] {
  const questions: GuideQuestion[] = [];
  let section: string | undefined;
  let pending: string[] = [];

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined) continue;
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
    } else if (pending.length === 0 && looksLikeHeading(text) && !opensWrappedQuestion(text, lines[i + 1])) {
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
