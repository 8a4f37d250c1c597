import "server-only";
import { getExporter, listOwnReplies, type OwnRepliesAfter, type OwnReplyRow } from "@/db/queries/export";
import { resolveSelf } from "@/lib/access";
import { door, noParams } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { notFound } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { byteStream } from "./bytes";
import type { ExportDownload } from "./club-export";
import { pageEnd, pageStart, reactionsLine, replyMarks, timeTag } from "./html-parts";
import { ownExportRequest } from "./request";
import { exportReplyHtml } from "./safe-html";
import { escapeHtml, exportFilenames, exportWords, type ExportWords } from "./words";

// A member's own replies, everywhere they wrote, as JSON or one readable page
// (docs/decisions/0029-export.md). Only their words: the club, book and question each reply is
// in, never another member's reply. Read a bounded batch at a time, by the author's id.

/** The own-replies format's name and version (docs/export-format.md). */
const ownExportFormat = { name: "chapterhouse.own-replies", version: 1 } as const;

const batchSize = 250;

/** Every one of the member's replies that was not deleted, in club, book, question and posting order. */
async function* ownReplies(userId: string): AsyncGenerator<OwnReplyRow> {
  let after: OwnRepliesAfter | null = null;
  for (;;) {
    const rows = await listOwnReplies({ userId, after, limit: batchSize });
    yield* rows;
    const last = rows.at(-1);
    if (rows.length < batchSize || !last) return;
    after = { clubId: last.clubId, bookId: last.bookId, position: last.position, roomId: last.roomId, seq: last.seq };
  }
}

type OwnSource = { member: { id: string; name: string; timeZone: string }; locale: Locale; exportedAt: Date };

function ownReplyJson(row: OwnReplyRow): string {
  return JSON.stringify({
    id: row.id,
    threadId: row.threadId,
    parentId: row.parentId,
    club: { id: row.clubId, name: row.clubName, stillMember: row.stillMember },
    book: { id: row.bookId, title: row.bookTitle, author: row.bookAuthor },
    room: { id: row.roomId, position: row.position, question: row.question },
    kind: row.hidden ? "hidden" : "reply",
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    pinned: row.pinned && !row.hidden,
    spoilerLevel: row.spoilerLevel,
    body: row.hidden ? null : row.body,
    bodyHtml: row.hidden ? null : row.bodyHtml,
    reactions: row.hidden ? {} : row.reactions,
  });
}

async function* ownJson(source: OwnSource): AsyncGenerator<string> {
  const head = JSON.stringify({
    format: ownExportFormat.name,
    version: ownExportFormat.version,
    exportedAt: source.exportedAt.toISOString(),
    member: { id: source.member.id, name: source.member.name },
  });
  yield `${head.slice(0, -1)},"replies":[`;
  let first = true;
  for await (const row of ownReplies(source.member.id)) {
    yield `${first ? "" : ","}\n${ownReplyJson(row)}`;
    first = false;
  }
  yield "]}\n";
}

function ownReplyArticle(words: ExportWords, row: OwnReplyRow): string {
  if (row.hidden) {
    return `<li class="reply withheld" id="r-${row.id}"><article><p class="byline">${timeTag(words, row.createdAt)}</p><p>${escapeHtml(words.t("file.hiddenOwn"))}</p></article></li>\n`;
  }
  const marks = replyMarks(words, { editedAt: row.editedAt, pinned: row.pinned, spoiler: words.spoiler(row.spoilerLevel, row.bookShape) });
  const answer = row.parentId ? `<p class="byline">${escapeHtml(words.t("file.inAnswer"))}</p>` : "";
  return (
    `<li class="reply${row.pinned ? " pinned" : ""}" id="r-${row.id}"><article><p class="byline">${timeTag(words, row.createdAt)}${marks}</p>${answer}` +
    `<div class="reply-body">${exportReplyHtml(row.bodyHtml, words.t("file.spoiler"))}</div>${reactionsLine(words, row.reactions)}</article></li>\n`
  );
}

async function* ownHtml(source: OwnSource): AsyncGenerator<string> {
  const words = exportWords(source.locale, source.member.timeZone);
  const title = words.t("file.ownTitle", { name: source.member.name });
  yield pageStart({ locale: source.locale, title });
  yield (
    `<header class="top">\n<h1>${escapeHtml(title)}</h1>\n` +
    `<p class="meta">${escapeHtml(words.t("file.exported", { date: words.date(source.exportedAt), name: source.member.name }))} ${escapeHtml(words.t("file.times", { zone: words.zone }))}</p>\n` +
    `<p class="meta">${escapeHtml(words.t("file.ownIncluded"))}</p>\n</header>\n<main>\n`
  );
  let club: string | null = null;
  let book: string | null = null;
  let room: string | null = null;
  const closeRoom = () => (room ? "</ol>\n</section>\n" : "");
  for await (const row of ownReplies(source.member.id)) {
    let out = "";
    if (row.clubId !== club) {
      out += closeRoom() + (book ? "</section>\n" : "") + (club ? "</section>\n" : "");
      book = null;
      room = null;
      club = row.clubId;
      const left = row.stillMember ? "" : `<p class="meta">${escapeHtml(words.t("file.leftClub"))}</p>`;
      out += `<section class="book" aria-labelledby="club-${row.clubId}"><h2 id="club-${row.clubId}">${escapeHtml(words.t("file.club", { club: row.clubName }))}</h2>${left}\n`;
    }
    if (row.bookId !== book) {
      out += closeRoom() + (book ? "</section>\n" : "");
      room = null;
      book = row.bookId;
      out += `<section class="room" aria-labelledby="book-${row.bookId}"><h3 id="book-${row.bookId}">${escapeHtml(words.t("file.book", { title: row.bookTitle, author: row.bookAuthor }))}</h3>\n`;
    }
    if (row.roomId !== room) {
      out += closeRoom();
      room = row.roomId;
      out += `<section class="room" aria-labelledby="room-${row.roomId}"><h4 id="room-${row.roomId}"><span class="qnum">${escapeHtml(words.t("file.question", { position: row.position }))}</span>${escapeHtml(row.question)}</h4>\n<ol class="own">\n`;
    }
    yield out + ownReplyArticle(words, row);
  }
  yield club ? `${closeRoom()}</section>\n</section>\n` : `<p class="empty">${escapeHtml(words.t("file.noOwnReplies"))}</p>\n`;
  yield `</main>\n${pageEnd}`;
}

/**
 * The caller's own replies as a download (`body.format`: json or html; `body.locale`: the words
 * the file adds). Keyed by the caller's id: nobody else's replies can be reached. Spends a
 * point of export:own.
 */
export const exportOwnReplies = door({
  params: noParams,
  what: "page",
  resolve: ({ userId }) => resolveSelf({ userId }),
  body: ownExportRequest,
  limit: "export:own",
  act: async ({ userId, body, now }) => {
    const member = await getExporter({ userId });
    if (!member) throw notFound("page");
    const source: OwnSource = { member: { id: userId, name: member.name, timeZone: member.timeZone ?? "UTC" }, locale: body.locale, exportedAt: now };
    const tail = `replies-${now.toISOString().slice(0, 10)}`;
    const download: ExportDownload =
      body.format === "json"
        ? { ...exportFilenames(member.name, "me", tail, "json"), contentType: "application/json; charset=utf-8", body: byteStream(ownJson(source)) }
        : { ...exportFilenames(member.name, "me", tail, "html"), contentType: "text/html; charset=utf-8", body: byteStream(ownHtml(source)) };
    return done(download);
  },
});
