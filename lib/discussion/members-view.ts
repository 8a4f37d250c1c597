import "server-only";
import type { ReplyRow } from "@/db/queries/replies";
import type { ClubNames } from "@/lib/accounts/name-labels";
import { reactionKinds, type ReactionView } from "./reaction-kinds";
import { withCurrentMentionNames } from "./mentions";
import type { ReplyView } from "./reply-view";
import { spoilerOf, veiledFor, type ReplyReader } from "./spoilers";

/**
 * A stored reply as members see it: a deleted reply keeps its place but no text, a hidden one
 * shows its reason but never its text (moderators fetch that on request), and only a visible
 * reply can be pinned. This shape is what pages, the API and live events all send. The author
 * is named as the club tells look-alike names apart (`names`, lib/accounts/name-labels.ts).
 * A reply past the `reader`'s progress that they haven't revealed comes veiled, without its text
 * (lib/discussion/spoilers.ts): every view for a reader is made here, so no path skips the veil.
 */
export function toReplyView(row: ReplyRow, names: ClubNames, reader: ReplyReader): ReplyView {
  return veiledFor(unveiledView(row, names, reader), reader);
}

function unveiledView(row: ReplyRow, names: ClubNames, reader: ReplyReader): ReplyView {
  const state = row.deletedAt ? "deleted" : row.hiddenAt ? "hidden" : "visible";
  return {
    id: row.id,
    roomId: row.roomId,
    parentId: row.parentId,
    threadId: row.threadId,
    replyTo: row.replyToId ? { id: row.replyToId, authorName: row.replyToAuthorName } : null,
    seq: row.seq,
    author: { id: row.authorId, name: names.get(row.authorId) ?? row.authorName },
    // Mention chips show each member's current name (lib/discussion/mentions.ts).
    bodyHtml: state === "visible" ? withCurrentMentionNames(row.bodyHtml, names) : "",
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    state,
    hiddenReason: state === "hidden" ? row.hiddenReason : null,
    pinned: row.pinnedAt !== null && state === "visible",
    reactions: state === "visible" ? groupReactions(row.reactions, names) : [],
    reactionCount: state === "visible" ? row.reactionCount : 0,
    spoiler: state === "visible" ? spoilerOf(row.spoilerLevel) : null,
    veil: null,
  };
}

/**
 * A reply's reaction rows ([kind, user id, stored name], first given first) as the kinds that
 * were given, in the picker's order, each with its people named as the club shows them.
 */
export function groupReactions(rows: ReplyRow["reactions"], names: ClubNames): ReactionView[] {
  // postgres.js and PGlite both parse json; a driver that did not would hand over its text.
  const triples = typeof rows === "string" ? (JSON.parse(rows) as Exclude<ReplyRow["reactions"], string>) : rows;
  const byKind = new Map<string, ReactionView["users"]>();
  for (const [kind, userId, name] of triples) {
    byKind.set(kind, [...(byKind.get(kind) ?? []), { id: userId, name: names.get(userId) ?? name }]);
  }
  return reactionKinds.flatMap((kind) => {
    const users = byKind.get(kind);
    return users ? [{ kind, users }] : [];
  });
}
