// Reads a guide with no usable list: questions on their own lines (or wrapped
// across a few lines), perhaps under headings. Only lines ending in a question
// mark count; an instruction on a bare line is as likely to be page prose.

import {
  AD_PATTERN,
  cleanHeading,
  endsSentence,
  endsWithQuestionMark,
  INTERROGATIVE_START,
  isQuestion,
  looksLikeHeading,
  STARTS_LOWERCASE,
} from "./judge";
import type { Line } from "./lines";
import { emit, MAX_CONTINUATION_LINES, nextContentLine } from "./shared";
import { createSections, itemReason, type SkipLog } from "./skipped";
import type { GuideQuestion } from "./types";

/**
 * Every unmarked line (or run of wrapped lines) ending in a question mark.
 * Everything else that is not blank goes to `log`.
 */
export function parseBareLines(lines: readonly Line[], log: SkipLog): GuideQuestion[] {
  const questions: GuideQuestion[] = [];
  const sections = createSections(log);
  // Lines of a question wrapped over several lines, waiting for its "?".
  let pending: string[] = [];
  let pendingFrom = 0;
  let pendingTo = 0;

  const drop = (): void => {
    if (pending.length > 0) log.add(pendingFrom, pendingTo, pending.join(" "), "not a question");
    pending = [];
  };

  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line === undefined) continue;
    if (line.kind === "metadata") {
      // Transparent, as in list.ts; a date or byline inside a wrapped sentence is part of it.
      if (!line.soft || pending.length === 0) {
        log.add(line.line, line.line, line.text, "metadata");
        continue;
      }
      line = { kind: "text", line: line.line, text: line.text, indent: line.indent };
    }
    // Without a list, "o una elección?" is the Spanish "o" opening a wrapped line.
    if (line.kind === "item" && line.weak) line = { kind: "text", line: line.line, text: line.whole, indent: line.indent };
    if (line.kind !== "text") {
      drop();
      if (line.kind === "heading") {
        if (line.text) sections.open(line.line, line.text, line.source);
        else log.add(line.line, line.line, line.source, "heading");
      } else if (line.kind === "item") {
        log.add(line.line, line.line, line.text || line.whole, itemReason(line.text));
      }
      continue;
    }
    const text = line.text;
    const title = looksLikeHeading(text) ? cleanHeading(text) : "";
    if (title && sections.repeats(title)) {
      // A running header, repeated on every page: transparent.
      log.add(line.line, line.line, text, "metadata");
      continue;
    }
    if (pending.length === 0) pendingFrom = line.line;
    if (endsWithQuestionMark(text)) {
      pending.push(text);
      const question = pending.join(" ");
      pending = [];
      if (isQuestion(question)) emit(questions, question, sections.current());
      else log.add(pendingFrom, line.line, question, itemReason(question));
    } else if (pending.length === 0 && looksLikeHeading(text) && !opensWrappedQuestion(text, nextContentLine(lines, i))) {
      if (AD_PATTERN.test(text)) log.add(line.line, line.line, text, "advertisement");
      else if (title) sections.open(line.line, title, text);
      else log.add(line.line, line.line, text, "heading");
    } else if (endsSentence(text)) {
      // Prose: whatever was pending belonged to a statement, not a question.
      pending.push(text);
      pendingTo = line.line;
      drop();
    } else {
      if (pending.length >= MAX_CONTINUATION_LINES) {
        drop();
        pendingFrom = line.line;
      }
      pending.push(text);
      pendingTo = line.line;
    }
  }
  drop();
  sections.close();
  return questions;
}

function opensWrappedQuestion(text: string, next: Line | undefined): boolean {
  if (next === undefined || next.kind !== "text") return false;
  return STARTS_LOWERCASE.test(next.text) || INTERROGATIVE_START.test(text);
}
