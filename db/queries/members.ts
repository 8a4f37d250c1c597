import "server-only";
import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/index";
import { clubMembers, type ClubRole } from "@/db/schema/clubs";
import { rooms } from "@/db/schema/discussion";
import { users } from "@/db/schema/users";

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The current roles of the two people in a membership change; null for someone not in the club. */
type MemberPair = { actor: ClubRole | null; member: ClubRole | null };

/**
 * Decides, from roles read under lock, whether a change may go ahead; it throws to refuse (which
 * rolls the transaction back). Deciding under the lock means a concurrent change (a transfer, a
 * removal) can never slip between the permission check and the write.
 */
export type MemberGuard = (roles: MemberPair) => void;

/** Owner, then moderators, then members; within each, by name. */
export async function listClubMembers(input: { clubId: string }) {
  const roleRank = sql`case ${clubMembers.role} when 'owner' then 0 when 'moderator' then 1 else 2 end`;
  return getDb()
    .select({ id: users.id, name: users.name, role: clubMembers.role, joinedAt: clubMembers.joinedAt })
    .from(clubMembers)
    .innerJoin(users, eq(users.id, clubMembers.userId))
    .where(eq(clubMembers.clubId, input.clubId))
    .orderBy(roleRank, asc(sql`lower(${users.name})`), asc(users.id));
}

/** Every room of a club, archived ones too: a live connection may still be subscribed to any of them. */
export async function listClubRoomIds(input: { clubId: string }): Promise<string[]> {
  const rows = await getDb().select({ id: rooms.id }).from(rooms).where(eq(rooms.clubId, input.clubId));
  return rows.map((row) => row.id);
}

// Rows are locked in user-id order so two changes touching the same pair cannot deadlock.
async function lockPair(tx: Transaction, input: { clubId: string; actorId: string; memberId: string }): Promise<MemberPair> {
  const rows = await tx
    .select({ userId: clubMembers.userId, role: clubMembers.role })
    .from(clubMembers)
    .where(and(eq(clubMembers.clubId, input.clubId), inArray(clubMembers.userId, [input.actorId, input.memberId])))
    .orderBy(asc(clubMembers.userId))
    .for("update");
  const roleOf = (userId: string) => rows.find((row) => row.userId === userId)?.role ?? null;
  return { actor: roleOf(input.actorId), member: roleOf(input.memberId) };
}

export async function setClubMemberRole(input: {
  clubId: string;
  actorId: string;
  memberId: string;
  role: Exclude<ClubRole, "owner">;
  guard: MemberGuard;
}): Promise<void> {
  await getDb().transaction(async (tx) => {
    input.guard(await lockPair(tx, input));
    await tx
      .update(clubMembers)
      .set({ role: input.role })
      .where(and(eq(clubMembers.clubId, input.clubId), eq(clubMembers.userId, input.memberId)));
  });
}

/** The member becomes owner and the former owner a moderator, together or not at all. */
export async function transferClubOwnership(input: { clubId: string; actorId: string; memberId: string; guard: MemberGuard }): Promise<void> {
  await getDb().transaction(async (tx) => {
    input.guard(await lockPair(tx, input));
    await tx
      .update(clubMembers)
      .set({ role: "owner" })
      .where(and(eq(clubMembers.clubId, input.clubId), eq(clubMembers.userId, input.memberId)));
    await tx
      .update(clubMembers)
      .set({ role: "moderator" })
      .where(and(eq(clubMembers.clubId, input.clubId), eq(clubMembers.userId, input.actorId)));
  });
}

export async function deleteClubMember(input: { clubId: string; actorId: string; memberId: string; guard: MemberGuard }): Promise<void> {
  await getDb().transaction(async (tx) => {
    input.guard(await lockPair(tx, input));
    await tx.delete(clubMembers).where(and(eq(clubMembers.clubId, input.clubId), eq(clubMembers.userId, input.memberId)));
  });
}

/**
 * Removes the user's own membership. Every owner row is locked along with the user's, so two
 * owners leaving at the same moment cannot both go and leave the club with none.
 */
export async function deleteOwnMembership(input: {
  clubId: string;
  userId: string;
  guard: (state: { role: ClubRole | null; ownerCount: number }) => void;
}): Promise<void> {
  await getDb().transaction(async (tx) => {
    const rows = await tx
      .select({ userId: clubMembers.userId, role: clubMembers.role })
      .from(clubMembers)
      .where(and(eq(clubMembers.clubId, input.clubId), or(eq(clubMembers.role, "owner"), eq(clubMembers.userId, input.userId))))
      .orderBy(asc(clubMembers.userId))
      .for("update");
    input.guard({
      role: rows.find((row) => row.userId === input.userId)?.role ?? null,
      ownerCount: rows.filter((row) => row.role === "owner").length,
    });
    await tx.delete(clubMembers).where(and(eq(clubMembers.clubId, input.clubId), eq(clubMembers.userId, input.userId)));
  });
}
