import "server-only";
import type { ClubExportSource, ExportedReply } from "./club-source";

// The club's discussion as JSON, in the documented format (docs/export-format.md, validated by
// docs/export.schema.json): written as it is read, one reply at a time, so nothing but the
// current batch is ever held.

/** The format's name and version, the first two keys of the file. A change that breaks a reader raises the version. */
const clubExportFormat = { name: "chapterhouse.club-export", version: 1 } as const;

function replyJson(reply: ExportedReply): string {
  return JSON.stringify({
    id: reply.id,
    threadId: reply.threadId,
    parentId: reply.parentId,
    depth: reply.depth,
    kind: reply.kind,
    author: reply.author,
    replyTo: reply.replyTo,
    createdAt: reply.createdAt,
    editedAt: reply.editedAt,
    pinned: reply.pinned,
    spoilerLevel: reply.spoilerLevel,
    body: reply.body,
    bodyHtml: reply.bodyHtml,
    reactions: reply.reactions,
  });
}

/** A JSON member's text minus its closing brace, to write its last array into. */
function openObject(value: Record<string, unknown>, arrayKey: string): string {
  const text = JSON.stringify(value);
  return `${text.slice(0, -1)}${text.length > 2 ? "," : ""}${JSON.stringify(arrayKey)}:[`;
}

/** The club's whole discussion as one JSON document, produced piece by piece. */
export async function* clubJson(source: ClubExportSource): AsyncGenerator<string> {
  yield openObject(
    {
      format: clubExportFormat.name,
      version: clubExportFormat.version,
      exportedAt: source.exportedAt.toISOString(),
      exportedBy: source.exporter,
      club: source.club,
    },
    "books",
  );
  let firstBook = true;
  for (const book of source.books) {
    yield `${firstBook ? "" : ","}\n${openObject({ id: book.id, title: book.title, author: book.author, year: book.year, current: book.current, shape: book.shape }, "rooms")}`;
    firstBook = false;
    let firstRoom = true;
    for (const room of book.rooms) {
      const fields = { id: room.id, position: room.position, question: room.question, section: room.section, locked: room.locked, archived: room.archived };
      yield `${firstRoom ? "" : ","}\n${openObject(fields, "replies")}`;
      firstRoom = false;
      let firstReply = true;
      for await (const reply of source.replies(room.id)) {
        yield `${firstReply ? "" : ","}\n${replyJson(reply)}`;
        firstReply = false;
      }
      yield "]}";
    }
    yield "]}";
  }
  yield "]}\n";
}
