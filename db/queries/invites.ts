import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/index";
import { books, clubMembers, clubs } from "@/db/schema/clubs";
import { invites } from "@/db/schema/invites";
import { users } from "@/db/schema/users";
import { shownName } from "./former-members";

/** Why an invite can no longer let anyone in, or null while it still can. */
export type InviteProblem = "revoked" | "expired" | "used_up";

type InviteState = { revokedAt: Date | null; expiresAt: Date; uses: number; maxUses: number | null };

// The one definition of "usable", shared by the page that shows an invite and the
// transaction that redeems it, so the two can never disagree.
export function inviteProblem(invite: InviteState, now: Date): InviteProblem | null {
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return "used_up";
  return null;
}

export async function createInvite(input: {
  clubId: string;
  createdById: string;
  /** SHA-256 hex of the link's token: the raw token never reaches the database. */
  tokenHash: string;
  expiresAt: Date;
  maxUses: number | null;
}): Promise<{ id: string }> {
  const [row] = await getDb()
    .insert(invites)
    .values({
      clubId: input.clubId,
      createdById: input.createdById,
      tokenHash: input.tokenHash,
      expiresAt: input.expiresAt,
      maxUses: input.maxUses,
    })
    .returning({ id: invites.id });
  if (!row) throw new Error("The invite row was not returned after insert.");
  return row;
}

export async function listClubInvites(input: { clubId: string; limit?: number }) {
  return getDb()
    .select({
      id: invites.id,
      createdAt: invites.createdAt,
      expiresAt: invites.expiresAt,
      maxUses: invites.maxUses,
      uses: invites.uses,
      revokedAt: invites.revokedAt,
      // Null when its maker deleted their account (./former-members.ts): "a former member".
      createdByName: shownName(users),
    })
    .from(invites)
    .leftJoin(users, eq(users.id, invites.createdById))
    .where(eq(invites.clubId, input.clubId))
    .orderBy(desc(invites.createdAt), desc(invites.id))
    .limit(input.limit ?? 100);
}

/** Revokes a club's invite; "already" when it was revoked before, "not_found" when the club has no such invite. */
export async function revokeInvite(input: { clubId: string; inviteId: string }): Promise<"revoked" | "already" | "not_found"> {
  const [updated] = await getDb()
    .update(invites)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invites.id, input.inviteId), eq(invites.clubId, input.clubId), isNull(invites.revokedAt)))
    .returning({ id: invites.id });
  if (updated) return "revoked";
  const [existing] = await getDb()
    .select({ id: invites.id })
    .from(invites)
    .where(and(eq(invites.id, input.inviteId), eq(invites.clubId, input.clubId)))
    .limit(1);
  return existing ? "already" : "not_found";
}

/** An invite with what its page may show about the club; the caller decides how much to reveal. */
export async function findInviteByToken(input: { tokenHash: string; userId: string | null }) {
  const [row] = await getDb()
    .select({
      id: invites.id,
      clubId: invites.clubId,
      expiresAt: invites.expiresAt,
      maxUses: invites.maxUses,
      uses: invites.uses,
      revokedAt: invites.revokedAt,
      club: { name: clubs.name, description: clubs.description },
      book: { title: books.title, author: books.author },
      viewerRole: clubMembers.role,
    })
    .from(invites)
    .innerJoin(clubs, eq(clubs.id, invites.clubId))
    .leftJoin(books, eq(books.id, clubs.currentBookId))
    .leftJoin(
      clubMembers,
      and(eq(clubMembers.clubId, invites.clubId), input.userId ? eq(clubMembers.userId, input.userId) : sql`false`),
    )
    .where(eq(invites.tokenHash, input.tokenHash))
    .limit(1);
  return row ?? null;
}

export type RedeemInviteResult =
  | { status: "joined"; clubId: string }
  | { status: "already_member"; clubId: string }
  | { status: "unknown" }
  | { status: InviteProblem };

/**
 * Joins a club through an invite in one transaction. The invite row stays locked from the
 * check to the increment, so two people racing for the last use cannot both get in, and a
 * use is only counted when a membership was actually created.
 */
export async function redeemInvite(input: { tokenHash: string; userId: string; now?: Date }): Promise<RedeemInviteResult> {
  return getDb().transaction(async (tx) => {
    const [invite] = await tx
      .select({
        id: invites.id,
        clubId: invites.clubId,
        expiresAt: invites.expiresAt,
        maxUses: invites.maxUses,
        uses: invites.uses,
        revokedAt: invites.revokedAt,
      })
      .from(invites)
      .where(eq(invites.tokenHash, input.tokenHash))
      .for("update");
    if (!invite) return { status: "unknown" };

    const [member] = await tx
      .select({ role: clubMembers.role })
      .from(clubMembers)
      .where(and(eq(clubMembers.clubId, invite.clubId), eq(clubMembers.userId, input.userId)))
      .limit(1);
    if (member) return { status: "already_member", clubId: invite.clubId };

    const problem = inviteProblem(invite, input.now ?? new Date());
    if (problem) return { status: problem };

    const inserted = await tx
      .insert(clubMembers)
      .values({ clubId: invite.clubId, userId: input.userId, role: "member" })
      .onConflictDoNothing()
      .returning({ userId: clubMembers.userId });
    if (inserted.length === 0) return { status: "already_member", clubId: invite.clubId };

    await tx
      .update(invites)
      .set({ uses: sql`${invites.uses} + 1` })
      .where(eq(invites.id, invite.id));
    return { status: "joined", clubId: invite.clubId };
  });
}
