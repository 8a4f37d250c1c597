// Splits pasted text into lines and classifies each one once: blank, page
// metadata, list item (marker stripped, its kind of marker kept), Markdown
// heading, or plain text.
//
// List markers come the way word processors, PDF viewers and web pages put them
// on the clipboard: "1." and "(1)", full-width "１．" and circled "①"; "a." and
// "iv)" sub-items; "•", "-", "▪", "–" bullets; Word's private-use glyphs
// (U+F0B7 and friends from the Symbol and Wingdings fonts) and, when the font is
// lost, Word's second and third levels as "o" and "§".

import { cleanHeading, isMostlyWords } from "./judge";
import { metadataKind } from "./metadata";

/**
 * Which kind of marker an item carries. Items of one family are siblings; an
 * item of another family can open a level below (see list.ts).
 */
export type Family = "number" | "bullet" | "letter" | "roman" | "o" | "square";

export type ItemLine = {
  kind: "item";
  /** 1-based line number in the pasted text. */
  line: number;
  /** The item's text, marker stripped, whitespace collapsed. */
  text: string;
  /** The whole line, marker included, whitespace collapsed. */
  whole: string;
  indent: number;
  family: Family;
  /** The marker's own label without punctuation ("3", "b", "iv"); undefined for bullets. */
  label: string | undefined;
  /** "i", "v" or "x": a roman numeral or a letter, told apart by its neighbours. */
  ambiguous: boolean;
  /** "o " with a single space may be the Spanish word "o" starting a wrapped line. */
  weak: boolean;
};

export type TextLine = { kind: "text"; line: number; text: string; indent: number };

/** Page metadata (see metadata.ts); `soft` ones may be a wrapped sentence's fragment. */
type MetadataLine = { kind: "metadata"; line: number; text: string; soft: boolean; indent: number };

export type Line =
  | { kind: "blank"; line: number }
  | MetadataLine
  | ItemLine
  | { kind: "heading"; line: number; text: string; source: string }
  | TextLine;

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/;
const INVISIBLE = /[\u200B\uFEFF]/g;
const WHITESPACE_RUN = /\s+/g;
const LEADING_WHITESPACE = /^\s*/;
const MARKDOWN_HEADING = /^#{1,6}(?= |$)/;

// Markers are matched on whitespace-collapsed text, so a single optional space
// is enough and no quantifier can backtrack.
const NUMBER_MARKERS: readonly RegExp[] = [
  /^\((\d{1,3})\)/, // (1)
  /^(\d{1,3})[.)、](?![\d.])/, // 1.  1)  — but not "3.5 stars" or "1..."
  /^(?:question|pregunta|q) ?#?(\d{1,3})(?: ?[:.)\-–—]|(?= |$))/i, // Q1:  Question 1 -
  /^([０-９]{1,3})[．.）)、]/, // １．  full-width, as East Asian word processors write them
  /^（([０-９]{1,3})）/, // （１）
  /^[\u2460-\u249B]/, // ① ⑴ ⒈  circled and parenthesized numbers
];
// "a." "b)" "(c)" "iv." "(ii)": one to five lowercase letters, checked below.
const LETTER_MARKER = /^(\(?)([a-z]{1,5})([.)])(?= |$)/;
const ROMAN = [
  "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
  "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx",
];
// ASCII bullets need a following space, otherwise "**bold**" or "-5°" would count.
const ASCII_BULLET = /^[-*+](?= |$)/;
// The em dash is deliberately absent: Spanish dialogue lines start with it.
const GLYPH_BULLET = /^[•◦‣·–▪●○■□►▸⁃∙]/;
// Newer additions need a following space, as the ASCII ones do.
const SPACED_GLYPH_BULLET = /^[➢➤❖◆◇♦✓✔❑❒⚫➔→§](?= |$)/;
// Word's Wingdings bullets when the font is lost: ❖ → "v", ➢ → "Ø", ✓ → "ü"
// (and ▪ → "§", matched above). Only with Word's tab after them: a letter and a
// tab at line start is no prose.
const LOST_FONT_BULLETS = "vØü";
const PRIVATE_USE_FIRST = 0xe000;
const PRIVATE_USE_LAST = 0xf8ff;
// Wingdings' small square, Word's default third-level bullet.
const WINGDINGS_SQUARE = 0xf0a7;

type Marker = { length: number; family: Family; label: string | undefined; ambiguous: boolean; weak: boolean };

