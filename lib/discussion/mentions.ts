import "server-only";
import type { MarkdownIt } from "markdown-it";
import { isWordChar } from "./mention-syntax";

// @mentions in a reply's Markdown: a markdown-it inline rule that resolves "@Name" against the
// club's members (lib/discussion/mention-syntax.ts says the syntax) while the reply is rendered,
// so a mention inside code stays code and the stored HTML carries the member's id, not only the
// name. The chip's text is replaced with the member's current name when a reply is read
// (withCurrentMentionNames), so a rename shows everywhere without re-rendering stored replies.

/** At most this many people are notified of one reply's mentions (issue 9). */
export const MENTION_NOTIFY_CAP = 10;

/** A member a reply may mention: their id and the name the club shows for them. */
export type MentionCandidate = { id: string; name: string };

/** What renderMarkdown's caller passes in and gets back through markdown-it's env. */
export type MentionEnv = {
  /** The club's members, longest name first (see sortCandidates). */
  candidates: readonly MentionCandidate[];
  /** Filled while rendering: the ids mentioned, in order of first mention, each once. */
  mentioned: string[];
};

/** Longest name first, so "@Ruth Finch" is Ruth Finch even when a member is called "Ruth". */
export function sortCandidates(members: Iterable<MentionCandidate>): MentionCandidate[] {
  return [...members].filter((member) => member.name.length > 0).sort((a, b) => b.name.length - a.name.length);
}

function isMentionEnv(env: unknown): env is MentionEnv {
  return typeof env === "object" && env !== null && Array.isArray((env as MentionEnv).candidates) && Array.isArray((env as MentionEnv).mentioned);
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The chip as stored in body_html; sanitize-html lets exactly this through (lib/discussion/markdown.ts). */
function chipHtml(id: string, name: string): string {
  return `<span class="mention" data-mention="${id}">@${escapeHtml(name)}</span>`;
}

/** Adds the mention rule and its renderer to a markdown-it instance. */
export function mentionPlugin(md: MarkdownIt): void {
  md.inline.ruler.after("text", "mention", (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
    if (!isMentionEnv(state.env) || state.env.candidates.length === 0) return false;
    if (isWordChar(state.src[state.pos - 1])) return false;
    const rest = state.src.slice(state.pos + 1, state.posMax);
    const lowered = rest.toLocaleLowerCase();
    for (const candidate of state.env.candidates) {
      const name = candidate.name.toLocaleLowerCase();
      if (!lowered.startsWith(name) || isWordChar(rest[candidate.name.length])) continue;
      if (!silent) {
        const token = state.push("mention", "", 0);
        token.meta = { id: candidate.id, name: candidate.name };
        if (!state.env.mentioned.includes(candidate.id)) state.env.mentioned.push(candidate.id);
      }
      state.pos += 1 + candidate.name.length;
      return true;
    }
    return false;
  });
  md.renderer.rules.mention = (tokens, index) => {
    const meta = tokens[index]?.meta as MentionCandidate | undefined;
    return meta ? chipHtml(meta.id, meta.name) : "";
  };
}

const storedChip = /<span class="mention" data-mention="([0-9a-f-]{36})">@[^<]*<\/span>/g;

/**
 * A stored reply's HTML with each mention chip showing the member's current name (`names`: the
 * club's labels); a member no longer in the club keeps the name they had when mentioned.
 */
export function withCurrentMentionNames(html: string, names: ReadonlyMap<string, string>): string {
  if (!html.includes('class="mention"')) return html;
  return html.replace(storedChip, (chip, id: string) => {
    const name = names.get(id);
    return name === undefined ? chip : chipHtml(id, name);
  });
}
