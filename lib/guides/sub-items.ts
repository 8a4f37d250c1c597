// What a list item and its sub-items become: one room, several rooms with the
// item as their context or section, or lines in the skipped list. The rule,
// by the shape of the item above the sub-items, is at the top of parse.ts.

import {
  cleanHeading,
  endsSentence,
  endsWithColon,
  endsWithQuestionMark,
  INTERROGATIVE_START,
  isAdvert,
  isPrompt,
  isQuestion,
  looksLikeHeading,
  opensWithPromptVerb,
  QUESTION_MARK,
} from "./judge";
import { romanAt, type Family } from "./lines";
import { emit } from "./shared";
import { itemReason, type Section, type SkipLog } from "./skipped";
import type { GuideQuestion, SkipReason } from "./types";

/** An item read from the list (list.ts builds them), with its sub-items. */
export type ListNode = {
  family: Family;
  label: string | undefined;
  indent: number;
  /** The item's own text: its marker line and the lines wrapped under it. */
  parts: string[];
  /** The marker line, for the skipped list when the item has no text of its own. */
  whole: string;
  extraLines: number;
  children: ListNode[];
  /** 1-based lines of the item's own text, sub-items not included. */
  first: number;
  last: number;
};

type Context = {
  section: Section | undefined;
  /** The lead-in a sub-item needs to make sense on its own ("Consider the following:"). */
  prefix: string | undefined;
  /** Under a lead-in that asks for something, every sub-item is a question. */
  acceptAll: boolean;
  /** Only a top-level item can be a section title for its sub-items. */
  topLevel: boolean;
};

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * Emits the questions a top-level item and its sub-items make, filed under
 * `section`, and logs what it leaves out.
 */
export function resolveItem(node: ListNode, section: Section | undefined, out: GuideQuestion[], log: SkipLog): void {
  resolveNode(node, { section, prefix: undefined, acceptAll: false, topLevel: true }, out, log);
}

// Returns how many questions the item made.
function resolveNode(node: ListNode, context: Context, out: GuideQuestion[], log: SkipLog): number {
  const own = node.parts.join(" ");
  if (isAdvert(own)) {
    skipTree(node, "advertisement", log);
    return 0;
  }
  const leaf = node.children.length === 0;
  if (leaf ? context.acceptAll || asks(own) : context.acceptAll || (!isLeadIn(own) && asks(own))) {
    const text = withSubItems(node, 0, log);
    if (!text) {
      skip(node, "not a question", log);
      return 0;
    }
    emit(out, joinContext(context.prefix, text), context.section);
    return 1;
  }
  if (leaf) {
    skip(node, itemReason(own), log);
    return 0;
  }
  // The item does not ask anything itself: its sub-items stand alone.
  const invites = isLeadIn(own) && (opensWithPromptVerb(own) || INTERROGATIVE_START.test(own));
  // A title ("Part One: Hailsham", "Themes:") names a section; judged without
  // its colon, so a sentence-long lead-in stays context instead.
  const title = cleanHeading(own);
  const heading = !invites && context.topLevel && looksLikeHeading(title) ? title : "";
  const inner: Context = heading
    ? { section: { text: heading, used: false }, prefix: undefined, acceptAll: false, topLevel: false }
    : {
        section: context.section,
        prefix: own ? joinContext(context.prefix, own) : context.prefix,
        acceptAll: invites,
        topLevel: false,
      };
  let used = 0;
  for (const child of node.children) used += resolveNode(child, inner, out, log);
  // A marker alone on its line ("1." with its sub-items below) is listed too,
  // so that every non-blank line is accounted for.
  if (used === 0 || !own) skip(node, heading ? "heading" : itemReason(own), log);
  return used;
}

function skip(node: ListNode, reason: SkipReason, log: SkipLog): void {
  log.add(node.first, node.last, node.parts.join(" ") || node.whole, reason);
}

function skipTree(node: ListNode, reason: SkipReason, log: SkipLog): void {
  skip(node, reason, log);
  for (const child of node.children) skipTree(child, reason, log);
}

// A numbered or bulleted item asks when it is a question or a prompt.
function asks(text: string): boolean {
  return isQuestion(text) || isPrompt(text);
}

// "Consider the following:", "Which of these scenes:" — a line that hands over to its sub-items.
function isLeadIn(text: string): boolean {
  return endsWithColon(text) && !QUESTION_MARK.test(text);
}

// "Consider these objects:" + "The tapes" → "Consider these objects: The tapes";
// "Chapter 3" + "Why?" → "Chapter 3: Why?".
function joinContext(prefix: string | undefined, text: string): string {
  if (!prefix) return text;
  const glue = endsWithColon(prefix) || endsSentence(prefix) || endsWithQuestionMark(prefix) ? " " : ": ";
  return prefix + glue + text;
}

// "What does X mean? (a) … (b) …": sub-items keep their own labels; bullets get
// letters, and their own sub-items roman numerals. Ads among them are logged.
function withSubItems(node: ListNode, depth: number, log: SkipLog): string {
  const pieces = node.parts.length > 0 ? [node.parts.join(" ")] : [];
  let count = 0;
  for (const child of node.children) {
    if (isAdvert(child.parts.join(" "))) {
      skipTree(child, "advertisement", log);
      continue;
    }
    const text = withSubItems(child, depth + 1, log);
    if (!text) {
      skip(child, "not a question", log);
      continue;
    }
    pieces.push(`(${labelFor(child, count, depth)}) ${text}`);
    count++;
  }
  return pieces.join(" ");
}

function labelFor(node: ListNode, index: number, depth: number): string {
  if (node.label !== undefined) return node.label;
  if (depth > 0) return romanAt(index);
  return LETTERS.charAt(index) || String(index + 1);
}
