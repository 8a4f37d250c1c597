import "server-only";
import {
  getExportClub,
  getExporter,
  listExportAuthors,
  listExportBooks,
  listExportRepliesByIds,
  listExportRooms,
  listExportThreads,
  listThreadSkeletons,
  type ExportReplyRow,
  type ExportSkeletonRow,
  type ExportThread,
} from "@/db/queries/export";
import { loadClubNames } from "@/lib/accounts/name-labels";
import type { BookShape } from "@/lib/books/points";
import { withCurrentMentionNames } from "@/lib/discussion/mentions";
import { notFound } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translate";

// A club's discussion as every export format reads it: the club, its books and their rooms (few,
// read whole), and each room's replies as an async sequence read a bounded batch at a time
// (docs/decisions/0029-export.md). What an export keeps of each reply is decided here, once.

/** A person as an export names them: the club's label for them, or "A former member" for a deleted account. Never an email. */
type ExportAuthor = { id: string; name: string; formerMember: boolean };

/**
 * A reply as exported. `kind` "reply" carries everything; "deleted" and "hidden" are
 * placeholders that keep the place of a reply whose text is gone (deleted by its author) or
 * withheld (hidden by a moderator) so that the replies under it keep theirs: no author, no
 * text, no reactions. A deleted or hidden reply with no visible reply under it is left out.
 */
export type ExportedReply = {
  id: string;
  parentId: string | null;
  threadId: string;
  /** Levels under the question: 0 answers the question. */
  depth: number;
  kind: "reply" | "deleted" | "hidden";
  author: ExportAuthor | null;
  /** The reply it answers when nesting was capped (it sits under `parentId` all the same). */
  replyTo: { id: string; author: ExportAuthor | null } | null;
  /** UTC instants, ISO 8601. */
  createdAt: string;
  editedAt: string | null;
  pinned: boolean;
  /** How far into the book it may spoil, as a point's rank (lib/books/points.ts); 0: no spoilers. */
  spoilerLevel: number;
  /** The Markdown its author wrote, as stored. */
  body: string | null;
  /** The sanitized HTML rendered from it when it was written, mentions showing current names. */
  bodyHtml: string | null;
  /** Reactions by kind (thumbs_up, heart, …), only kinds someone gave. */
  reactions: Record<string, number>;
};

export type ExportRoom = { id: string; position: number; question: string; section: string | null; locked: boolean; archived: boolean; replyCount: number };

export type ExportBook = { id: string; title: string; author: string; year: number | null; current: boolean; shape: BookShape | null; rooms: ExportRoom[] };

export type ClubExportSource = {
  club: { id: string; name: string; description: string; language: string };
  exporter: { id: string; name: string };
  /** The exporter's language and IANA time zone (UTC when they have none): dates in HTML and Markdown are written so. */
  locale: Locale;
  timeZone: string;
  exportedAt: Date;
  books: ExportBook[];
  /** The room's kept replies, threads in posting order, each thread depth first (as the room shows them). */
  replies: (roomId: string) => AsyncGenerator<ExportedReply>;
};

/** Rows read per query: about 250 replies of at most 10,000 characters each, so a batch stays within a few MB. */
const batchSize = 250;
/** Threads planned per read of a room's thread list (ids and sizes only). */
const threadPage = 500;

/**
 * Threads in groups that each fit one batch of replies, in order; a thread larger than a batch
 * is a group of its own (read in several batches, by path).
 */
