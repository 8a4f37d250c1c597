import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { clubMembers } from "@/db/schema/clubs";
import { readPositions, rooms } from "@/db/schema/discussion";

/** A room's unread replies for one member, counted up to `cap` (a count equal to the cap means "at least"). */
export type RoomUnreadRow = { clubId: string; roomId: string; unread: number };

/**
 * Unread replies per room for a member in one club: visible replies (not deleted, not hidden)
 * by others, after their read position (0 for a room they never opened), in its open rooms. Rooms with nothing after the position are
 * skipped on the room row alone (rooms.reply_seq); the others count at most `cap` replies each
 * from the partial index replies_room_visible_seq_idx, so a member far behind costs no more
 * than `cap` index entries per room. Rooms left out have nothing unread.
 */
export async function listUnreadCounts(input: { userId: string; clubId: string; cap: number }): Promise<RoomUnreadRow[]> {
  const position = sql`coalesce(${readPositions.lastReadSeq}, 0)`;
  // The outer row's columns are named in full: Drizzle may render a column without its table,
  // which inside this subquery would name the inner table's column instead.
  const unread = sql<number>`(select count(*)::int from (
      select 1 from replies r
      where r.room_id = rooms.id and r.seq > coalesce(read_positions.last_read_seq, 0)
        and r.deleted_at is null and r.hidden_at is null and r.author_id <> ${input.userId}
      limit ${input.cap}
    ) as capped)`;
  const rows = await getDb()
    .select({ clubId: rooms.clubId, roomId: rooms.id, unread })
    .from(clubMembers)
    .innerJoin(rooms, and(eq(rooms.clubId, clubMembers.clubId), isNull(rooms.archivedAt)))
    .leftJoin(readPositions, and(eq(readPositions.roomId, rooms.id), eq(readPositions.userId, clubMembers.userId)))
    .where(
      and(
        eq(clubMembers.userId, input.userId),
        eq(clubMembers.clubId, input.clubId),
        gt(rooms.replySeq, position),
      ),
    );
  return rows.filter((row) => row.unread > 0);
}

/**
 * Unread replies per club for a member, for the home page: each club's count stops at `cap` in
 * all (a count equal to the cap means "at least"), so a club far behind costs about `cap` index
 * entries whatever its size: the rooms are visited one by one only until the cap is reached.
 * Same rules as listUnreadCounts. Clubs with nothing unread are left out.
 */
export async function listClubUnreadTotals(input: { userId: string; cap: number }): Promise<{ clubId: string; unread: number }[]> {
  // club_members.club_id is named in full: a Drizzle column would be rendered without its table,
  // and inside this subquery "club_id" would name rooms' own.
  const unread = sql<number>`(select count(*)::int from (
      select 1 from rooms rm
      left join read_positions rp on rp.room_id = rm.id and rp.user_id = ${input.userId}
      cross join lateral (
        select 1 from replies r
        where r.room_id = rm.id and r.seq > coalesce(rp.last_read_seq, 0)
          and r.deleted_at is null and r.hidden_at is null and r.author_id <> ${input.userId}
        limit ${input.cap}
      ) as room_unread
      where rm.club_id = club_members.club_id and rm.archived_at is null and rm.reply_seq > coalesce(rp.last_read_seq, 0)
      limit ${input.cap}
    ) as capped)`;
  const rows = await getDb().select({ clubId: clubMembers.clubId, unread }).from(clubMembers).where(eq(clubMembers.userId, input.userId));
  return rows.filter((row) => row.unread > 0);
}

/** How far a member has read a room: the highest seq they have seen every reply up to; 0 if never opened. */
export async function getReadPosition(input: { userId: string; roomId: string }): Promise<number> {
  const [row] = await getDb()
    .select({ lastReadSeq: readPositions.lastReadSeq })
    .from(readPositions)
    .where(and(eq(readPositions.userId, input.userId), eq(readPositions.roomId, input.roomId)));
  return row?.lastReadSeq ?? 0;
}

/**
 * Moves a member's read position in a room forward to `seq`, never back, and never past the
 * room's last reply (a made-up seq cannot pre-read replies not yet posted). Returns the position
 * now stored and whether it moved.
 */
export async function advanceReadPosition(input: { userId: string; roomId: string; seq: number }): Promise<{ lastReadSeq: number; moved: boolean }> {
  return getDb().transaction(async (tx) => {
    const [room] = await tx.select({ replySeq: rooms.replySeq }).from(rooms).where(eq(rooms.id, input.roomId));
    const target = Math.min(input.seq, room?.replySeq ?? 0);
    const [moved] = await tx
      .insert(readPositions)
      .values({ userId: input.userId, roomId: input.roomId, lastReadSeq: target })
      .onConflictDoUpdate({
        target: [readPositions.userId, readPositions.roomId],
        set: { lastReadSeq: sql`excluded.last_read_seq`, updatedAt: sql`now()` },
        setWhere: sql`${readPositions.lastReadSeq} < excluded.last_read_seq`,
      })
      .returning({ lastReadSeq: readPositions.lastReadSeq });
    if (moved) return { lastReadSeq: moved.lastReadSeq, moved: true };
    const [current] = await tx
      .select({ lastReadSeq: readPositions.lastReadSeq })
      .from(readPositions)
      .where(and(eq(readPositions.userId, input.userId), eq(readPositions.roomId, input.roomId)));
    return { lastReadSeq: current?.lastReadSeq ?? 0, moved: false };
  });
}

/**
 * "Mark all as read" for one club: every open room's position moves to its last reply, in one
 * statement (positions already there, or past it, are left as they are). Returns the rooms moved.
 */
export async function markClubRoomsRead(input: { userId: string; clubId: string }): Promise<string[]> {
  const rows = await getDb()
    .insert(readPositions)
    .select(
      getDb()
        .select({ userId: sql`${input.userId}::uuid`.as("user_id"), roomId: rooms.id, lastReadSeq: rooms.replySeq, updatedAt: sql`now()`.as("updated_at") })
        .from(rooms)
        .where(and(eq(rooms.clubId, input.clubId), isNull(rooms.archivedAt), gt(rooms.replySeq, 0))),
    )
    .onConflictDoUpdate({
      target: [readPositions.userId, readPositions.roomId],
      set: { lastReadSeq: sql`excluded.last_read_seq`, updatedAt: sql`now()` },
      setWhere: sql`${readPositions.lastReadSeq} < excluded.last_read_seq`,
    })
    .returning({ roomId: readPositions.roomId });
  return rows.map((row) => row.roomId);
}

/** The ids of a club's members, but one: who should hear that the club's unread counts changed. */
export async function listClubMemberIdsExcept(input: { clubId: string; exceptUserId: string | null }): Promise<string[]> {
  const rows = await getDb().select({ userId: clubMembers.userId }).from(clubMembers).where(eq(clubMembers.clubId, input.clubId));
  return rows.map((row) => row.userId).filter((id) => id !== input.exceptUserId);
}
