import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { escapeHtml, type ExportWords } from "./words";

// The pieces both HTML exports (the club's, a member's own) are made of: one self-contained
// page with its styles inline, no script and no outside address, readable on a phone and printable.

// No script, style only from this file, nothing fetched: a Content-Security-Policy of its own,
// for when the file is opened from a disk, where no server sends one.
const policy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const styles = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:#fbf8f3;color:#1f1d1a;font:16px/1.55 Georgia,"Times New Roman",serif}
.page{max-width:46rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1,h2,h3{line-height:1.25;margin:0}
h1{font-size:2rem}
h2{font-size:1.5rem}
h3{font-size:1.15rem;font-weight:600}
a{color:#7a3e12}
.meta{color:#6b645b;font-size:.9rem;margin:.35rem 0}
.intro{margin:.75rem 0}
header.top{border-bottom:1px solid #e4ddd2;padding-bottom:1.25rem;margin-bottom:1.5rem}
nav ol{padding-left:1.25rem}
nav li{margin:.15rem 0}
.book{margin-top:2.5rem}
.room{margin-top:1.75rem}
.qnum{display:block;font:600 .75rem/1.2 system-ui,sans-serif;letter-spacing:.06em;text-transform:uppercase;color:#6b645b;margin-bottom:.2rem}
.badge{display:inline-block;font:600 .72rem/1.4 system-ui,sans-serif;border-radius:999px;padding:0 .5rem;background:#f1e6d6;color:#6d3a12;vertical-align:middle}
ol.threads,ol.replies,ol.own{list-style:none;margin:0;padding:0}
ol.replies{margin-left:.9rem;padding-left:.9rem;border-left:2px solid #e4ddd2}
.reply>article{background:#fff;border:1px solid #e4ddd2;border-radius:8px;padding:.6rem .9rem;margin:.6rem 0;overflow-wrap:anywhere}
.reply.pinned>article{border-color:#c9a27a}
.withheld>article{background:transparent;color:#6b645b;font-style:italic}
.byline{margin:0;font:.88rem/1.5 system-ui,sans-serif;color:#6b645b}
.byline .author{color:#1f1d1a;font-weight:600}
.reply-body{margin-top:.35rem}
.reply-body p{margin:.4rem 0}
.reply-body pre{white-space:pre-wrap;background:#f6f2ec;padding:.5rem;border-radius:4px}
.reply-body blockquote{margin:.4rem 0;padding-left:.8rem;border-left:3px solid #e4ddd2;color:#4b463f}
.mention{font-weight:600}
.spoiler{background:#f4ead7;border:1px dashed #b08a4a;border-radius:3px;padding:0 .2em}
.spoiler-label{font:600 .68rem/1 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.05em;color:#6d4a14}
.reactions{margin:.35rem 0 0;font:.85rem/1.5 system-ui,sans-serif;color:#4b463f}
.reactions span{margin-right:.6rem;white-space:nowrap}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.empty{color:#6b645b;font-style:italic}
@media (max-width:30rem){.page{padding:1.25rem .85rem 3rem}ol.replies{margin-left:.3rem;padding-left:.55rem}}
@media print{
  body{background:#fff;font-size:11pt}
  .page{max-width:none;padding:0}
  nav{break-after:page}
  .book{break-before:page;margin-top:0}
  .reply>article{break-inside:avoid;border-color:#bbb}
  .reply-body a[href]::after{content:" (" attr(href) ")";font-size:.85em;color:#555}
  a{color:inherit}
}
`;

/** The document's opening, through `<body>` and the page wrapper. */
export function pageStart(input: { locale: Locale; title: string }): string {
  return (
    `<!doctype html>\n<html lang="${input.locale}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${policy}">\n` +
    `<meta name="referrer" content="no-referrer">\n` +
    `<title>${escapeHtml(input.title)}</title>\n<style>${styles}</style>\n</head>\n<body>\n<div class="page">\n`
  );
}

export const pageEnd = "</div>\n</body>\n</html>\n";

/** `<time>` for a UTC instant, worded in the export's zone. */
export function timeTag(words: ExportWords, instant: string): string {
  return `<time datetime="${escapeHtml(instant)}">${escapeHtml(words.date(instant))}</time>`;
}

/** The line of reactions under a reply ("👍 3 ❤️ 1", each named in words for a screen reader and on hover), or "". */
export function reactionsLine(words: ExportWords, counts: Record<string, number>): string {
  const given = words.reactions(counts);
  if (given.length === 0) return "";
  const items = given.map(
    (reaction) => `<span title="${escapeHtml(reaction.name)}"><span aria-hidden="true">${reaction.emoji}</span><span class="sr">${escapeHtml(reaction.name)}:</span> ${reaction.count}</span>`,
  );
  return `<p class="reactions">${items.join("")}</p>`;
}

/** The marks after a reply's time: "edited …", "Pinned", "Spoiler up to …". */
export function replyMarks(words: ExportWords, reply: { editedAt: string | null; pinned: boolean; spoiler: string | null }): string {
  let marks = "";
  if (reply.editedAt) marks += ` · <span class="edited">${escapeHtml(words.t("file.edited", { date: words.date(reply.editedAt) }))}</span>`;
  if (reply.pinned) marks += ` <span class="badge">${escapeHtml(words.t("file.pinned"))}</span>`;
  if (reply.spoiler) marks += ` <span class="badge">${escapeHtml(reply.spoiler)}</span>`;
  return marks;
}
