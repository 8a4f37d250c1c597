// Splits pasted text into lines and classifies each one once: blank, list item
// (marker stripped), Markdown heading, or plain text.

import { cleanHeading, isMostlyWords } from "./judge";

export type Line =
  | { kind: "blank" }
  | { kind: "item"; text: string; indent: number }
  | { kind: "heading"; text: string }
  | { kind: "text"; text: string; indent: number };

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/;
const INVISIBLE = /[\u200B\uFEFF]/g;
const WHITESPACE_RUN = /\s+/g;
const LEADING_WHITESPACE = /^\s*/;
const MARKDOWN_HEADING = /^#{1,6}(?= |$)/;

// Markers are matched on whitespace-collapsed text, so a single optional space
// is enough and no quantifier can backtrack.
const MARKERS: readonly RegExp[] = [
  /^\(\d{1,3}\)/, // (1)
  /^\d{1,3}[.)](?![\d.])/, // 1.  1)  — but not "3.5 stars" or "1..."
  /^(?:question|pregunta|q) ?#?\d{1,3}(?: ?[:.)\-–—]|(?= |$))/i, // Q1:  Question 1 -
  /^\(?[a-z]\)(?= )/, // a)  (a) sub-questions
  // ASCII bullets need a following space, otherwise "**bold**" or "-5°" would count.
  /^[-*+](?= |$)/,
  // The em dash is deliberately absent: Spanish dialogue lines start with it.
  /^[•◦‣·–▪●○■□►▸⁃∙]/,
];

/** The pasted text as classified lines, in order. */
export function splitLines(text: string): Line[] {
  return text.replace(INVISIBLE, "").split(LINE_BREAK).map(classifyLine);
}

function classifyLine(raw: string): Line {
  const text = raw.replace(WHITESPACE_RUN, " ").trim();
  if (text.length === 0) return { kind: "blank" };
  if (MARKDOWN_HEADING.test(text)) {
    const heading = cleanHeading(stripMarkdownHashes(text));
    return { kind: "heading", text: isMostlyWords(heading) ? heading : "" };
  }
  const indent = measureIndent(raw);
  for (const marker of MARKERS) {
    const match = marker.exec(text);
    if (match) return { kind: "item", text: text.slice(match[0].length).trim(), indent };
  }
  return { kind: "text", text, indent };
}

function measureIndent(raw: string): number {
  const leading = LEADING_WHITESPACE.exec(raw)?.[0] ?? "";
  let width = 0;
  for (const ch of leading) width += ch === "\t" ? 4 : 1;
  return width;
}

// "## Themes ##" → "Themes"; only for Markdown headings, so "#1 Bestseller" keeps its hash.
function stripMarkdownHashes(text: string): string {
  let start = 0;
  while (start < text.length && text.charAt(start) === "#") start++;
  let end = text.length;
  while (end > start && text.charAt(end - 1) === "#") end--;
  return text.slice(start, end);
}
