import "server-only";
import { and, asc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { clubMembers, clubs } from "@/db/schema/clubs";
import { reactions, readPositions, replies, replyMentions, replyRevisions, rooms } from "@/db/schema/discussion";
import { memberEmailState } from "@/db/schema/email";
import { calendarFeeds, rsvps } from "@/db/schema/meetings";
import { notificationPreferences, notifications } from "@/db/schema/notifications";
import { polls, pollVotes } from "@/db/schema/polls";
import { readingProgress, replyReveals, roomVeilLifts } from "@/db/schema/reading";
import { revokedSessions, users } from "@/db/schema/users";

// Deleting an account (docs/decisions/0028-account-deletion.md). The users row stays as a
// tombstone, because replies reference it (ON DELETE CASCADE would take the replies, and with
// them other members' answers threaded under them); everything that is about the person goes.

/** What deleting needs to know of the account before it verifies the caller. */
export async function getAccountForDeletion(input: { userId: string }): Promise<{ email: string; passwordHash: string | null } | null> {
  const [row] = await getDb()
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, input.userId), isNull(users.deletedAt)))
    .limit(1);
  return row ?? null;
}

/** A club the account owns, and how many other members it has. */
export type OwnedClub = { id: string; name: string; otherMembers: number };

type Reader = Pick<ReturnType<typeof getDb>, "select">;

/** The clubs the account owns, by name, each with its number of other members. */
export async function listOwnedClubs(input: { userId: string }, executor: Reader = getDb()): Promise<OwnedClub[]> {
  const others = sql<number>`(select count(*) from ${clubMembers} other where other.club_id = ${clubs.id} and other.user_id <> ${input.userId}::uuid)`.mapWith(Number);
  return executor
    .select({ id: clubs.id, name: clubs.name, otherMembers: others })
    .from(clubMembers)
    .innerJoin(clubs, eq(clubs.id, clubMembers.clubId))
    .where(and(eq(clubMembers.userId, input.userId), eq(clubMembers.role, "owner")))
    .orderBy(asc(sql`lower(${clubs.name})`), asc(clubs.id));
}

/** How erasing went: done (with the new session version), refused for clubs, or the account was already gone. */
export type EraseResult =
  | { status: "erased"; sessionVersion: number; deletedClubIds: string[] }
  | { status: "owns_clubs"; clubs: OwnedClub[] }
  | { status: "sole_clubs_unconfirmed"; clubs: OwnedClub[] }
  | { status: "gone" };

/**
 * Erases the account in one transaction, its users row locked first (two deletions at once run
 * one after the other; the second finds it gone). Refuses, changing nothing, while it owns a club
 * with other members, or owns clubs where it is alone that are not all in `deleteClubIds`
 * (the caller's explicit confirmation). Otherwise:
 * - deletes those sole-member clubs with everything in them;
 * - takes back its reactions, keeping each reply's reaction_count in step;
 * - deletes its memberships, read positions, reading progress, veil lifts and reveals, RSVPs,
 *   notifications (so no email about them is pending), notification and email settings,
 *   calendar feeds, signed-out-session records, and its votes in polls still open;
 * - turns the users row into a tombstone: name '', email a unique undeliverable placeholder
 *   (RFC 2606 `.invalid`), no password, language or time zone, deleted_at set, and the session
 *   version raised so every session ends.
 * Replies, their edit history and mentions of it stay (they are the club's discussion); the
 * @mentions that named the person in others' replies, in their Markdown, HTML and earlier
 * versions and in the notifications quoting them, say "@A former member" instead (scrubMentions).
 */
