import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/index";
import { clubMembers, clubs } from "@/db/schema/clubs";
import { replies, rooms } from "@/db/schema/discussion";
import { memberEmailState } from "@/db/schema/email";
import { notificationPreferences, notifications, type NotificationDelivery } from "@/db/schema/notifications";
import { users } from "@/db/schema/users";
import { notificationFacts } from "./notifications";
import { isActiveAccount, shownName } from "./former-members";

const actor = alias(users, "actor");

// What lib/email reads and writes: members' notification preferences and time zone, the
// notifications email has still to look at (emailed_at null), and member_email_state.

export type KindDelivery = { kind: string; delivery: NotificationDelivery };

/** The member's chosen deliveries (kinds without a row use their default) and time zone; null: no such user. */
export async function getNotificationSettings(input: { userId: string }): Promise<{ timeZone: string | null; chosen: KindDelivery[] } | null> {
  const db = getDb();
  const [user] = await db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, input.userId)).limit(1);
  if (!user) return null;
  const chosen = await db
    .select({ kind: notificationPreferences.kind, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, input.userId));
  return { timeZone: user.timeZone, chosen };
}

/** Stores every kind's delivery and the time zone in one transaction; false when the user does not exist. */
export async function saveNotificationSettings(input: { userId: string; deliveries: KindDelivery[]; timeZone: string }): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const updated = await tx.update(users).set({ timeZone: input.timeZone }).where(eq(users.id, input.userId)).returning({ id: users.id });
    if (updated.length === 0) return false;
    if (input.deliveries.length > 0) {
      await tx
        .insert(notificationPreferences)
        .values(input.deliveries.map((entry) => ({ userId: input.userId, kind: entry.kind, delivery: entry.delivery })))
        .onConflictDoUpdate({
          target: [notificationPreferences.userId, notificationPreferences.kind],
          set: { delivery: sql`excluded.delivery`, updatedAt: sql`now()` },
        });
    }
    return true;
  });
}

/**
 * Stops email for these kinds: each becomes "in the app only", unless the member had turned it
 * off altogether (that stays off). Returns whether the user exists.
 */
export async function stopEmailForKinds(input: { userId: string; kinds: string[] }): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).limit(1);
    if (!user) return false;
    await tx
      .insert(notificationPreferences)
      .values(input.kinds.map((kind) => ({ userId: input.userId, kind, delivery: "app" as const })))
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { delivery: sql`excluded.delivery`, updatedAt: sql`now()` },
        setWhere: sql`${notificationPreferences.delivery} <> 'off'`,
      });
    return true;
  });
}

/** The stored choices of these members for these kinds (no row: the kind's default applies). */
export async function listChosenDeliveries(input: { userIds: string[]; kinds?: string[] }): Promise<(KindDelivery & { userId: string })[]> {
  if (input.userIds.length === 0) return [];
  return getDb()
    .select({ userId: notificationPreferences.userId, kind: notificationPreferences.kind, delivery: notificationPreferences.delivery })
    .from(notificationPreferences)
    .where(
      and(
        inArray(notificationPreferences.userId, input.userIds),
        input.kinds ? inArray(notificationPreferences.kind, input.kinds) : undefined,
      ),
    );
}

export type EmailCandidate = {
  userId: string;
  email: string;
  name: string;
  timeZone: string | null;
  /** The member's chosen language and their browser's last: the email is written in recipientLocale of these. */
  locale: string | null;
  browserLocale: string | null;
  lastBatchAt: Date | null;
  lastDigestOn: string | null;
  /** Each kind of the member's notifications that email has not looked at yet, with its oldest one's time. */
  waiting: { kind: string; oldest: Date }[];
};

