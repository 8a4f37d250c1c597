import "server-only";
import { distinctMemberNames } from "@/lib/accounts/name-labels";
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
import { ensure, resolveClub } from "@/lib/access";
import { door } from "@/lib/doors/door";
import { done, type LiveEvent } from "@/lib/doors/live";
import { AppError, notFound } from "@/lib/errors";
import {
  can,
  canChangeRoleOf,
  canLeaveClub,
  canRemoveMember,
  canTransferOwnershipTo,
  memberActions,
  type ClubAction,
  type MemberActions,
} from "@/lib/permissions";
import { clubParams } from "@/lib/validation/clubs";
import { memberTargetInput, setMemberRoleInput } from "@/lib/validation/members";
import { errorText, type ErrorText } from "@/lib/i18n/error-text";

// The doors of a club's roster: reading it, changing roles, handing the club on, removing a
// member and leaving. `resolve` turns strangers away (not found) and members without the right
// (forbidden) before the payload is read; the writes then decide again, from roles read under
// the row lock (db/queries/members.ts MemberGuard), so a concurrent change can never slip
// between the check and the write. Both ask the same predicates in lib/permissions.ts.

export type RosterMember = {
  id: string;
  name: string;
  role: ClubRole;
  joinedAt: string;
  isViewer: boolean;
  actions: MemberActions;
};

const refusals = {
  setRole: errorText("club.refuseSetRole"),
  transfer: errorText("club.refuseTransfer"),
  remove: errorText("club.refuseRemove"),
  leave: errorText("club.refuseLeave"),
  roster: errorText("club.refuseRoster"),
} as const;

const forbidden = (message: ErrorText) => new AppError("forbidden", message);

/** The club for a member who may take `action` there; strangers get not-found, other members `refusal`. */
function memberWho(action: ClubAction, refusal: ErrorText) {
  return async ({ params, userId }: { params: { clubId: string }; userId: string }) => {
    const access = await resolveClub({ clubId: params.clubId, userId });
    ensure(can(access.role, action), refusal);
    return access;
  };
}

/** The roster page: every member with what the viewer may do to them, and whether the viewer may leave. */
export const loadRosterPage = door({
  params: clubParams,
  what: "club",
  resolve: memberWho("member:view-roster", refusals.roster),
  act: async ({ params, userId, target }) => {
    const [club, rows] = await Promise.all([getClubWithBook({ clubId: params.clubId }), listClubMembers({ clubId: params.clubId })]);
    if (!club) throw notFound("club");
    const viewer = { id: userId, role: target.role };
    const names = distinctMemberNames(rows);
    const members: RosterMember[] = rows.map((row) => ({
      id: row.id,
      name: names.get(row.id) ?? row.name,
      role: row.role,
      joinedAt: row.joinedAt.toISOString(),
      isViewer: row.id === userId,
      actions: memberActions(viewer, row),
    }));
    const ownerCount = rows.filter((row) => row.role === "owner").length;
    return done({
      club: { id: club.id, name: club.name },
      role: target.role,
      members,
      leave: canLeaveClub(target.role, { ownerCount }) ? { allowed: true as const } : { allowed: false as const, reason: "last_owner" as const },
    });
  },
});

// Every guard starts the same way: a caller who is no longer in the club learns nothing.
function lockedActor(actor: ClubRole | null): ClubRole {
  if (!actor) throw notFound("club");
  return actor;
}

function lockedMember(member: ClubRole | null): ClubRole {
  if (!member) throw notFound("member");
  return member;
}

/** Owners make members moderators and moderators members. An owner's role is changed only by a transfer. */
export const changeMemberRole = door({
  params: clubParams,
  what: "club",
  resolve: memberWho("member:set-role", refusals.setRole),
  body: setMemberRoleInput,
  act: async ({ params, body, userId }) => {
    const guard: MemberGuard = (roles) => {
      const actor = lockedActor(roles.actor);
      if (!can(actor, "member:set-role")) throw forbidden(refusals.setRole);
      const member = lockedMember(roles.member);
      if (!canChangeRoleOf(actor, member)) throw forbidden(errorText("club.ownerRoleFixed"));
    };
    await setClubMemberRole({ clubId: params.clubId, actorId: userId, memberId: body.memberId, role: body.role, guard });
    return done({ memberId: body.memberId, role: body.role });
  },
});

/** The owner hands the club to another member and stays on as a moderator. */
export const transferOwnership = door({
  params: clubParams,
  what: "club",
  resolve: memberWho("club:transfer", refusals.transfer),
  body: memberTargetInput,
  act: async ({ params, body, userId }) => {
    const isSelf = body.memberId === userId;
    const guard: MemberGuard = (roles) => {
      const actor = lockedActor(roles.actor);
      if (!can(actor, "club:transfer")) throw forbidden(refusals.transfer);
      if (isSelf) throw new AppError("bad_request", errorText("club.alreadyYours"));
      const member = lockedMember(roles.member);
      if (!canTransferOwnershipTo(actor, { role: member, isSelf })) throw new AppError("bad_request", errorText("club.alreadyOwner"));
    };
    await transferClubOwnership({ clubId: params.clubId, actorId: userId, memberId: body.memberId, guard });
    return done(undefined);
  },
});

/**
 * Removes someone from the club. The database write alone shuts every page and API out (each
 * request reads the membership); the returned event takes their live connections out of the
 * club's rooms after commit, and the door answers only once it has.
 */
export const removeMember = door({
  params: clubParams,
  what: "club",
  resolve: memberWho("member:remove", refusals.remove),
  body: memberTargetInput,
  act: async ({ params, body, userId }) => {
    const guard: MemberGuard = (roles) => {
      const actor = lockedActor(roles.actor);
      if (!can(actor, "member:remove")) throw forbidden(refusals.remove);
      if (body.memberId === userId) throw new AppError("bad_request", errorText("club.removeSelf"));
      const member = lockedMember(roles.member);
      if (!canRemoveMember(actor, member)) {
        throw forbidden(errorText(member === "owner" ? "club.ownerNotRemovable" : "club.moderatorNotRemovable"));
      }
    };
    await deleteClubMember({ clubId: params.clubId, actorId: userId, memberId: body.memberId, guard });
    return done(undefined, await accessRevoked({ clubId: params.clubId, userId: body.memberId }));
  },
});

/** Leaves the club. The last owner stays until they have transferred ownership. */
export const leaveClub = door({
  params: clubParams,
  what: "club",
  resolve: memberWho("club:leave", refusals.leave),
  act: async ({ params, userId }) => {
    await deleteOwnMembership({
      clubId: params.clubId,
      userId,
      guard: ({ role, ownerCount }) => {
        const actor = lockedActor(role);
        if (!can(actor, "club:leave")) throw forbidden(refusals.leave);
        if (!canLeaveClub(actor, { ownerCount })) throw new AppError("conflict", errorText("club.lastOwner"));
      },
    });
    return done(undefined, await accessRevoked({ clubId: params.clubId, userId }));
  },
});

/** The event that takes a former member's sockets out of every room of the club, archived ones too. */
async function accessRevoked(input: { clubId: string; userId: string }): Promise<LiveEvent> {
  const roomIds = await listClubRoomIds({ clubId: input.clubId });
  return { type: "club:access-revoked", userId: input.userId, clubId: input.clubId, roomIds };
}
