import "server-only";
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { inlineSpoilers, spoilerAttributes } from "./inline-spoiler";
import { mentionPlugin, type MentionEnv } from "./mentions";

// markdown-it with html disabled never passes raw HTML through and refuses javascript:/data:
// links; sanitize-html then allows only the tags Markdown itself produces, as a second wall.
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false }).use(mentionPlugin).use(inlineSpoilers);

const allowedTags = [
  "p", "br", "strong", "em", "s", "del", "code", "pre", "blockquote",
  "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
  "table", "thead", "tbody", "tr", "th", "td",
];

/**
 * The spans Markdown makes: a mention chip (lib/discussion/mentions.ts) or an inline spoiler
 * (lib/discussion/inline-spoiler.ts), each with exactly its own attributes; any other span
 * keeps none.
 */
function transformSpan(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  if (attribs.class === "spoiler") return { tagName, attribs: { ...spoilerAttributes } };
  if (attribs.class === "mention" && attribs["data-mention"]) return { tagName, attribs: { class: "mention", "data-mention": attribs["data-mention"] } };
  return { tagName, attribs: {} };
}

/**
 * A reply's Markdown as sanitized HTML. With `mentions`, "@Name" of one of its candidates becomes
 * a mention chip and `mentions.mentioned` collects whom it named (lib/discussion/mentions.ts).
 * `||text||` becomes an inline spoiler.
 */
export function renderMarkdown(source: string, mentions?: MentionEnv): string {
  const html = sanitizeHtml(markdown.render(source, mentions ?? {}), {
    allowedTags: [...allowedTags, "span"],
    allowedAttributes: {
      a: ["href", "title", "target", "rel"],
      ol: ["start"],
      th: ["align"],
      td: ["align"],
      span: [...new Set([...Object.keys(spoilerAttributes), "class", "data-mention"])],
    },
    allowedClasses: { span: ["mention", "spoiler"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    transformTags: {
      // Links leave the app in a new tab without handing it our window or our referrer.
      a: sanitizeHtml.simpleTransform("a", { target: "_blank", rel: "noopener noreferrer nofollow ugc" }),
      span: transformSpan,
    },
  });
  // Only a mention the reader can see notifies: one the sanitizer dropped with its element (an
  // image's alt text, "![@Ruth](…)") would tell Ruth she was mentioned in a reply that shows no "@Ruth".
  if (mentions && mentions.mentioned.length > 0) {
    const shown = mentions.mentioned.filter((id) => html.includes(`data-mention="${id}"`));
    mentions.mentioned.splice(0, mentions.mentioned.length, ...shown);
  }
  return html;
}
