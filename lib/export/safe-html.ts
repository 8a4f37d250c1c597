import "server-only";
import sanitizeHtml from "sanitize-html";
import { escapeHtml } from "./words";

// A reply's stored HTML was rendered and sanitized when it was written (lib/discussion/markdown.ts).
// The export file leaves the app's Content-Security-Policy behind (it is opened from a disk), so
// it is sanitized again on the way out, to the same tags and stricter attributes: a second wall,
// in case a row was written by an older renderer. It also opens inline spoilers: the file runs no
// script, so a phrase veiled by `||…||` is shown with a visible "Spoiler" label instead of blurred.

const allowedTags = [
  "p", "br", "strong", "em", "s", "del", "code", "pre", "blockquote",
  "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
  "table", "thead", "tbody", "tr", "th", "td", "span",
];

const options: sanitizeHtml.IOptions = {
  allowedTags,
  allowedAttributes: { a: ["href", "title", "rel"], ol: ["start"], th: ["align"], td: ["align"], span: ["class"] },
  allowedClasses: { span: ["mention", "spoiler"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow ugc" }),
  },
};

/** The stored HTML of one reply as the export writes it: sanitized again, inline spoilers labelled (`spoilerLabel`) and readable. */
export function exportReplyHtml(stored: string, spoilerLabel: string): string {
  const clean = sanitizeHtml(stored, options);
  if (!clean.includes('<span class="spoiler">')) return clean;
  // The sanitizer writes each kept span's attributes itself, so this exact opening tag is an
  // inline spoiler and nothing a writer typed (their "<" arrives as "&lt;").
  return clean.split('<span class="spoiler">').join(`<span class="spoiler"><span class="spoiler-label">${escapeHtml(spoilerLabel)}</span> `);
}
