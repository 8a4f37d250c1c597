import { getClubWithBook } from "@/db/queries/clubs";
import {
  deleteClubMember,
  deleteOwnMembership,
  listClubMembers,
  listClubRoomIds,
  setClubMemberRole,
  transferClubOwnership,
  type MemberGuard,
} from "@/db/queries/members";
import type { ClubRole } from "@/db/schema/clubs";
import { clubIdOrNotFound, requireClubAccess } from "@/lib/access";
import { AppError, notFound } from "@/lib/errors";
import { can, canRemoveMember } from "@/lib/permissions";
import { revokeClubAccess } from "@/lib/realtime/publish";
import { parseInput } from "@/lib/validation/parse";
import { memberTargetInput, setMemberRoleInput } from "@/lib/validation/members";

/** What the viewer may do to one member on the roster; the services below enforce the same rules. */
export type MemberActions = { promote: boolean; demote: boolean; transfer: boolean; remove: boolean };

export type RosterMember = {
  id: string;
  name: string;
  role: ClubRole;
  joinedAt: string;
  isViewer: boolean;
  actions: MemberActions;
};

export function memberActions(viewer: { id: string; role: ClubRole }, member: { id: string; role: ClubRole }): MemberActions {
  // Acting on yourself is never a roster action: leaving has its own button.
  if (viewer.id === member.id) return { promote: false, demote: false, transfer: false, remove: false };
  const setsRoles = can(viewer.role, "member:set-role") && member.role !== "owner";
  return {
    promote: setsRoles && member.role === "member",
    demote: setsRoles && member.role === "moderator",
    transfer: can(viewer.role, "club:transfer") && member.role !== "owner",
    remove: canRemoveMember(viewer.role, member.role),
  };
}

/** The last owner has to hand the club on first, or it would be left with nobody to run it. */
export function mustTransferBeforeLeaving(role: ClubRole, ownerCount: number): boolean {
  return role === "owner" && ownerCount <= 1;
}

const lastOwnerMessage = "You're the only owner of this club. Transfer ownership to another member before you leave.";

const forbidden = (message: string) => new AppError("forbidden", message);

export async function loadRosterPage(input: { clubId: string; userId: string }) {
  const clubId = clubIdOrNotFound(input.clubId);
  const role = await requireClubAccess({ clubId, userId: input.userId, action: "member:view-roster", what: "This club" });
  const [club, rows] = await Promise.all([getClubWithBook({ clubId }), listClubMembers({ clubId })]);
  if (!club) throw notFound("This club");
  const viewer = { id: input.userId, role };
  const members: RosterMember[] = rows.map((row) => ({
    id: row.id,
    name: row.name,
    role: row.role,
    joinedAt: row.joinedAt.toISOString(),
    isViewer: row.id === input.userId,
    actions: memberActions(viewer, row),
  }));
  const ownerCount = rows.filter((row) => row.role === "owner").length;
  return {
    club: { id: club.id, name: club.name },
    role,
    members,
    leave: mustTransferBeforeLeaving(role, ownerCount) ? { allowed: false as const, reason: lastOwnerMessage } : { allowed: true as const },
  };
}

// Every guard starts the same way: a caller who is not (or no longer) in the club learns nothing.
function requireActor(actor: ClubRole | null): ClubRole {
  if (!actor) throw notFound("This club");
  return actor;
}

function requireMember(member: ClubRole | null): ClubRole {
  if (!member) throw notFound("This member");
  return member;
}

/** Owners make members moderators and moderators members. An owner's role is changed only by a transfer. */
export async function changeMemberRole(input: { clubId: unknown; userId: string; input: unknown }): Promise<{ memberId: string; role: ClubRole }> {
  const clubId = clubIdOrNotFound(input.clubId);
  const data = parseInput(setMemberRoleInput, input.input);
  const guard: MemberGuard = (roles) => {
    const actor = requireActor(roles.actor);
    if (!can(actor, "member:set-role")) throw forbidden("Only the club's owner can change members' roles.");
    const member = requireMember(roles.member);
    if (member === "owner") throw forbidden("An owner's role can't be changed. To hand the club to someone else, transfer ownership.");
  };
  await setClubMemberRole({ clubId, actorId: input.userId, memberId: data.memberId, role: data.role, guard });
  return { memberId: data.memberId, role: data.role };
}

/** The owner hands the club to another member and stays on as a moderator. */
export async function transferOwnership(input: { clubId: unknown; userId: string; input: unknown }): Promise<void> {
  const clubId = clubIdOrNotFound(input.clubId);
  const data = parseInput(memberTargetInput, input.input);
  const guard: MemberGuard = (roles) => {
    const actor = requireActor(roles.actor);
    if (!can(actor, "club:transfer")) throw forbidden("Only the club's owner can transfer ownership.");
    if (data.memberId === input.userId) throw new AppError("bad_request", "You already own this club. Choose another member.");
    const member = requireMember(roles.member);
    if (member === "owner") throw new AppError("bad_request", "That member is already an owner of this club.");
  };
  await transferClubOwnership({ clubId, actorId: input.userId, memberId: data.memberId, guard });
}

/**
 * Removes someone from the club. The database write alone shuts every page and API out (each
 * request reads the membership); live connections are taken out of the club's rooms after commit.
 */
export async function removeMember(input: { clubId: unknown; userId: string; input: unknown }): Promise<void> {
  const clubId = clubIdOrNotFound(input.clubId);
  const data = parseInput(memberTargetInput, input.input);
  const guard: MemberGuard = (roles) => {
    const actor = requireActor(roles.actor);
    if (!can(actor, "member:remove")) throw forbidden("Only the club's owner and moderators can remove members.");
    if (data.memberId === input.userId) throw new AppError("bad_request", "You can't remove yourself. To go, leave the club instead.");
    const member = requireMember(roles.member);
    if (!canRemoveMember(actor, member)) {
      throw forbidden(member === "owner" ? "The club's owner can't be removed." : "Moderators can remove members, but not other moderators.");
    }
  };
  await deleteClubMember({ clubId, actorId: input.userId, memberId: data.memberId, guard });
  await revokeLiveAccess({ clubId, userId: data.memberId });
}

/** Leaves the club. The last owner stays until they have transferred ownership. */
export async function leaveClub(input: { clubId: unknown; userId: string }): Promise<void> {
  const clubId = clubIdOrNotFound(input.clubId);
  await deleteOwnMembership({
    clubId,
    userId: input.userId,
    guard: ({ role, ownerCount }) => {
      const actor = requireActor(role);
      if (!can(actor, "club:leave")) throw forbidden("You can't leave this club.");
      if (mustTransferBeforeLeaving(actor, ownerCount)) throw new AppError("conflict", lastOwnerMessage);
    },
  });
  await revokeLiveAccess({ clubId, userId: input.userId });
}

async function revokeLiveAccess(input: { clubId: string; userId: string }): Promise<void> {
  const roomIds = await listClubRoomIds({ clubId: input.clubId });
  await revokeClubAccess({ userId: input.userId, clubId: input.clubId, roomIds });
}
