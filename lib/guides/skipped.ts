// Bookkeeping for what the parser leaves out, so the review step can show it
// and a moderator can bring a line back.

import { AD_PATTERN, isAdvert, isQuotation, QUESTION_MARK } from "./judge";
import type { SkippedLine, SkipReason } from "./types";

/** Junk-megabyte input stays cheap: past this many entries the rest is not listed. */
export const MAX_SKIPPED = 200;
// A question may hold at most 1000 characters (lib/validation/questions.ts).
const MAX_TEXT = 1000;

export type SkipLog = {
  add(first: number, last: number, text: string, reason: SkipReason): void;
  /** The entries in line order. */
  list(): SkippedLine[];
};

export function createSkipLog(): SkipLog {
  const entries: SkippedLine[] = [];
  return {
    add(first, last, text, reason) {
      if (entries.length >= MAX_SKIPPED) return;
      const shown = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
      entries.push(last > first ? { line: first, lastLine: last, text: shown, reason } : { line: first, text: shown, reason });
    },
    // Entries arrive nearly in order (an item is logged once its sub-items are
    // read, a heading once the next one replaces it); the sort is stable.
    list: () => entries.slice().sort((a, b) => a.line - b.line),
  };
}

/** Why a list item that asks nothing was left out. */
export function itemReason(text: string): SkipReason {
  if (isAdvert(text)) return "advertisement";
  if (isQuotation(text)) return "quotation";
  return "not a question";
}

/** Why a line of page prose was left out, in a guide read through its list. */
export function proseReason(text: string): SkipReason {
  if (AD_PATTERN.test(text)) return "advertisement";
  if (isQuotation(text)) return "quotation";
  return QUESTION_MARK.test(text) ? "outside the list" : "not a question";
}

/** A section name, and whether any question was filed under it. */
export type Section = { text: string; used: boolean };

export type Sections = {
  current(): Section | undefined;
  /**
   * Whether a title was already used as a heading: then it is a PDF's running
   * header, repeated at the top of every page, and not a new section.
   */
  repeats(text: string): boolean;
  /** A heading line: it names the questions that follow. */
  open(line: number, text: string, source: string): void;
  /** The input ended: the last heading is used or skipped. */
  close(): void;
};

/** The current section; a heading that no question was filed under is logged as skipped. */
export function createSections(log: SkipLog): Sections {
  let current: (Section & { line: number; source: string }) | undefined;
  const seen = new Set<string>();
  const retire = (): void => {
    if (current && !current.used) log.add(current.line, current.line, current.source, "heading");
  };
  return {
    current: () => current,
    repeats: (text) => seen.has(text),
    open(line, text, source) {
      retire();
      seen.add(text);
      current = { text, used: false, line, source };
    },
    close: retire,
  };
}