/**
 * The pasted text as classified lines, in order. Accents are composed (NFC,
 * the built-in String.normalize) first: PDFs and macOS paste "é" as "e" plus a
 * combining accent, which would otherwise reach the rooms as a different
 * string from the same word typed. Composing never adds or removes a line break.
 */
export function splitLines(text: string): Line[] {
  return text
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .split(LINE_BREAK)
    .map((raw, index) => classifyLine(raw, index + 1));
}

function classifyLine(raw: string, line: number): Line {
  const text = raw.replace(WHITESPACE_RUN, " ").trim();
  if (text.length === 0) return { kind: "blank", line };
  const leading = LEADING_WHITESPACE.exec(raw)?.[0] ?? "";
  const indent = measureIndent(leading);
  if (MARKDOWN_HEADING.test(text)) {
    const heading = cleanHeading(stripMarkdownHashes(text));
    const metadata = metadataKind(heading);
    if (metadata) return { kind: "metadata", line, text, soft: metadata === "soft", indent };
    return { kind: "heading", line, text: isMostlyWords(heading) ? heading : "", source: text };
  }
  const metadata = metadataKind(text);
  if (metadata) return { kind: "metadata", line, text, soft: metadata === "soft", indent };
  const marker = matchMarker(text, raw, leading.length);
  if (marker === null) return { kind: "text", line, text, indent };
  const { length, ...kind } = marker;
  const itemText = text.slice(length).trim();
  // "• Page 3 of 5", "- © 2024 Faber": furniture, whatever marker it wears.
  if (metadataKind(itemText) === "hard") return { kind: "metadata", line, text, soft: false, indent };
  return { kind: "item", line, text: itemText, whole: text, indent, ...kind };
}

function matchMarker(text: string, raw: string, start: number): Marker | null {
  for (const pattern of NUMBER_MARKERS) {
    const match = pattern.exec(text);
    if (match) return marker(match[0].length, "number", match[1] ?? match[0]);
  }
  const lettered = matchLetterMarker(text);
  if (lettered) return lettered;
  const first = text.charAt(0);
  const spaced = text.length === 1 || text.charAt(1) === " ";
  if (ASCII_BULLET.test(text)) return marker(1, "bullet");
  const next = raw.charAt(start + 1);
  if (first === "o" && spaced) {
    // Word writes "o" and a tab (or a run of spaces) for its second level.
    const strong = next === "\t" || next === "\u00a0" || (next === " " && raw.charAt(start + 2) === " ");
    return { ...marker(1, "o"), weak: !strong };
  }
  if (spaced && next === "\t" && LOST_FONT_BULLETS.includes(first)) return marker(1, "bullet");
  const code = text.charCodeAt(0);
  if (spaced && code >= PRIVATE_USE_FIRST && code <= PRIVATE_USE_LAST) {
    return marker(1, code === WINGDINGS_SQUARE ? "square" : "bullet");
  }
  if (GLYPH_BULLET.test(text)) return marker(1, "bullet");
  if (SPACED_GLYPH_BULLET.test(text)) return marker(1, first === "§" ? "square" : "bullet");
  return null;
}

function matchLetterMarker(text: string): Marker | null {
  const match = LETTER_MARKER.exec(text);
  if (match === null) return null;
  const [whole, open, label = "", close] = match;
  if (open === "(" && close !== ")") return null;
  if (label.length === 1) {
    const ambiguous = label === "i" || label === "v" || label === "x";
    // A list that starts at "i" is roman; "v" and "x" alone are more often letters.
    return { ...marker(whole.length, label === "i" ? "roman" : "letter", label), ambiguous };
  }
  return ROMAN.includes(label) ? marker(whole.length, "roman", label) : null;
}

function marker(length: number, family: Family, label?: string): Marker {
  return { length, family, label, ambiguous: false, weak: false };
}

/** The letter after `label` ("a" → "b"), or undefined. */
export function nextLetter(label: string | undefined): string | undefined {
  if (label === undefined || label.length !== 1 || label >= "z") return undefined;
  return String.fromCharCode(label.charCodeAt(0) + 1);
}

/** The roman numeral after `label` ("iv" → "v"), or undefined. */
export function nextRoman(label: string | undefined): string | undefined {
  const index = label === undefined ? -1 : ROMAN.indexOf(label);
  return index < 0 ? undefined : ROMAN[index + 1];
}

/** The n-th roman numeral, 0-based ("i", "ii", …), or the number past twenty. */
export function romanAt(index: number): string {
  return ROMAN[index] ?? String(index + 1);
}

function measureIndent(leading: string): number {
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