/** Every member with notifications email has not looked at yet (optionally only these members). */
export async function listEmailCandidates(input: { userIds?: string[] } = {}): Promise<EmailCandidate[]> {
  const rows = await getDb()
    .select({
      userId: notifications.userId,
      email: users.email,
      name: users.name,
      timeZone: users.timeZone,
      locale: users.locale,
      browserLocale: users.browserLocale,
      lastBatchAt: memberEmailState.lastBatchAt,
      lastDigestOn: memberEmailState.lastDigestOn,
      kind: notifications.kind,
      oldest: sql<Date>`min(${notifications.createdAt})`.mapWith(notifications.createdAt),
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(memberEmailState, eq(memberEmailState.userId, notifications.userId))
    // A deleted account has no notifications left; the check keeps it so should one slip in.
    .where(and(isNull(notifications.emailedAt), isActiveAccount(users), input.userIds ? inArray(notifications.userId, input.userIds) : undefined))
    .groupBy(
      notifications.userId,
      users.email,
      users.name,
      users.timeZone,
      users.locale,
      users.browserLocale,
      memberEmailState.lastBatchAt, memberEmailState.lastDigestOn, notifications.kind);
  const byUser = new Map<string, EmailCandidate>();
  for (const { kind, oldest, ...member } of rows) {
    const candidate = byUser.get(member.userId) ?? { ...member, waiting: [] };
    candidate.waiting.push({ kind, oldest });
    byUser.set(member.userId, candidate);
  }
  return [...byUser.values()];
}

/** Marks the member's unlooked-at notifications of these kinds as needing no email. Returns how many. */
export async function markNotificationsNeedNoEmail(input: { userId: string; kinds: string[]; now: Date }): Promise<number> {
  if (input.kinds.length === 0) return 0;
  const rows = await getDb()
    .update(notifications)
    .set({ emailedAt: input.now })
    .where(and(eq(notifications.userId, input.userId), isNull(notifications.emailedAt), inArray(notifications.kind, input.kinds)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** A notification taken by an email, with what the email shows of it (its sentence's facts included: lib/notifications/sentence.ts). */
export type ClaimedNotification = {
  id: string;
  kind: string;
  title: string;
  body: string;
  url: string | null;
  createdAt: Date;
  clubId: string | null;
  clubName: string | null;
  roomId: string | null;
  roomPosition: number | null;
  roomQuestion: string | null;
  /** Null for a deleted account, with actorId set (./former-members.ts). */
  actorName: string | null;
  actorId: string | null;
  dedupeKey: string;
  meetingTitle: string | null;
  meetingStartsAt: Date | null;
  meetingTimeZone: string | null;
  meetingReading: string | null;
  seriesMore: number | null;
  spoilerReach: number | null;
  bookShape: { chapters: number; parts: { title: string; first: number; last: number }[] } | null;
};

/** Which email is being sent, and what lets it go now. */
export type EmailGate =
  /** Batched email: only when the last one went out at or before `notAfter` (15 minutes ago). */
  | { kind: "batch"; notAfter: Date }
  /** The digest of the member's local day `localDate` (YYYY-MM-DD): once a day. */
  | { kind: "digest"; localDate: string };

export type EmailStateBefore = { lastBatchAt: Date | null; lastDigestOn: string | null };

export type EmailClaim =
  | { status: "waiting" }
  | { status: "nothing" }
  | { status: "claimed"; before: EmailStateBefore; notifications: ClaimedNotification[] };

/**
 * Takes the member's unlooked-at notifications of `kinds` for one email, in one transaction with
 * the member's email state locked, so two workers never send the same notification twice:
 * - the gate closed (a batch within 15 minutes, today's digest already sent): `waiting`, nothing taken;
 * - otherwise every such notification is marked emailed; those still worth showing come back,
 *   and the gate moves (last batch: now; last digest: the local day) only when there are some.
 * Not worth showing: one the member has already read in the app; one about a reply that is now deleted or hidden (its text must never be
 * mailed) unless its kind is in `keepWhenReplyGone` (the notice to the author that a moderator
 * hid it: it carries the reason, not the text), and one from a club the member has left.
 */
export async function claimNotificationsForEmail(input: {
  userId: string;
  kinds: string[];
  gate: EmailGate;
  now: Date;
  keepWhenReplyGone: string[];
}): Promise<EmailClaim> {
  if (input.kinds.length === 0) return { status: "nothing" };
  return getDb().transaction(async (tx) => {
    await tx.insert(memberEmailState).values({ userId: input.userId }).onConflictDoNothing();
    const [state] = await tx
      .select({ lastBatchAt: memberEmailState.lastBatchAt, lastDigestOn: memberEmailState.lastDigestOn })
      .from(memberEmailState)
      .where(eq(memberEmailState.userId, input.userId))
      .for("update");
    const before: EmailStateBefore = { lastBatchAt: state?.lastBatchAt ?? null, lastDigestOn: state?.lastDigestOn ?? null };
    const open =
      input.gate.kind === "batch"
        ? before.lastBatchAt === null || before.lastBatchAt.getTime() <= input.gate.notAfter.getTime()
        : before.lastDigestOn === null || before.lastDigestOn < input.gate.localDate;
    if (!open) return { status: "waiting" } as const;

    const taken = await tx
      .update(notifications)
      .set({ emailedAt: input.now })
      .where(and(eq(notifications.userId, input.userId), isNull(notifications.emailedAt), inArray(notifications.kind, input.kinds)))
      .returning({ id: notifications.id });
    if (taken.length === 0) return { status: "nothing" } as const;

    const replyVisible = sql`(${replies.deletedAt} is null and ${replies.hiddenAt} is null)`;
    const keepGone = input.keepWhenReplyGone.length > 0 ? inArray(notifications.kind, input.keepWhenReplyGone) : sql`false`;
    const stillMember = sql`exists (select 1 from ${clubMembers} where ${clubMembers.clubId} = ${notifications.clubId} and ${clubMembers.userId} = ${notifications.userId})`;
    const shown = await tx
      .select({
        ...notificationFacts(),
        // Null for a deleted account (./former-members.ts): with actorId, "A former member".
        actorName: shownName(actor),
        actorId: notifications.actorId,
        id: notifications.id,
        kind: notifications.kind,
        title: notifications.title,
        body: notifications.body,
        url: notifications.url,
        createdAt: notifications.createdAt,
        clubId: notifications.clubId,
        clubName: clubs.name,
        roomId: notifications.roomId,
        roomPosition: rooms.position,
        roomQuestion: rooms.question,
      })
      .from(notifications)
      .leftJoin(clubs, eq(clubs.id, notifications.clubId))
      .leftJoin(rooms, eq(rooms.id, notifications.roomId))
      .leftJoin(actor, eq(actor.id, notifications.actorId))
      .leftJoin(replies, eq(replies.id, notifications.replyId))
      .where(
        and(
          inArray(
            notifications.id,
            taken.map((row) => row.id),
          ),
          isNull(notifications.readAt),
          sql`(${notifications.replyId} is null or ${replyVisible} or ${keepGone})`,
          sql`(${notifications.clubId} is null or ${stillMember})`,
        ),
      );
    if (shown.length === 0) return { status: "nothing" } as const;

    await tx
      .update(memberEmailState)
      .set(input.gate.kind === "batch" ? { lastBatchAt: input.now } : { lastDigestOn: input.gate.localDate })
      .where(eq(memberEmailState.userId, input.userId));
    return { status: "claimed", before, notifications: shown } as const;
  });
}

/**
 * Undoes a claim whose email could not be sent: the notifications wait for the next try and
 * the gate goes back to where it was, so a brief SMTP outage delays email rather than losing it.
 */
export async function releaseEmailClaim(input: {
  userId: string;
  notificationIds: string[];
  gate: EmailGate["kind"];
  before: EmailStateBefore;
}): Promise<void> {
  await getDb().transaction(async (tx) => {
    if (input.notificationIds.length > 0) {
      await tx
        .update(notifications)
        .set({ emailedAt: null })
        .where(and(eq(notifications.userId, input.userId), inArray(notifications.id, input.notificationIds)));
    }
    await tx
      .update(memberEmailState)
      .set(input.gate === "batch" ? { lastBatchAt: input.before.lastBatchAt } : { lastDigestOn: input.before.lastDigestOn })
      .where(eq(memberEmailState.userId, input.userId));
  });
}

/**
 * Marks these notifications emailed, if nothing else has yet, and returns the ones this call
 * marked: a meeting reminder sent at once is then left alone by the batched email.
 */
export async function claimNotificationsById(input: { ids: string[]; now: Date }): Promise<string[]> {
  if (input.ids.length === 0) return [];
  const rows = await getDb()
    .update(notifications)
    .set({ emailedAt: input.now })
    .where(and(inArray(notifications.id, input.ids), isNull(notifications.emailedAt)))
    .returning({ id: notifications.id });
  return rows.map((row) => row.id);
}

/** Gives these notifications back to email (their immediate send failed): the next batch takes them. */
export async function unclaimNotifications(input: { ids: string[] }): Promise<void> {
  if (input.ids.length === 0) return;
  await getDb().update(notifications).set({ emailedAt: null }).where(inArray(notifications.id, input.ids));
}
