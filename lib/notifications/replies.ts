import "server-only";
import { replaceReplyMentions } from "@/db/queries/mentions";
import { deleteReplyNotifications, notifyClubMembers, veilReplyNotifications } from "@/db/queries/notifications";
import type { ReplyRow } from "@/db/queries/replies";
import type { Transaction } from "@/db/queries/reply-writes";
import type { ClubNames } from "@/lib/accounts/name-labels";
import { hideInlineSpoilers } from "@/lib/discussion/inline-spoiler";
import { renderMarkdown } from "@/lib/discussion/markdown";
import { MENTION_NOTIFY_CAP, sortCandidates } from "@/lib/discussion/mentions";
import type { NotificationKind } from "./kinds";
import { translatorFor } from "@/lib/i18n/translate";
import { HIDDEN_REASON_PREFIX, SPOILER_VEIL_PREFIX, notificationSentence, type NotificationSentence } from "./sentence";
import { formatPoint, pointFromRank, type BookShape } from "@/lib/books/points";

// The notifications a reply causes, written in the same transaction as the reply itself
// (docs/decisions/0014-notifications-and-mentions.md): a reply and its notifications commit or
// roll back together, and who is still a member, and who turned a kind off, is read in that
// same transaction by one INSERT … SELECT per kind.

const kind = (value: NotificationKind) => value;

/**
 * A notification's sentence as its row stores it: in English (what older readers and unknown
 * kinds fall back to); each reader sees it in their own language (./sentence.ts).
 */
function storedTitle(sentence: NotificationSentence): string {
  return notificationSentence({ sentence, body: { key: "stored", text: "" } }, translatorFor("en", "email"), { locale: "en" }).text;
}

/** Where a notification about a reply takes its reader: the room, opened at that reply. */
function replyPath(input: { clubId: string; roomId: string; replyId: string }): string {
  return `/clubs/${input.clubId}/rooms/${input.roomId}?reply=${input.replyId}`;
}

/** The first words of a reply's Markdown, on one line, for a notification's body (and its email); inline spoilers stay hidden. */
function excerpt(body: string, length = 140): string {
  const line = hideInlineSpoilers(body).replace(/\s+/g, " ").trim();
  return line.length <= length ? line : `${line.slice(0, length - 1).trimEnd()}…`;
}

/**
 * The spoiler rule of a reply's notifications (issue 10, docs/decisions/0018): a recipient whose
 * progress is behind the reply's level, or the room's reach, gets "Contains spoilers up to …"
 * instead of the excerpt, so neither the row, the email nor the digest carries the text. The
 * level is compared as a point: with a shape, the last chapter stands for the end.
 */
function notificationSpoiler(level: number, book: { id: string; shape: BookShape | null; roomReach: number | null }) {
  const reach = Math.max(level, book.roomReach ?? 0);
  if (reach <= 0) return undefined;
  const point = pointFromRank(reach, book.shape);
  const compared = point.kind === "end" && book.shape ? Math.min(reach, book.shape.chapters) : reach;
  return { bookId: book.id, level: compared, body: `${SPOILER_VEIL_PREFIX}${formatPoint(point, book.shape, "reach")}` };
}

/** A reply's Markdown rendered, with "@Name" of the club's members resolved to them. */
export function renderReply(body: string, names: ClubNames): { bodyHtml: string; mentioned: string[] } {
  // Most replies mention nobody: they skip the name matching entirely.
  if (!body.includes("@")) return { bodyHtml: renderMarkdown(body), mentioned: [] };
  const env = { candidates: sortCandidates([...names].map(([id, name]) => ({ id, name }))), mentioned: [] as string[] };
  return { bodyHtml: renderMarkdown(body, env), mentioned: env.mentioned };
}

/** The reply a notification is about: what notifyOfReply reads of it. */
type NotifiedReply = Pick<ReplyRow, "id" | "roomId" | "authorId" | "spoilerLevel">;

/**
 * Whether a new reply causes any write beyond itself: a reply to someone else's, or a mention.
 * Most replies cause none, and are then written by one statement (db/queries/reply-writes.ts).
 */
export function replyNeedsNotices(input: { authorId: string; answeredAuthorId: string | null; mentioned: readonly string[] }): boolean {
  return (input.answeredAuthorId !== null && input.answeredAuthorId !== input.authorId) || input.mentioned.length > 0;
}

