import type { MarkdownIt, StateInline } from "markdown-it";

// `||like this||` hides a phrase behind a veil, for every reader whatever their progress. A small
// markdown-it inline rule (no maintained plugin does this with an accessible element): the text
// between the bars is parsed as ordinary inline Markdown (emphasis, links, code), so everything
// inside goes through the same renderer and sanitizer as the rest of the reply.
//
// The rendered element is a focusable button-like span announced as a hidden spoiler; its text is
// blurred by CSS (app/globals.css, .spoiler). components/reading/inline-spoilers.tsx reveals it on
// click, Enter or Space (no inline handlers: the CSP forbids them). The attributes are fixed here
// and fixed again by the sanitizer, so nothing a writer types can change them.

/** The attributes every inline spoiler carries before it is revealed. */
export const spoilerAttributes = {
  class: "spoiler",
  "data-spoiler": "",
  role: "button",
  tabindex: "0",
  "aria-expanded": "false",
  "aria-label": "Spoiler, hidden. Press to reveal.",
} as const;

const BAR = 0x7c; // "|"

// markdown-it's `text` rule swallows every run of characters no rule starts with, and "|" is not
// among them, so a spoiler in the middle of a sentence would never be seen. This is that rule as
// markdown-it 15 has it (rules_inline/text), with "|" added to the characters it stops at.
const terminators = new Set([0x0a, 0x21, 0x23, 0x24, 0x25, 0x26, 0x2a, 0x2b, 0x2d, 0x3a, 0x3c, 0x3d, 0x3e, 0x40, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60, 0x7b, 0x7d, 0x7e, BAR]);

function textStoppingAtBars(state: StateInline, silent: boolean): boolean {
  let pos = state.pos;
  while (pos < state.posMax && !terminators.has(state.src.charCodeAt(pos))) pos += 1;
  if (pos === state.pos) return false;
  if (!silent) state.pending += state.src.slice(state.pos, pos);
  state.pos = pos;
  return true;
}

/** Adds the `||spoiler||` inline rule to a markdown-it instance. */
export function inlineSpoilers(md: MarkdownIt): void {
  md.inline.ruler.at("text", textStoppingAtBars);
  md.inline.ruler.after("text", "inline_spoiler", (state: StateInline, silent: boolean) => {
    const start = state.pos;
    if (state.src.charCodeAt(start) !== BAR || state.src.charCodeAt(start + 1) !== BAR) return false;
    const end = state.src.indexOf("||", start + 2);
    if (end < 0 || end + 2 > state.posMax) return false;
    const inner = state.src.slice(start + 2, end);
    // "||" with nothing, or only spaces, between is just two bars (like "a || b" in prose).
    if (inner.trim() === "" || /^\s|\s$/.test(inner)) return false;
    if (!silent) {
      const open = state.push("spoiler_open", "span", 1);
      open.attrs = Object.entries(spoilerAttributes);
      const oldMax = state.posMax;
      state.pos = start + 2;
      state.posMax = end;
      state.md.inline.tokenize(state);
      state.posMax = oldMax;
      state.push("spoiler_close", "span", -1);
    }
    state.pos = end + 2;
    return true;
  });
}

/**
 * Plain text with each `||inline spoiler||` replaced by "[spoiler]", for places that show a
 * reply's Markdown as text (a notification's excerpt, its email), where no veil can be drawn.
 * The renderer's rule, from every pair of bars: its closing pair is the next "||", and the text
 * between is non-empty with no space just inside. The renderer tries again one character after
 * bars that open nothing, and stops at a paragraph's end, so which pairs it veils depends on
 * Markdown; here every pair it could veil is hidden (a little more, never less), and overlapping
 * ones become one "[spoiler]".
 */
export function hideInlineSpoilers(text: string): string {
  const hidden = new Uint8Array(text.length);
  let any = false;
  for (let start = text.indexOf("||"); start >= 0; start = text.indexOf("||", start + 1)) {
    const end = text.indexOf("||", start + 2);
    if (end < 0) break;
    const inner = text.slice(start + 2, end);
    if (inner.trim() === "" || /^\s|\s$/.test(inner)) continue;
    hidden.fill(1, start, end + 2);
    any = true;
  }
  if (!any) return text;
  let out = "";
  for (let i = 0; i < text.length; i += 1) {
    if (!hidden[i]) out += text[i];
    else if (i === 0 || !hidden[i - 1]) out += "[spoiler]";
  }
  return out;
}
