// Reads a guide through its list structure: numbered or bulleted items are the
// candidates, unmarked lines are page prose that only matters as section titles.
//
// Nesting. Items of one marker family ("1." and "2)", or "•" and "-") are
// siblings whatever their indentation: pasted indentation is noise more often
// than structure. An item of another family opens a level below the open item
// when it is indented deeper, or when its marker is a lower level by nature
// ("a."/"o" below "1."/"•"; "i."/"§" below those), which is how Word's
// multi-level lists arrive once their indentation is lost. After a blank line
// only the lower-level marker nests. Three levels at most.
// What becomes of the levels is decided in sub-items.ts (rule in parse.ts).

import { cleanHeading, endsSentence, endsWithColon, endsWithQuestionMark, looksLikeHeading } from "./judge";
import { nextLetter, nextRoman, type Family, type ItemLine, type Line, type TextLine } from "./lines";
import { MAX_CONTINUATION_LINES, nextContentLine } from "./shared";
import { createSections, proseReason, type Section, type SkipLog } from "./skipped";
import { resolveItem, type ListNode } from "./sub-items";
import type { GuideQuestion } from "./types";

const MAX_DEPTH = 3;
const LEVEL: Record<Family, number> = { number: 0, bullet: 0, letter: 1, o: 1, roman: 2, square: 2 };

/**
 * The list items that are questions or prompts, each under the heading it
 * follows. Everything else that is not blank goes to `log`.
 */
export function parseListItems(lines: readonly Line[], log: SkipLog): GuideQuestion[] {
  const questions: GuideQuestion[] = [];
  const sections = createSections(log);
  let topSection: Section | undefined;
  // The open items: the top-level item, then its open sub-item, then that one's.
  let stack: ListNode[] = [];
  // After a blank line no text continues an item, but sub-items may still follow.
  let afterBlank = false;

  const finish = (): void => {
    const top = stack[0];
    if (top) resolveItem(top, topSection, questions, log);
    stack = [];
  };

  const open = (item: ItemLine): void => {
    const sibling = findSibling(stack, item);
    if (sibling && sibling.depth > 0) {
      stack.length = sibling.depth;
      attach(stack[sibling.depth - 1], item, sibling.family);
      return;
    }
    const parent = sibling ? undefined : findParent(stack, item, afterBlank);
    if (parent) {
      stack.length = parent.depth + 1;
      attach(stack[parent.depth], item, parent.family);
      return;
    }
    finish();
    topSection = sections.current();
    stack = [newNode(item, sibling?.family ?? item.family)];
  };

  const attach = (parent: ListNode | undefined, item: ItemLine, family: Family): void => {
    const node = newNode(item, family);
    parent?.children.push(node);
    stack.push(node);
  };

  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    if (line === undefined) continue;
    if (line.kind === "item" && line.weak && !takesSubItem(stack.at(-1))) line = asText(line);
    if (line.kind === "metadata") {
      // Page furniture neither ends an item nor names a section, so a question
      // broken by a PDF's page footer reads on. A date or byline in the middle
      // of an unfinished sentence is the sentence's own words.
      const deepest = stack.at(-1);
      if (!line.soft || !deepest || afterBlank || takesSubItem(deepest)) {
        log.add(line.line, line.line, line.text, "metadata");
        continue;
      }
      line = { kind: "text", line: line.line, text: line.text, indent: line.indent };
    }
    if (line.kind === "blank") {
      afterBlank = true;
    } else if (line.kind === "item") {
      open(line);
      afterBlank = false;
    } else if (line.kind === "heading") {
      finish();
      if (line.text) sections.open(line.line, line.text, line.source);
      else log.add(line.line, line.line, line.source, "heading");
    } else {
      const deepest = stack.at(-1);
      const title = looksLikeHeading(line.text) ? cleanHeading(line.text) : "";
      if (title && sections.repeats(title)) {
        // A running header: transparent, like a page footer.
        log.add(line.line, line.line, line.text, "metadata");
      } else if (deepest && !afterBlank && continuesItem(deepest, line, nextContentLine(lines, i))) {
        deepest.parts.push(line.text);
        deepest.extraLines++;
        deepest.last = line.line;
      } else {
        finish();
        // Unmarked lines are page prose when the guide has list items; only
        // title-like lines matter, as section names.
        const reason = proseReason(line.text);
        if (title && reason !== "advertisement") sections.open(line.line, title, line.text);
        else log.add(line.line, line.line, line.text, looksLikeHeading(line.text) && !title ? "heading" : reason);
      }
    }
  }
  finish();
  sections.close();
  return questions;
}

function newNode(item: ItemLine, family: Family): ListNode {
  return {
    family,
    label: item.label,
    indent: item.indent,
    parts: item.text ? [item.text] : [],
    whole: item.whole,
    extraLines: 0,
    children: [],
    first: item.line,
    last: item.line,
  };
}

type Place = { depth: number; family: Family };

// The nearest open item of the same family: the new item is its sibling.
function findSibling(stack: readonly ListNode[], item: ItemLine): Place | undefined {
  for (let depth = stack.length - 1; depth >= 0; depth--) {
    const node = stack[depth];
    const family = node && familyBeside(node, item);
    if (node && family === node.family) return { depth, family };
  }
  return undefined;
}

// The nearest open item the new one nests under, capped at MAX_DEPTH levels.
// After a blank line, indentation alone does not nest: a list indented under a
// finished question is more often the page's next list than its sub-items.
function findParent(stack: readonly ListNode[], item: ItemLine, afterBlank: boolean): Place | undefined {
  for (let depth = stack.length - 1; depth >= 0; depth--) {
    const node = stack[depth];
    if (node === undefined) continue;
    const family = familyBeside(node, item);
    const nested =
      (!afterBlank && item.indent > node.indent) ||
      (item.indent >= node.indent && LEVEL[family] > LEVEL[node.family]);
    if (nested) return { depth: Math.min(depth, MAX_DEPTH - 2), family };
  }
  return undefined;
}

// "i" after "h." is a letter, "v" after "iv." a numeral.
function familyBeside(node: ListNode, item: ItemLine): Family {
  if (item.ambiguous) {
    if (node.family === "letter" && nextLetter(node.label) === item.label) return "letter";
    if (node.family === "roman" && nextRoman(node.label) === item.label) return "roman";
  }
  return item.family;
}

// "o" with one space is a bullet only where a sub-item can start: after an
// item that ended its clause. Otherwise it is the Spanish "o" ("or") opening
// a wrapped line.
function takesSubItem(node: ListNode | undefined): boolean {
  if (node === undefined) return false;
  const last = node.parts[node.parts.length - 1] ?? "";
  return endsWithQuestionMark(last) || endsSentence(last) || endsWithColon(last);
}

function asText(item: ItemLine): TextLine {
  return { kind: "text", line: item.line, text: item.whole, indent: item.indent };
}

function continuesItem(node: ListNode, line: TextLine, next: Line | undefined): boolean {
  if (node.extraLines >= MAX_CONTINUATION_LINES) return false;
  const last = node.parts[node.parts.length - 1] ?? "";
  // Indented under its marker, a line visibly belongs to the item, even a
  // follow-up sentence after the question mark.
  const nested = line.indent > node.indent;
  if (endsWithQuestionMark(last)) return nested;
  if (nested || !looksLikeHeading(line.text)) return true;
  // A title-like line after a finished sentence is the next heading. After an
  // unfinished one it is a wrapped fragment ("Middlemarch" in "Which marriage in
  // / Middlemarch / is happiest?") unless nothing follows it.
  if (endsSentence(last)) return false;
  return next !== undefined && next.kind === "text";
}
