// What a piece of pasted text is: a question, a title, a quotation, an ad. Pure
// predicates on whitespace-collapsed text, shared by both ways of reading a guide.
//
// No regex here nests or chains overlapping quantifiers: each runs in time
// linear in its input, so a megabyte line costs a megabyte of work.

export const QUESTION_MARK = /[?？؟]/;
const HAS_LETTER = /\p{L}/u;
export const STARTS_LOWERCASE = /^\p{Ll}/u;
const WORD_CHAR = /[\p{L}\p{N}]/gu;

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
export const INTERROGATIVE_START =
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
export const AD_PATTERN =
  /\b(?:join (?:for free|now|today)|sign up|subscribe (?:now|today|to our)|newsletter|free trial|buy now|shop now|click here|sponsored|follow us|(?:share|compartir|comparte) (?:on|en) (?:facebook|twitter|x|instagram|pinterest|whatsapp|goodreads))\b|https?:\/\/|www\.|\bsubscribe[.!]?$|\bsíguenos\b/i;

// Discussion prompts phrased as instructions rather than questions ("Discuss…",
// "Comenta…"). They count only as numbered or bulleted items: a bare sentence
// starting with "Consider" is as likely to be page prose.
const PROMPT_START =
  /^(?:discuss|consider|talk about|describe|compare|contrast|explain|reflect (?:on|upon)|share|think about|imagine|examine|identify|trace|analy[sz]e|evaluate|choose|pick|look (?:at|back)|comenta|comentad|comenten|discute|discutid|discutan|describid|describan|reflexiona|reflexionad|reflexionen|compara|comparad|comparen|explica|explicad|expliquen|analiza|analizad|analicen|piensa|pensad|piensen|habla|hablad|hablen|imagina|imaginad|imaginen|comparte|compartid|compartan|elige|elegid|elijan)(?= )/i;
// "Share this guide", "Comparte en Facebook", "…with #KlaraBookClub": the page
// asking for clicks, not the guide asking the group.
const PROMPT_AD = /#\p{L}|\b(?:facebook|twitter|instagram|tiktok|pinterest|goodreads)\b|\b(?:share|comparte) (?:this|it|esta|este)\b/iu;
const LEADING_EMPHASIS = /^[*_]{1,3}/;

/** Starts with an instruction to the group ("Discuss", "Consider", "Comenta"). */
export function opensWithPromptVerb(text: string): boolean {
  return PROMPT_START.test(text.replace(LEADING_EMPHASIS, ""));
}

/**
 * A discussion prompt: an instruction to the group that stands on its own. Not
 * one that hands over to sub-items ("Consider the following:"), not an ad.
 */
export function isPrompt(text: string): boolean {
  return (
    opensWithPromptVerb(text) &&
    !endsWithColon(text) &&
    !AD_PATTERN.test(text) &&
    !PROMPT_AD.test(text)
  );
}

/** A call to subscribe, buy, share or follow, or a link: the page speaking, not the guide. */
export function isAdvert(text: string): boolean {
  return AD_PATTERN.test(text) || (opensWithPromptVerb(text) && PROMPT_AD.test(text));
}

export function endsWithColon(text: string): boolean {
  return text.endsWith(":") || text.endsWith("：");
}

/** A question of the guide's own: has a question mark and letters, and is neither a quotation nor an ad. */
export function isQuestion(text: string): boolean {
  return (
    QUESTION_MARK.test(text) && HAS_LETTER.test(text) && !isQuotation(text) && !AD_PATTERN.test(text)
  );
}

/**
 * A quotation is text wrapped in quotes with no question of the guide's own
 * after the closing mark: `“Why?” asks Ruth.` is a quote, while
 * `"Poor creatures." What does Miss Lucy mean?` is a question about one.
 */
export function isQuotation(text: string): boolean {
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

/** A short standalone title rather than a sentence: "Part One: Hailsham", "Themes", "Questions:". */
export function looksLikeHeading(text: string): boolean {
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

/**
 * Titles are mostly words; a run of symbols that happens to end in ':' or start
 * with '# ' is debris, not a section name.
 */
export function isMostlyWords(text: string): boolean {
  const wordChars = text.match(WORD_CHAR)?.length ?? 0;
  return wordChars * 2 >= text.replace(/ /g, "").length;
}

/** "**Themes:**" → "Themes"; "" when nothing title-like is left. */
export function cleanHeading(text: string): string {
  let heading = stripEmphasis(text.trim());
  if (heading.endsWith(":") || heading.endsWith("：")) heading = heading.slice(0, -1).trim();
  return stripEmphasis(heading);
}

function stripEmphasis(text: string): string {
  return text.replace(/^[*_]{1,3}/, "").replace(/[*_]{1,3}$/, "").trim();
}

export function endsWithQuestionMark(text: string): boolean {
  return QUESTION_MARK.test(text.charAt(text.length - 1));
}

export function endsSentence(text: string): boolean {
  return SENTENCE_ENDINGS.has(text.charAt(text.length - 1));
}
