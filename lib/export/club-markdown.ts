import "server-only";
import { Zip, ZipDeflate } from "fflate";
import { inertMarkdown } from "./inert-markdown";
import type { ClubExportSource, ExportBook, ExportedReply, ExportRoom } from "./club-source";
import { exportWords, fileStem, type ExportWords } from "./words";

// The club's discussion as Markdown files in a zip (fflate's streaming Zip: each file deflated
// as it is written, the archive handed on in pieces). One file per question, in a folder per
// book, and a README.md that says what the archive holds and links every file:
//
//   README.md
//   01-never-let-me-go/01-what-did-you-make-of-the-opening.md
//
// A thread is a blockquote, each answer a blockquote inside the one it answers; a reply's body
// is the Markdown its author wrote (inline spoilers stay `||…||`, readable as written), made
// inert for readers that render HTML (lib/export/inert-markdown.ts).

const encoder = new TextEncoder();

const two = (n: number) => String(n).padStart(2, "0");

/**
 * Characters that would make Markdown or HTML of a member's name, a question or a club's name:
 * backslash-escaped, so they read as written (`<` and `&` too, so no tag or entity forms).
 */
function mdText(text: string): string {
  return text.replace(/[\\`*_[\]()<>#|~!&]/g, "\\$&").replace(/\r\n|\r|\n/g, " ");
}

/** Where each book's and room's file goes, numbered in the club's order. */
function markdownPaths(books: readonly ExportBook[]): { book: ExportBook; folder: string; rooms: { room: ExportRoom; path: string }[] }[] {
  return books.map((book, index) => {
    const folder = `${two(index + 1)}-${fileStem(book.title, "book")}`;
    return { book, folder, rooms: book.rooms.map((room) => ({ room, path: `${folder}/${two(room.position)}-${fileStem(room.question, "question").slice(0, 50).replace(/-+$/, "")}.md` })) };
  });
}

function bookTitle(words: ExportWords, book: ExportBook): string {
  return book.year === null
    ? words.t("file.book", { title: book.title, author: book.author })
    : words.t("file.bookWithYear", { title: book.title, author: book.author, year: String(book.year) });
}

function readme(words: ExportWords, source: ClubExportSource, layout: ReturnType<typeof markdownPaths>): string {
  const lines = [`# ${mdText(source.club.name)}`, ""];
  if (source.club.description) lines.push(mdText(source.club.description), "");
  lines.push(
    `${mdText(words.t("file.exported", { date: words.date(source.exportedAt), name: source.exporter.name }))} ${mdText(words.t("file.times", { zone: words.zone }))}`,
    "",
    mdText(words.t("file.included")),
    "",
    mdText(words.t("file.readme")),
    "",
    `## ${mdText(words.t("file.contents"))}`,
    "",
  );
  for (const { book, rooms } of layout) {
    lines.push(`- ${mdText(bookTitle(words, book))}${book.current ? ` (${mdText(words.t("file.current"))})` : ""}`);
    for (const { room, path } of rooms) lines.push(`  - [${mdText(`${words.t("file.question", { position: room.position })}: ${room.question}`)}](${path})`);
  }
  return `${lines.join("\n")}\n`;
}

/** One reply as quoted Markdown, `depth + 1` levels deep, after a separator that keeps it inside the reply it answers. */
function replyMarkdown(words: ExportWords, reply: ExportedReply, book: ExportBook, first: boolean): string {
  const level = reply.depth + 1;
  const quote = (line: string) => `${"> ".repeat(level)}${line}`.trimEnd();
  const separator = first ? "" : reply.depth === 0 ? "\n---\n\n" : `${"> ".repeat(reply.depth).trimEnd()}\n`;
  if (reply.kind !== "reply" || !reply.author) {
    return `${separator}${quote(`*${mdText(reply.kind === "deleted" ? words.t("file.deleted") : words.t("file.hidden"))}*`)}\n`;
  }
  const marks = [`**${mdText(reply.author.name)}**`, mdText(words.date(reply.createdAt))];
  if (reply.editedAt) marks.push(`*${mdText(words.t("file.edited", { date: words.date(reply.editedAt) }))}*`);
  if (reply.pinned) marks.push(`**${mdText(words.t("file.pinned"))}**`);
  const spoiler = words.spoiler(reply.spoilerLevel, book.shape);
  if (spoiler) marks.push(`*${mdText(spoiler)}*`);
  const lines = [marks.join(" · ")];
  if (reply.replyTo?.author) lines.push("", `*${mdText(words.discussion("reply.replyingTo", { name: reply.replyTo.author.name }))}*`);
  lines.push("", ...inertMarkdown(reply.body ?? "").split("\n"));
  const reactions = words.reactions(reply.reactions);
  if (reactions.length > 0) lines.push("", reactions.map((reaction) => `${reaction.emoji} ${reaction.count}`).join(" · "));
  return `${separator}${lines.map(quote).join("\n")}\n`;
}

/**
 * The club's discussion as a zip of Markdown files, produced piece by piece: each reply is
 * deflated as soon as it is read, and the archive's bytes are handed on as they come.
 */
export async function* clubMarkdownZip(source: ClubExportSource): AsyncGenerator<Uint8Array> {
  const words = exportWords(source.locale, source.timeZone);
  const ready: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else ready.push(data);
  });
  const take = function* (): Generator<Uint8Array> {
    if (failure) throw failure;
    yield* ready.splice(0);
  };
  const file = (path: string) => {
    const entry = new ZipDeflate(path, { level: 6 });
    entry.mtime = source.exportedAt;
    zip.add(entry);
    return entry;
  };

  const layout = markdownPaths(source.books);
  file("README.md").push(encoder.encode(readme(words, source, layout)), true);
  yield* take();
  for (const { book, rooms } of layout) {
    for (const { room, path } of rooms) {
      const entry = file(path);
      const heading = [`# ${mdText(`${words.t("file.question", { position: room.position })}: ${room.question}`)}`, "", `*${mdText(bookTitle(words, book))}*`];
      const notes = [room.section, room.locked ? words.t("file.locked") : null, room.archived ? words.t("file.archived") : null].filter((note): note is string => !!note);
      if (notes.length > 0) heading.push("", mdText(notes.join(" · ")));
      entry.push(encoder.encode(`${heading.join("\n")}\n\n`));
      let first = true;
      for await (const reply of source.replies(room.id)) {
        entry.push(encoder.encode(replyMarkdown(words, reply, book, first)));
        first = false;
        yield* take();
      }
      entry.push(encoder.encode(first ? `*${mdText(words.t("file.noReplies"))}*\n` : ""), true);
      yield* take();
    }
  }
  zip.end();
  yield* take();
}
