import "server-only";
import type { ClubExportSource, ExportBook, ExportedReply, ExportRoom } from "./club-source";
import { pageEnd, pageStart, reactionsLine, replyMarks, timeTag } from "./html-parts";
import { exportReplyHtml } from "./safe-html";
import { escapeHtml, exportWords, type ExportWords } from "./words";

// The club's discussion as one readable page: book → question → threads, replies nested under
// the replies they answer as in the room (each thread depth first, so a reply's answers are
// written inside its list item as they arrive, with nothing held back but the open lists).

const bookAnchor = (book: ExportBook) => `book-${book.id}`;
const roomAnchor = (room: ExportRoom) => `room-${room.id}`;

function bookHeading(words: ExportWords, book: ExportBook): string {
  return book.year === null
    ? words.t("file.book", { title: book.title, author: book.author })
    : words.t("file.bookWithYear", { title: book.title, author: book.author, year: String(book.year) });
}

function contents(words: ExportWords, books: readonly ExportBook[]): string {
  const items = books.map((book) => {
    const rooms = book.rooms
      .map((room) => `<li><a href="#${roomAnchor(room)}">${escapeHtml(words.t("file.question", { position: room.position }))}</a>: ${escapeHtml(room.question)}</li>`)
      .join("\n");
    return `<li><a href="#${bookAnchor(book)}">${escapeHtml(bookHeading(words, book))}</a>${rooms ? `\n<ol>\n${rooms}\n</ol>` : ""}</li>`;
  });
  return `<nav aria-labelledby="contents">\n<h2 id="contents">${escapeHtml(words.t("file.contents"))}</h2>\n<ol>\n${items.join("\n")}\n</ol>\n</nav>\n`;
}

function replyArticle(words: ExportWords, reply: ExportedReply, book: ExportBook): string {
  if (reply.kind !== "reply" || !reply.author) {
    const text = reply.kind === "deleted" ? words.t("file.deleted") : words.t("file.hidden");
    return `<article><p>${escapeHtml(text)}</p></article>`;
  }
  const marks = replyMarks(words, { editedAt: reply.editedAt, pinned: reply.pinned, spoiler: words.spoiler(reply.spoilerLevel, book.shape) });
  const byline = `<p class="byline"><span class="author">${escapeHtml(reply.author.name)}</span> · ${timeTag(words, reply.createdAt)}${marks}</p>`;
  const replyTo = reply.replyTo?.author
    ? `<p class="byline"><a href="#r-${reply.replyTo.id}">${escapeHtml(words.discussion("reply.replyingTo", { name: reply.replyTo.author.name }))}</a></p>`
    : "";
  const body = `<div class="reply-body">${exportReplyHtml(reply.bodyHtml ?? "", words.t("file.spoiler"))}</div>`;
  return `<article>${byline}${replyTo}${body}${reactionsLine(words, reply.reactions)}</article>`;
}

/** One room's threads as nested lists, closing each list when the walk climbs out of it. */
async function* roomThreads(words: ExportWords, source: ClubExportSource, book: ExportBook, room: ExportRoom): AsyncGenerator<string> {
  // One entry per open <li>, by depth: whether it has opened its list of answers yet.
  const open: boolean[] = [];
  const close = (depth: number) => {
    let out = "";
    while (open.length > depth) out += `${open.pop() ? "</ol>" : ""}</li>\n`;
    return out;
  };
  let any = false;
  for await (const reply of source.replies(room.id)) {
    let out = any ? "" : '<ol class="threads">\n';
    any = true;
    const depth = Math.min(reply.depth, open.length);
    out += close(depth);
    if (depth > 0 && !open[depth - 1]) {
      open[depth - 1] = true;
      out += '<ol class="replies">\n';
    }
    const classes = ["reply", reply.kind === "reply" ? "" : "withheld", reply.pinned ? "pinned" : ""].filter(Boolean).join(" ");
    out += `<li class="${classes}" id="r-${reply.id}">${replyArticle(words, reply, book)}`;
    open.push(false);
    yield out;
  }
  yield any ? `${close(0)}</ol>\n` : `<p class="empty">${escapeHtml(words.t("file.noReplies"))}</p>\n`;
}

/**
 * The club's whole discussion as one HTML document, produced piece by piece as the replies are
 * read. Every word the members wrote is escaped, or (reply bodies) sanitized again
 * (lib/export/safe-html.ts); the file carries no script and fetches nothing.
 */
export async function* clubHtml(source: ClubExportSource): AsyncGenerator<string> {
  const words = exportWords(source.locale, source.timeZone);
  const title = words.t("file.clubTitle", { club: source.club.name });
  yield pageStart({ locale: source.locale, title });
  const description = source.club.description ? `<p class="intro">${escapeHtml(source.club.description)}</p>` : "";
  yield (
    `<header class="top">\n<h1>${escapeHtml(source.club.name)}</h1>\n${description}\n` +
    `<p class="meta">${escapeHtml(words.t("file.exported", { date: words.date(source.exportedAt), name: source.exporter.name }))} ${escapeHtml(words.t("file.times", { zone: words.zone }))}</p>\n` +
    `<p class="meta">${escapeHtml(words.t("file.included"))}</p>\n</header>\n`
  );
  yield contents(words, source.books);
  yield "<main>\n";
  for (const book of source.books) {
    const current = book.current ? ` <span class="badge">${escapeHtml(words.t("file.current"))}</span>` : "";
    yield `<section class="book" id="${bookAnchor(book)}" aria-labelledby="${bookAnchor(book)}-h">\n<h2 id="${bookAnchor(book)}-h">${escapeHtml(bookHeading(words, book))}${current}</h2>\n`;
    for (const room of book.rooms) {
      const notes = [room.section, room.locked ? words.t("file.locked") : null, room.archived ? words.t("file.archived") : null].filter((note): note is string => !!note);
      yield (
        `<section class="room" id="${roomAnchor(room)}" aria-labelledby="${roomAnchor(room)}-h">\n` +
        `<h3 id="${roomAnchor(room)}-h"><span class="qnum">${escapeHtml(words.t("file.question", { position: room.position }))}</span>${escapeHtml(room.question)}</h3>\n` +
        (notes.length > 0 ? `<p class="meta">${notes.map(escapeHtml).join(" · ")}</p>\n` : "")
      );
      yield* roomThreads(words, source, book, room);
      yield "</section>\n";
    }
    yield "</section>\n";
  }
  yield `</main>\n${pageEnd}`;
}