export async function eraseAccount(input: {
  userId: string;
  deleteClubIds: readonly string[];
  /** Writes the person's @mentions out of a stored text (see scrubMentions). */
  unmention: Unmention;
  /** The stored (English) title of a reply or mention notification by a former member in question `position`. */
  retitle: (kind: "reply" | "mention", position: number) => string;
}): Promise<EraseResult> {
  return getDb().transaction(async (tx) => {
    const [account] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.userId), isNull(users.deletedAt)))
      .for("update");
    if (!account) return { status: "gone" } as const;

    const owned = await listOwnedClubs({ userId: input.userId }, tx);
    const shared = owned.filter((club) => club.otherMembers > 0);
    if (shared.length > 0) return { status: "owns_clubs", clubs: shared } as const;
    const confirmed = new Set(input.deleteClubIds);
    if (owned.some((club) => !confirmed.has(club.id))) return { status: "sole_clubs_unconfirmed", clubs: owned } as const;
    // Each club only while nobody else is in it (checked again here, in the deleting statement).
    const deletedClubs =
      owned.length === 0
        ? []
        : await tx
            .delete(clubs)
            .where(
              and(
                inArray(
                  clubs.id,
                  owned.map((club) => club.id),
                ),
                sql`not exists (select 1 from ${clubMembers} other where other.club_id = ${clubs.id} and other.user_id <> ${input.userId}::uuid)`,
              ),
            )
            .returning({ id: clubs.id });

    const userId = input.userId;
    // Reactions are the person's own signals: they go, and the counts "Most reacted" sorts by follow.
    await tx
      .update(replies)
      .set({ reactionCount: sql`${replies.reactionCount} - given.n` })
      .from(sql`(select ${reactions.replyId} as reply_id, count(*)::integer as n from ${reactions} where ${reactions.userId} = ${userId}::uuid group by ${reactions.replyId}) as given`)
      .where(sql`${replies.id} = given.reply_id`);
    await tx.delete(reactions).where(eq(reactions.userId, userId));

    await tx.delete(clubMembers).where(eq(clubMembers.userId, userId));
    await tx.delete(readPositions).where(eq(readPositions.userId, userId));
    await tx.delete(readingProgress).where(eq(readingProgress.userId, userId));
    await tx.delete(roomVeilLifts).where(eq(roomVeilLifts.userId, userId));
    await tx.delete(replyReveals).where(eq(replyReveals.userId, userId));
    await tx.delete(rsvps).where(eq(rsvps.userId, userId));
    await tx.delete(notifications).where(eq(notifications.userId, userId));
    await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, userId));
    await tx.delete(memberEmailState).where(eq(memberEmailState.userId, userId));
    await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, userId));
    await tx.delete(revokedSessions).where(eq(revokedSessions.userId, userId));
    // A vote in a poll still open goes (it would keep counting a person who left); a closed
    // poll's ballots stay, so results already announced do not change.
    const openPolls = tx
      .select({ id: polls.id })
      .from(polls)
      .where(and(isNull(polls.closedAt), or(isNull(polls.closesAt), gt(polls.closesAt, sql`now()`))));
    await tx.delete(pollVotes).where(and(eq(pollVotes.userId, userId), inArray(pollVotes.pollId, openPolls)));

    await scrubMentions(tx, userId, input.unmention);
    // Other members' notifications about what they did keep their row; the stored title, which
    // named them, is written again without the name.
    const told = await tx
      .selectDistinct({ kind: notifications.kind, roomId: rooms.id, position: rooms.position })
      .from(notifications)
      .innerJoin(rooms, eq(rooms.id, notifications.roomId))
      .where(and(eq(notifications.actorId, userId), inArray(notifications.kind, ["reply", "mention"])));
    for (const { kind, roomId, position } of told) {
      await tx
        .update(notifications)
        .set({ title: input.retitle(kind === "mention" ? "mention" : "reply", position) })
        .where(and(eq(notifications.actorId, userId), eq(notifications.kind, kind), eq(notifications.roomId, roomId)));
    }

    const [tombstone] = await tx
      .update(users)
      .set({
        name: "",
        email: sql`'deleted-' || gen_random_uuid() || '@deleted.invalid'`,
        passwordHash: null,
        locale: null,
        timeZone: null,
        browserLocale: null,
        deletedAt: sql`now()`,
        sessionVersion: sql`${users.sessionVersion} + 1`,
      })
      .where(and(eq(users.id, userId), isNull(users.deletedAt)))
      .returning({ sessionVersion: users.sessionVersion });
    if (!tombstone) throw new Error("The account row vanished under its lock.");
    return { status: "erased", sessionVersion: tombstone.sessionVersion, deletedClubIds: deletedClubs.map((club) => club.id) } as const;
  });
}

