import "server-only";
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { inlineSpoilers, spoilerAttributes } from "./inline-spoiler";

// markdown-it with html disabled never passes raw HTML through and refuses javascript:/data:
// links; sanitize-html then allows only the tags Markdown itself produces, as a second wall.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false }).use(inlineSpoilers);

const allowedTags = [
  "p", "br", "strong", "em", "s", "del", "code", "pre", "blockquote",
  "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
  "table", "thead", "tbody", "tr", "th", "td",
  // Only the inline spoiler rule makes spans (raw HTML is off); its attributes are fixed below.
  "span",
];

export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), {
    allowedTags,
    allowedAttributes: { a: ["href", "title", "target", "rel"], ol: ["start"], th: ["align"], td: ["align"], span: Object.keys(spoilerAttributes) },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    transformTags: {
      // Links leave the app in a new tab without handing it our window or our referrer.
      a: sanitizeHtml.simpleTransform("a", { target: "_blank", rel: "noopener noreferrer nofollow ugc" }),
      // A span is an inline spoiler with exactly its own attributes, or a plain span with none.
      span: (tagName, attribs) => ({ tagName, attribs: attribs.class === "spoiler" ? { ...spoilerAttributes } : {} }),
    },
  });
}
