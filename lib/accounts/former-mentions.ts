import { isWordChar } from "@/lib/discussion/mention-syntax";

// Taking a deleted member's name out of the @mentions others wrote (issue 13, finding 2;
// docs/decisions/0028-account-deletion.md). A mention is written "@<label>", the label being the
// name the club showed when it was written (lib/discussion/mention-syntax.ts), and the stored
// HTML keeps it in a chip with the member's id (lib/discussion/mentions.ts chipHtml). The chip is
// what tells whose a label was: a rename since, or another member whose name shares a prefix,
// can't make us miss the person's label or take someone else's. Pure string work, no database.

/** A mention as a stored version of a reply wrote it: whose, and the label the club showed. */
export type WrittenMention = { userId: string; label: string };

/** How a text is stored: the reply's Markdown, its rendered HTML, or a notification's one-line excerpt of the Markdown. */
export type StoredTextFormat = "markdown" | "html" | "excerpt";

const chip = /<span class="mention" data-mention="([0-9a-f-]{36})">@([^<]*)<\/span>/g;

const entities: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'" };
const unescapeHtml = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => entities[entity] ?? entity);
const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The mentions in stored reply HTML (every chip, in order; a label as plain text, unescaped). */
export function writtenMentions(html: string): WrittenMention[] {
  return [...html.matchAll(chip)].map(([, userId = "", label = ""]) => ({ userId, label: unescapeHtml(label) }));
}

/**
 * `text` with every "@<label>" of `userId` written as "@<replacement>". In: the text and how it
 * is stored, the mentions its reply wrote (writtenMentions of its HTML; of every version, for an
 * excerpt), and the replacement (the club's `common.formerMember`, plain text). A label is matched
 * as the mention rule matched it: after an "@" that starts a word, case-insensitively, ending
 * where a letter or digit can't continue it, the longest label of all the reply's mentions first,
 * so "@Ruth Finch" stays Ruth Finch's when the deleted member is "Ruth". Labels and replacement
 * are taken literally (no pattern syntax). In HTML, the person's chips are rewritten by id first;
 * an excerpt cut inside the person's label ("@Wilhelmina Fors…") loses the cut label too.
 */
export function withoutMentionsOf(
  text: string,
  input: { userId: string; format: StoredTextFormat; mentions: readonly WrittenMention[]; replacement: string },
): string {
  const html = input.format === "html";
  const encode = (words: string) => (html ? escapeHtml(words) : words);
  const labels = new Map<string, boolean>();
  for (const mention of input.mentions) {
    if (mention.label === "") continue;
    const key = encode(mention.label);
    labels.set(key, (labels.get(key) ?? false) || mention.userId === input.userId);
  }
  const theirs = [...labels].filter(([, mine]) => mine).map(([label]) => label);
  if (theirs.length === 0) return text;
  const written = `@${encode(input.replacement)}`;

  let scrubbed = html
    ? text.replace(chip, (whole, id: string) => (id === input.userId ? `<span class="mention" data-mention="${id}">${written}</span>` : whole))
    : text;
  const longestFirst = [...labels].sort(([a], [b]) => b.length - a.length);
  let out = "";
  let at = 0;
  while (at < scrubbed.length) {
    const next = scrubbed.indexOf("@", at);
    if (next < 0) break;
    out += scrubbed.slice(at, next);
    at = next + 1;
    if (isWordChar(scrubbed[next - 1])) {
      out += "@";
      continue;
    }
    const found = longestFirst.find(([label]) => scrubbed.slice(at, at + label.length).toLocaleLowerCase() === label.toLocaleLowerCase() && !isWordChar(scrubbed[at + label.length]));
    if (!found) {
      out += "@";
      continue;
    }
    out += found[1] ? written : `@${scrubbed.slice(at, at + found[0].length)}`;
    at += found[0].length;
  }
  scrubbed = out + scrubbed.slice(at);
  if (input.format !== "excerpt") return scrubbed;
  const others = [...labels].filter(([, mine]) => !mine).map(([label]) => label);
  return withoutCutLabel(scrubbed, { theirs, others }, written);
}

/**
 * An excerpt ending "…" inside one of the person's labels ("@Wilhelmina Fors…"): the cut mention
 * written as `written`. A whole label of someone else there ("@Wil…") is theirs and stays.
 */
function withoutCutLabel(excerpt: string, labels: { theirs: readonly string[]; others: readonly string[] }, written: string): string {
  if (!excerpt.endsWith("…")) return excerpt;
  const start = excerpt.lastIndexOf("@");
  if (start < 0 || isWordChar(excerpt[start - 1])) return excerpt;
  const cut = excerpt.slice(start + 1, -1).toLocaleLowerCase();
  if (cut === "" || labels.others.some((label) => label.toLocaleLowerCase() === cut)) return excerpt;
  const isTheirs = labels.theirs.some((label) => {
    const lowered = label.toLocaleLowerCase();
    return lowered.startsWith(cut) && lowered !== cut;
  });
  return isTheirs ? `${excerpt.slice(0, start)}${written}…` : excerpt;
}
