// Turns a discussion guide pasted from a web page or document into its list of
// discussion questions. Pasted guides arrive wrapped in page furniture (summaries,
// "Want to know more?" teasers, quote lists, ads), so the parser trusts list
// structure first and only falls back to bare "?" lines when no list item is a
// question.
//
// No regex here nests or chains overlapping quantifiers, and each line is
// visited a constant number of times, so megabytes of junk parse in linear time.

export type GuideQuestion = { text: string; section?: string };
export type ParsedGuide = { questions: GuideQuestion[] };

type Line =
  | { kind: "blank" }
  | { kind: "item"; text: string; indent: number }
  | { kind: "heading"; text: string }
  | { kind: "text"; text: string; indent: number };

// Hard-wrapped questions rarely run past a handful of lines; the cap stops a
// statement bullet from swallowing a whole following paragraph.
const MAX_CONTINUATION_LINES = 8;

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/;
const INVISIBLE = /[\u200B\uFEFF]/g;
const WHITESPACE_RUN = /\s+/g;
const LEADING_WHITESPACE = /^\s*/;
const QUESTION_MARK = /[?？؟]/;
const HAS_LETTER = /\p{L}/u;
const WORD_CHAR = /[\p{L}\p{N}]/gu;
const STARTS_LOWERCASE = /^\p{Ll}/u;
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

// A heading never ends like a sentence or a wrapped line.
const NON_HEADING_ENDINGS = new Set([
  ".", "!", "?", "？", "؟", "…", ";", ",", '"', "”", "’", "'", "»", "›", "-", "–", "—",
]);
const SENTENCE_ENDINGS = new Set([
  ".", "!", "…", ";", '"', "”", "’", "'", "»", "›", "」", "』", ")", "]",
]);
const NON_HEADING_STARTS = new Set(["¿", "¡", '"', "“", "„", "«", "‹", "'", "‘"]);

// A wrapped first line of a question can look like a title ("What did you make
// of"); these openings tell it apart from a heading when no list markers help.
const INTERROGATIVE_START =
  /^(?:what|how|why|who|whom|whose|which|when|where|did|do|does|is|are|was|were|would|could|should|can|will|has|have|had|in what|to what)\b/i;

const QUOTE_CLOSERS: ReadonlyMap<string, string> = new Map([
  ['"', '"”'],
  ["“", '”"'],
  ["”", "”"],
  ["„", '“”"'],
  ["«", "»"],
  ["»", "«"],
  ["‹", "›"],
  ["'", "'"],
  ["‘", "’'"],
  ["’", "’"],
  ["「", "」"],
  ["『", "』"],
]);

// Kept narrow on purpose: a question may legitimately mention joining or
// subscribing ("Does Stevens subscribe to his lordship's views?").
const AD_PATTERN =
  /\b(?:join (?:for free|now|today)|sign up|subscribe (?:now|today|to our)|newsletter|free trial|buy now|shop now|click here|sponsored)\b|https?:\/\/|www\.|\bsubscribe[.!]?$/i;

export function parseGuide(text: string): ParsedGuide {
  if (typeof text !== "string" || text.length === 0) return { questions: [] };
  const lines = text.replace(INVISIBLE, "").split(LINE_BREAK).map(classifyLine);
  const listed = parseListItems(lines);
  return { questions: listed.length > 0 ? listed : parseBareLines(lines) };
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

type OpenItem = { parts: string[]; indent: number; section: string | undefined; extraLines: number };

function parseListItems(lines: readonly Line[]): GuideQuestion[] {
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

// Used only when no list item holds a question: then a guide is questions on
// their own lines (or wrapped across a few lines), perhaps under headings.
function parseBareLines(lines: readonly Line[]): GuideQuestion[] {
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

// A short standalone title rather than a sentence: "Part One: Hailsham", "Themes", "Questions:".
function looksLikeHeading(text: string): boolean {
  if (text.length === 0 || text.length > 100) return false;
  const first = text.charAt(0);
  if (NON_HEADING_STARTS.has(first) || STARTS_LOWERCASE.test(text) || !HAS_LETTER.test(text)) {
    return false;
  }
  if (!isMostlyWords(text)) return false;
  const words = text.split(" ").length;
  const last = text.charAt(text.length - 1);
  if (last === ":" || last === "：") return words <= 12;
  return text.length <= 70 && words <= 10 && !NON_HEADING_ENDINGS.has(last);
}

// Titles are mostly words; a run of symbols that happens to end in ':' or start
// with '# ' is debris, not a section name.
function isMostlyWords(text: string): boolean {
  const wordChars = text.match(WORD_CHAR)?.length ?? 0;
  return wordChars * 2 >= text.replace(/ /g, "").length;
}

// "## Themes ##" → "Themes"; only for Markdown headings, so "#1 Bestseller" keeps its hash.
function stripMarkdownHashes(text: string): string {
  let start = 0;
  while (start < text.length && text.charAt(start) === "#") start++;
  let end = text.length;
  while (end > start && text.charAt(end - 1) === "#") end--;
  return text.slice(start, end);
}

function cleanHeading(text: string): string {
  let heading = stripEmphasis(text.trim());
  if (heading.endsWith(":") || heading.endsWith("：")) heading = heading.slice(0, -1).trim();
  return stripEmphasis(heading);
}

function stripEmphasis(text: string): string {
  return text.replace(/^[*_]{1,3}/, "").replace(/[*_]{1,3}$/, "").trim();
}

function isQuestion(text: string): boolean {
  return (
    QUESTION_MARK.test(text) && HAS_LETTER.test(text) && !isQuotation(text) && !AD_PATTERN.test(text)
  );
}

// A quotation is text wrapped in quotes with no question of the guide's own
// after the closing mark: `“Why?” asks Ruth.` is a quote, while
// `"Poor creatures." What does Miss Lucy mean?` is a question about one.
function isQuotation(text: string): boolean {
  const opener = text.charAt(0);
  const closers = QUOTE_CLOSERS.get(opener);
  if (closers === undefined) return false;
  const singleQuote = opener === "'" || opener === "‘" || opener === "’";
  for (let i = 1; i < text.length; i++) {
    if (!closers.includes(text.charAt(i))) continue;
    // A single quote followed by a letter is an apostrophe ("Kathy's", "don't").
    if (singleQuote && HAS_LETTER.test(text.charAt(i + 1))) continue;
    return !QUESTION_MARK.test(text.slice(i + 1));
  }
  return true;
}

function endsWithQuestionMark(text: string): boolean {
  return QUESTION_MARK.test(text.charAt(text.length - 1));
}

function endsSentence(text: string): boolean {
  return SENTENCE_ENDINGS.has(text.charAt(text.length - 1));
}

function withSection(text: string, section: string | undefined): GuideQuestion {
  return section ? { text, section } : { text };
}
