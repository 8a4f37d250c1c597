import "server-only";
import {
  advanceReadPosition,
  getReadPosition,
  listClubMemberIdsExcept,
  listClubUnreadTotals,
  listUnreadCounts,
  markClubRoomsRead,
  type RoomUnreadRow,
} from "@/db/queries/read-positions";
import { resolveClub, resolveRoom, resolveSelf } from "@/lib/access";
import { door, noParams } from "@/lib/doors/door";
import { done, type Done, type LiveEvent } from "@/lib/doors/live";
import { clubParams } from "@/lib/validation/clubs";
import { markReadInput } from "@/lib/validation/read-positions";
import { roomParams } from "@/lib/validation/replies";

// Unread: each member's read position per room, and the counts the home page (per club), the
// club page (per room) and the room's "New since your last visit" divider are drawn from.
// docs/decisions/0013-unread.md says why positions are sequence numbers and counts are capped.

/**
 * Each room (on the club page) and each club (on the home page) counts at most this many unread
 * replies; anything over 99 is shown as "99+". It bounds the cost for a member far behind.
 */
const unreadCap = 100;

/** A club's unread replies for one member: per room (rooms with none left out) and in all. */
export type ClubUnreadView = { clubId: string; total: number; rooms: Record<string, number> };

function byClub(rows: RoomUnreadRow[]): Map<string, ClubUnreadView> {
  const clubs = new Map<string, ClubUnreadView>();
  for (const row of rows) {
    const club = clubs.get(row.clubId) ?? { clubId: row.clubId, total: 0, rooms: {} };
    club.rooms[row.roomId] = row.unread;
    club.total += row.unread;
    clubs.set(row.clubId, club);
  }
  return clubs;
}

const emptyClub = (clubId: string): ClubUnreadView => ({ clubId, total: 0, rooms: {} });

/** The home page's figures: unread replies per club the caller belongs to (club id → count, up to 100; clubs with none left out). */
export const loadMyUnreadCounts = door({
  params: noParams,
  what: "clubs",
  resolve: resolveSelf,
  act: async ({ userId }): Promise<Done<Record<string, number>>> =>
    done(Object.fromEntries((await listClubUnreadTotals({ userId, cap: unreadCap })).map((row) => [row.clubId, row.unread]))),
});

/** One club's unread replies for the caller, per room: the club page, and a live page refreshing its count. */
export const loadClubUnread = door({
  params: clubParams,
  what: "club",
  resolve: ({ params, userId }) => resolveClub({ clubId: params.clubId, userId }),
  act: async ({ params, userId }) =>
    done(byClub(await listUnreadCounts({ userId, clubId: params.clubId, cap: unreadCap })).get(params.clubId) ?? emptyClub(params.clubId)),
});

/** Where the caller's reading of a room stopped last time (0: never opened), for the room's divider. */
export const loadReadPosition = door({
  params: roomParams,
  what: "room",
  resolve: ({ params, userId }) => resolveRoom({ roomId: params.roomId, userId }),
  act: async ({ params, userId }) => done({ lastReadSeq: await getReadPosition({ userId, roomId: params.roomId }) }),
});

/**
 * The caller has now seen every reply of the room up to `seq` on screen: the position moves
 * there, never back and never past the room's last reply. When it moved, the caller's other
 * pages hear that the club's counts changed.
 */
export const markRoomRead = door({
  params: roomParams,
  what: "room",
  resolve: ({ params, userId }) => resolveRoom({ roomId: params.roomId, userId }),
  body: markReadInput,
  act: async ({ params, body, userId, target }) => {
    const result = await advanceReadPosition({ userId, roomId: params.roomId, seq: body.seq });
    const events: LiveEvent[] = result.moved ? [{ type: "unread:changed", clubId: target.clubId, userIds: [userId] }] : [];
    return done({ lastReadSeq: result.lastReadSeq }, ...events);
  },
});

/** "Mark all as read" for one club: every open room read up to its last reply. */
export const markClubRead = door({
  params: clubParams,
  what: "club",
  resolve: ({ params, userId }) => resolveClub({ clubId: params.clubId, userId }),
  act: async ({ params, userId }) => {
    const moved = await markClubRoomsRead({ userId, clubId: params.clubId });
    const events: LiveEvent[] = moved.length > 0 ? [{ type: "unread:changed", clubId: params.clubId, userIds: [userId] }] : [];
    return done({ rooms: moved.length }, ...events);
  },
});

/**
 * The event that tells a club's members (all but `exceptUserId`, whose own reply it was) that
 * their unread counts there changed: a reply was posted, deleted, hidden or unhidden. Call from
 * an act after its write committed; the door sends it.
 */
export async function unreadChanged(input: {
  clubId: string;
  exceptUserId: string | null;
  /** The club's members when the act already read them (posting: its names); read here otherwise. */
  memberIds?: Iterable<string>;
}): Promise<LiveEvent[]> {
  const userIds = input.memberIds
    ? [...input.memberIds].filter((userId) => userId !== input.exceptUserId)
    : await listClubMemberIdsExcept({ clubId: input.clubId, exceptUserId: input.exceptUserId });
  return userIds.length > 0 ? [{ type: "unread:changed", clubId: input.clubId, userIds }] : [];
}

/**
 * A delete, hide or unhide as settled by settleReplyChange, with the club's members told their
 * counts changed when the reply did (it sends `reply:updated` only then).
 */
export async function withUnreadChanged<Value>(clubId: string, settled: Done<Value>): Promise<Done<Value>> {
  if (!settled.events.some((event) => event.type === "reply:updated")) return settled;
  return done(settled.value, ...settled.events, ...(await unreadChanged({ clubId, exceptUserId: null })));
}