type Executor = Parameters<Parameters<ReturnType<typeof getDb>["transaction"]>[0]>[0];

/** How a stored text is kept (lib/accounts/former-mentions.ts StoredTextFormat). */
type StoredTextFormat = "markdown" | "html" | "excerpt";

/**
 * Rewrites a stored text so it no longer names the person: the text, how it is stored, the
 * club's language, and the stored HTML of the reply versions whose mention chips say whose each
 * "@<label>" is. Out: the text (the same string when it names them nowhere).
 */
export type Unmention = (text: string, how: { format: StoredTextFormat; language: string; mentionsIn: readonly string[] }) => string;

/**
 * Writes the person's @mentions out of everything that stores the text of a reply mentioning
 * them, in this transaction: the replies' Markdown (which search indexes, through the generated
 * search_vector, and the export writes) and HTML, their earlier versions, and the excerpts other
 * members' notifications quote. The mention becomes "@" + "A former member" in the club's
 * language. The replies are those reply_mentions lists for the person, and those with an earlier
 * version whose HTML has the person's chip (an edit may have dropped the mention since).
 */
async function scrubMentions(tx: Executor, userId: string, unmention: Unmention): Promise<void> {
  // userId is a uuid (checked by the users row it came from): it is safe inside the pattern.
  const chipPattern = `%data-mention="${userId}"%`;
  const affected = sql`(select ${replyMentions.replyId} from ${replyMentions} where ${replyMentions.userId} = ${userId}::uuid
    union select ${replyRevisions.replyId} from ${replyRevisions} where ${replyRevisions.bodyHtml} like ${chipPattern})`;
  const current = await tx
    .select({ id: replies.id, body: replies.body, bodyHtml: replies.bodyHtml, language: clubs.language })
    .from(replies)
    .innerJoin(rooms, eq(rooms.id, replies.roomId))
    .innerJoin(clubs, eq(clubs.id, rooms.clubId))
    .where(sql`${replies.id} in ${affected}`);
  if (current.length === 0) return;
  const ids = current.map((reply) => reply.id);
  const earlier = await tx
    .select({ id: replyRevisions.id, replyId: replyRevisions.replyId, body: replyRevisions.body, bodyHtml: replyRevisions.bodyHtml })
    .from(replyRevisions)
    .where(inArray(replyRevisions.replyId, ids));
  const told = await tx
    .select({ id: notifications.id, replyId: notifications.replyId, body: notifications.body })
    .from(notifications)
    .where(inArray(notifications.replyId, ids));

  const byId = new Map(current.map((reply) => [reply.id, reply]));
  const versionsOf = new Map(current.map((reply) => [reply.id, [reply.bodyHtml]]));
  for (const revision of earlier) versionsOf.get(revision.replyId)?.push(revision.bodyHtml);

  for (const reply of current) {
    const how = { language: reply.language, mentionsIn: [reply.bodyHtml] };
    const body = unmention(reply.body, { ...how, format: "markdown" });
    const bodyHtml = unmention(reply.bodyHtml, { ...how, format: "html" });
    if (body !== reply.body || bodyHtml !== reply.bodyHtml) await tx.update(replies).set({ body, bodyHtml }).where(eq(replies.id, reply.id));
  }
  for (const revision of earlier) {
    const how = { language: byId.get(revision.replyId)?.language ?? "en", mentionsIn: [revision.bodyHtml] };
    const body = unmention(revision.body, { ...how, format: "markdown" });
    const bodyHtml = unmention(revision.bodyHtml, { ...how, format: "html" });
    if (body !== revision.body || bodyHtml !== revision.bodyHtml) await tx.update(replyRevisions).set({ body, bodyHtml }).where(eq(replyRevisions.id, revision.id));
  }
  for (const notification of told) {
    const replyId = notification.replyId ?? "";
    const how = { language: byId.get(replyId)?.language ?? "en", mentionsIn: versionsOf.get(replyId) ?? [], format: "excerpt" as const };
    const body = unmention(notification.body, how);
    if (body !== notification.body) await tx.update(notifications).set({ body }).where(eq(notifications.id, notification.id));
  }
}
