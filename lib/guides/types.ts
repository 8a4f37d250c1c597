// The parser's output, shared by its modules and re-exported by parse.ts.

/** One discussion question; `section` is the heading it was found under, omitted when none. */
export type GuideQuestion = { text: string; section?: string };

/**
 * Why a line that could have been part of a question was not used:
 * - "not a question": a list item or prose that neither asks nor prompts;
 * - "outside the list": a line with a question mark among page prose, in a
 *   guide whose questions are in a list (a teaser such as "Want to know more?");
 * - "quotation": a line quoting the book;
 * - "advertisement": a call to subscribe, buy, share or follow, or a link;
 * - "metadata": a date, byline, page number, copyright line, bare link, reading time;
 * - "heading": a title-like line with no question under it.
 */
export type SkipReason =
  | "not a question"
  | "outside the list"
  | "quotation"
  | "advertisement"
  | "metadata"
  | "heading";

/**
 * A line, or a run of wrapped lines, the parser left out. `line` is 1-based in
 * the pasted text ("\n", "\r\n", "\r", U+2028, U+2029 and U+0085 each end a
 * line, as in a textarea); `lastLine` is there when the text spans several
 * lines. `text` is whitespace-collapsed with any list marker stripped, cut to
 * 1000 characters (a question's limit), ready to become a question if a
 * moderator brings it back.
 */
export type SkippedLine = { line: number; lastLine?: number; text: string; reason: SkipReason };

/**
 * `skipped` lists what was left out, in line order, at most MAX_SKIPPED (200)
 * entries; like `section`, it is omitted when empty. Blank lines never appear.
 */
export type ParsedGuide = { questions: GuideQuestion[]; skipped?: SkippedLine[] };
