import "server-only";
import { and, asc, eq, gt, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/index";
import { clubMembers, clubs } from "@/db/schema/clubs";
import { reactions, readPositions, replies, replyMentions, rooms } from "@/db/schema/discussion";
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
 * mention chips that showed the person's name in others' replies say "A former member" instead.
 */
export async function eraseAccount(input: {
  userId: string;
  deleteClubIds: readonly string[];
  /** "A former member" by club language ("en", "es"), as HTML text: what mention chips of the person say from now on. */
  formerMemberChip: Readonly<Record<string, string>>;
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

    await renameMentionChips(tx, userId, input.formerMemberChip);
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

/**
 * Rewrites the mention chips naming `userId` (lib/discussion/mentions.ts chipHtml) in the replies
 * that mention them, and in those replies' earlier versions, to `@<label>` in each club's
 * language. The chip shows a name as it was when written for anyone no longer in the club; for a
 * deleted account that name is personal data. The Markdown source keeps what its author typed.
 */
async function renameMentionChips(tx: Executor, userId: string, labels: Readonly<Record<string, string>>): Promise<void> {
  const entries = Object.entries(labels);
  const fallback = labels.en ?? entries[0]?.[1] ?? "";
  const label = sql`case c.language ${sql.join(
    entries.map(([language, text]) => sql`when ${language} then ${text}::text`),
    sql` `,
  )} else ${fallback}::text end`;
  // userId is a uuid (checked by the users row it came from): it is safe inside the pattern.
  const pattern = `(<span class="mention" data-mention="${userId}">)@[^<]*(</span>)`;
  const rewritten = (column: SQL) => sql`regexp_replace(${column}, ${pattern}::text, '\\1@' || replace(${label}, '\\', '\\\\') || '\\2', 'g')`;
  const mentioning = sql`(select ${replyMentions.replyId} from ${replyMentions} where ${replyMentions.userId} = ${userId}::uuid)`;
  await tx.execute(sql`
    update replies r set body_html = ${rewritten(sql`r.body_html`)}
    from rooms ro join clubs c on c.id = ro.club_id
    where ro.id = r.room_id and r.id in ${mentioning}`);
  await tx.execute(sql`
    update reply_revisions rv set body_html = ${rewritten(sql`rv.body_html`)}
    from replies r join rooms ro on ro.id = r.room_id join clubs c on c.id = ro.club_id
    where r.id = rv.reply_id and rv.reply_id in ${mentioning}`);
}