/**
 * On the reply's transaction: records whom it mentions, then notifies the author of the reply
 * it answers (`answeredAuthorId`, read with the reply's place; not themselves) and the first
 * MENTION_NOTIFY_CAP people it mentions (not the author, nor the one already told of the reply);
 * on an edit, first veils the notifications already written for those now behind its level. A new
 * reply's notifications are written before the reply itself, its foreign keys deferred to the
 * commit (docs/decisions/0019). Returns whose notifications changed.
 */
export async function notifyOfReply(
  tx: Transaction,
  input: {
    reply: NotifiedReply;
    /** The author of the reply this one answers; null for an edit (it answers nobody anew) or a reply to the question. */
    answeredAuthorId: string | null;
    clubId: string;
    position: number;
    /** The room's book and how far the room reaches (null: unsaid), for the spoiler rule below. */
    book: { id: string; shape: BookShape | null; roomReach: number | null };
    body: string;
    mentioned: readonly string[];
    actorName: string;
    edited: boolean;
  },
): Promise<string[]> {
  const { reply } = input;
  const shared = {
    spoiler: notificationSpoiler(reply.spoilerLevel, input.book),
    clubId: input.clubId,
    actorId: reply.authorId,
    roomId: reply.roomId,
    replyId: reply.id,
    meetingId: null,
    body: excerpt(input.body),
    url: replyPath({ clubId: input.clubId, roomId: reply.roomId, replyId: reply.id }),
  };
  const notified: string[] = [];
  // An edit may have raised the level (or changed the text under it): the notifications already
  // written lose their excerpt for whoever is now behind it.
  if (input.edited && shared.spoiler) notified.push(...(await veilReplyNotifications({ replyId: reply.id, spoiler: shared.spoiler }, tx)));

  // An edit doesn't answer anyone anew; its new mentions are still news.
  const answeredAuthor = input.edited ? null : input.answeredAuthorId;
  if (answeredAuthor && answeredAuthor !== reply.authorId) {
    notified.push(
      ...(await notifyClubMembers(
        {
          ...shared,
          recipientIds: [answeredAuthor],
          kind: kind("reply"),
          title: storedTitle({ key: "reply", actors: [input.actorName], times: 1, position: input.position }),
          groupKey: `reply:${reply.roomId}`,
          dedupePrefix: `reply:${reply.id}:`,
        },
        tx,
      )),
    );
  }

  if (input.mentioned.length > 0 || input.edited) await replaceReplyMentions(tx, { replyId: reply.id, userIds: input.mentioned, replacing: input.edited });
  const toTell = input.mentioned.filter((userId) => userId !== reply.authorId && userId !== answeredAuthor).slice(0, MENTION_NOTIFY_CAP);
  if (toTell.length > 0) {
    notified.push(
      ...(await notifyClubMembers(
        {
          ...shared,
          recipientIds: toTell,
          kind: kind("mention"),
          title: storedTitle({ key: "mention", actors: [input.actorName], times: 1, position: input.position }),
          groupKey: `mention:${reply.roomId}`,
          // Once per person per reply: an edit that keeps a mention does not notify again.
          dedupePrefix: `mention:${reply.id}:`,
        },
        tx,
      )),
    );
  }
  return [...new Set(notified)];
}

/**
 * On the hiding's transaction: tells the reply's author it was hidden, with the moderator's
 * reason and nothing more (not who hid it, not the text). Returns who was notified.
 */
export async function notifyOfHiddenReply(tx: Transaction, input: { reply: ReplyRow; clubId: string; position: number }): Promise<string[]> {
  const { reply } = input;
  if (!reply.hiddenAt) return [];
  return notifyClubMembers(
    {
      clubId: input.clubId,
      recipientIds: [reply.authorId],
      kind: kind("reply_hidden"),
      actorId: null,
      roomId: reply.roomId,
      replyId: reply.id,
      meetingId: null,
      title: storedTitle({ key: "replyHidden", position: input.position }),
      body: reply.hiddenReason ? `${HIDDEN_REASON_PREFIX}${reply.hiddenReason}` : "",
      url: replyPath({ clubId: input.clubId, roomId: reply.roomId, replyId: reply.id }),
      groupKey: null,
      // Once per hiding: changing the reason doesn't notify again; hiding it again later does.
      dedupePrefix: `reply_hidden:${reply.id}:${reply.hiddenAt.toISOString()}:`,
    },
    tx,
  );
}

/** On the deletion's transaction: the notifications pointing at the reply go with its text. Returns whose went. */
export async function forgetReplyNotifications(tx: Transaction, input: { replyId: string }): Promise<string[]> {
  return deleteReplyNotifications({ replyId: input.replyId }, tx);
}