export function groupThreads(threads: readonly ExportThread[], limit: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const thread of threads) {
    if (current.length > 0 && size + thread.size > limit) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(thread.id);
    size += thread.size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** A reply's place as the export writes it: its depth, and whether a visible reply sits anywhere under it. */
export type PlacedReply = ExportSkeletonRow & { depth: number; visibleBelow: boolean };

/**
 * The replies of some threads in the order a room shows them: the threads in the order given,
 * each depth first, answers in posting order. Also says, for each reply, whether a visible
 * reply sits under it (a hidden or deleted one keeps its place only then).
 */
export function depthFirst(threadIds: readonly string[], skeleton: readonly ExportSkeletonRow[]): PlacedReply[] {
  const children = new Map<string, ExportSkeletonRow[]>();
  const byId = new Map<string, ExportSkeletonRow>();
  for (const row of skeleton) {
    byId.set(row.id, row);
    if (!row.parentId) continue;
    const siblings = children.get(row.parentId);
    if (siblings) siblings.push(row);
    else children.set(row.parentId, [row]);
  }
  for (const list of children.values()) list.sort((a, b) => a.seq - b.seq);
  const ordered: PlacedReply[] = [];
  for (const threadId of threadIds) {
    const root = byId.get(threadId);
    if (!root) continue;
    const stack: { row: ExportSkeletonRow; depth: number }[] = [{ row: root, depth: 0 }];
    while (stack.length > 0) {
      const { row, depth } = stack.pop() as { row: ExportSkeletonRow; depth: number };
      ordered.push({ ...row, depth, visibleBelow: false });
      const answers = children.get(row.id) ?? [];
      for (let index = answers.length - 1; index >= 0; index -= 1) stack.push({ row: answers[index] as ExportSkeletonRow, depth: depth + 1 });
    }
  }
  const placed = new Map(ordered.map((reply) => [reply.id, reply]));
  for (let index = ordered.length - 1; index >= 0; index -= 1) {
    const reply = ordered[index] as PlacedReply;
    const parent = reply.parentId ? placed.get(reply.parentId) : undefined;
    if (parent && (reply.visible || reply.visibleBelow)) parent.visibleBelow = true;
  }
  return ordered;
}

/**
 * Every reply of a room the export keeps, in the room's order, with its stored row: a page of
 * threads, then a group of threads at a time (their places, ordered depth first), then their
 * replies by id, a batch at a time. Memory: one batch of replies and one group's places.
 */
async function* roomRows(roomId: string): AsyncGenerator<{ place: PlacedReply; row: ExportReplyRow }> {
  let afterSeq = 0;
  for (;;) {
    const threads = await listExportThreads({ roomId, afterSeq, limit: threadPage });
    for (const group of groupThreads(threads, batchSize)) {
      const kept = depthFirst(group, await listThreadSkeletons({ roomId, threadIds: group })).filter((place) => place.visible || place.visibleBelow);
      for (let start = 0; start < kept.length; start += batchSize) {
        const places = kept.slice(start, start + batchSize);
        const rows = new Map((await listExportRepliesByIds({ roomId, ids: places.map((place) => place.id) })).map((row) => [row.id, row]));
        for (const place of places) {
          const row = rows.get(place.id);
          if (row) yield { place, row };
        }
      }
    }
    const lastThread = threads.at(-1);
    if (threads.length < threadPage || !lastThread) return;
    afterSeq = lastThread.seq;
  }
}

/**
 * Reads what a club export needs, for a caller already authorized (lib/export/club-export.ts).
 * `locale` is the exporter's language: "A former member" and every word the file adds are in it.
 */
export async function openClubExport(input: { clubId: string; userId: string; locale: Locale; now: Date }): Promise<ClubExportSource> {
  const [club, exporter, bookRows, roomRows_, authorRows, labels] = await Promise.all([
    getExportClub({ clubId: input.clubId }),
    getExporter({ userId: input.userId }),
    listExportBooks({ clubId: input.clubId }),
    listExportRooms({ clubId: input.clubId }),
    listExportAuthors({ clubId: input.clubId }),
    loadClubNames(input.clubId),
  ]);
  if (!club || !exporter) throw notFound("club");
  const formerMember = translatorFor(input.locale, "common")("formerMember");
  const stored = new Map(authorRows.map((row) => [row.id, row]));
  const authorOf = (id: string): ExportAuthor => {
    const row = stored.get(id);
    if (row && row.name === null) return { id, name: formerMember, formerMember: true };
    return { id, name: labels.get(id) ?? row?.name ?? formerMember, formerMember: false };
  };

  const books: ExportBook[] = bookRows.map((book) => ({
    id: book.id,
    title: book.title,
    author: book.author,
    year: book.year,
    current: book.id === club.currentBookId,
    shape: book.shape,
    rooms: roomRows_
      .filter((room) => room.bookId === book.id)
      .map((room) => ({ id: room.id, position: room.position, question: room.question, section: room.section, locked: room.locked, archived: room.archived, replyCount: room.replyCount })),
  }));

  async function* replies(roomId: string): AsyncGenerator<ExportedReply> {
    for await (const { place, row } of roomRows(roomId)) yield exportedReply(place, row, authorOf, labels);
  }

  return {
    club: { id: club.id, name: club.name, description: club.description, language: club.language },
    exporter: { id: input.userId, name: exporter.name },
    locale: input.locale,
    timeZone: exporter.timeZone ?? "UTC",
    exportedAt: input.now,
    books,
    replies,
  };
}

/**
 * What the export keeps of one stored reply: all of a visible one; only the place of a deleted
 * or hidden one (kept only when a visible reply sits under it: roomRows leaves the rest out).
 */
function exportedReply(at: PlacedReply, row: ExportReplyRow, authorOf: (id: string) => ExportAuthor, labels: ReadonlyMap<string, string>): ExportedReply {
  const place = { id: row.id, parentId: row.parentId, threadId: row.threadId, depth: at.depth, createdAt: row.createdAt };
  if (row.state !== "visible") {
    const kind = row.state === "deleted" ? "deleted" : "hidden";
    return { ...place, kind, author: null, replyTo: null, editedAt: null, pinned: false, spoilerLevel: 0, body: null, bodyHtml: null, reactions: {} };
  }
  return {
    ...place,
    kind: "reply",
    author: authorOf(row.authorId),
    replyTo: row.replyToId ? { id: row.replyToId, author: row.replyToAuthorId ? authorOf(row.replyToAuthorId) : null } : null,
    editedAt: row.editedAt,
    pinned: row.pinned,
    spoilerLevel: row.spoilerLevel,
    body: row.body,
    bodyHtml: withCurrentMentionNames(row.bodyHtml, labels),
    reactions: row.reactions,
  };
}
