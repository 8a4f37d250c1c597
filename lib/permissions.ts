import type { ClubRole } from "@/db/schema/clubs";

// Pages and components name roles through here, not through the schema (docs/decisions/0008-fences.md).
export type { ClubRole };

/**
 * Who may do what in a club: the one place that decides. Every page, route handler, server
 * action and socket event asks here, with the caller's role in *that* club (null when the caller
 * is not a member). Rules that also depend on the target (whose reply, whose membership) are the
 * functions below the matrix.
 */
const matrix = {
  "club:view": ["owner", "moderator", "member"],
  "club:edit": ["owner"],
  // The whole discussion in one file (docs/decisions/0029-export.md): the owner's, as the club is.
  "club:export": ["owner"],
  "club:leave": ["owner", "moderator", "member"],
  "room:read": ["owner", "moderator", "member"],
  "reply:create": ["owner", "moderator", "member"],
  "reply:create-in-locked-room": ["owner", "moderator"],
  "reply:edit-own": ["owner", "moderator", "member"],
  "reply:delete-own": ["owner", "moderator", "member"],
  "reply:react": ["owner", "moderator", "member"],
  "reply:pin": ["owner", "moderator"],
  "reply:hide": ["owner", "moderator"],
  "reply:view-hidden": ["owner", "moderator"],
  "reply:view-history": ["owner", "moderator"],
  "room:lock": ["owner", "moderator"],
  "room:manage": ["owner", "moderator"],
  "book:manage": ["owner", "moderator"],
  "invite:manage": ["owner", "moderator"],
  "member:view-roster": ["owner", "moderator", "member"],
  "member:remove": ["owner", "moderator"],
  "member:set-role": ["owner"],
  "club:transfer": ["owner"],
  "meeting:view": ["owner", "moderator", "member"],
  "meeting:rsvp": ["owner", "moderator", "member"],
  "meeting:schedule": ["owner", "moderator"],
  "meeting:set-marker": ["owner", "moderator"],
  "poll:view": ["owner", "moderator", "member"],
  "poll:vote": ["owner", "moderator", "member"],
  "poll:propose": ["owner", "moderator", "member"],
  "poll:manage": ["owner", "moderator"],
} as const satisfies Record<string, readonly ClubRole[]>;

export type ClubAction = keyof typeof matrix;

export const clubActions = Object.keys(matrix) as ClubAction[];

export function can(role: ClubRole | null | undefined, action: ClubAction): boolean {
  if (!role) return false;
  return (matrix[action] as readonly ClubRole[]).includes(role);
}

/** The matrix as rows, for documentation and tests. */
export function permissionMatrix(): { action: ClubAction; roles: readonly ClubRole[] }[] {
  return clubActions.map((action) => ({ action, roles: matrix[action] }));
}

/** Owners remove moderators and members; moderators remove members only; nobody removes an owner. */
export function canRemoveMember(actor: ClubRole | null | undefined, target: ClubRole): boolean {
  if (!can(actor, "member:remove") || target === "owner") return false;
  return actor === "owner" || target === "member";
}

/** Authors edit and delete their own replies; moderators hide rather than edit or delete others'. */
export function canEditReply(actor: ClubRole | null | undefined, input: { isAuthor: boolean }): boolean {
  return input.isAuthor && can(actor, "reply:edit-own");
}

export function canDeleteReply(actor: ClubRole | null | undefined, input: { isAuthor: boolean }): boolean {
  return input.isAuthor && can(actor, "reply:delete-own");
}

/** Authors see their own reply's history; moderators see anyone's. */
export function canViewReplyHistory(actor: ClubRole | null | undefined, input: { isAuthor: boolean }): boolean {
  return can(actor, "reply:view-history") || (input.isAuthor && can(actor, "room:read"));
}

/**
 * Who may read a reply's stored text (its Markdown source and rendered HTML): moderators, a
 * hidden reply's included, and the author of a visible reply, who needs the source to edit it.
 * A deleted reply has no text left for anyone.
 */
export function canReadReplySource(actor: ClubRole | null | undefined, reply: { isAuthor: boolean; state: "visible" | "hidden" | "deleted" }): boolean {
  if (reply.state === "deleted") return false;
  return can(actor, "reply:view-hidden") || (reply.isAuthor && reply.state === "visible" && can(actor, "room:read"));
}

/** Whether a reply's current text belongs in its history for this reader: visible to all members, hidden to moderators only. */
export function canSeeCurrentReplyText(actor: ClubRole | null | undefined, reply: { state: "visible" | "hidden" | "deleted" }): boolean {
  if (reply.state === "visible") return can(actor, "room:read");
  return reply.state === "hidden" && can(actor, "reply:view-hidden");
}

/** What a reader may do to one reply, as its buttons offer it. */
export type ReplyActions = { react: boolean; reply: boolean; edit: boolean; delete: boolean; pin: boolean; hide: boolean; viewHidden: boolean; viewHistory: boolean };

/**
 * Every action on one reply for this reader, in one place: the page offers exactly these, and the
 * doors refuse the rest clause by clause (lib/discussion/replies.ts and moderation.ts: forbidden
 * for someone else's reply, locked for a locked room, conflict for a deleted or hidden one), so
 * each refusal can say which rule it met.
 */
export function replyActions(
  actor: ClubRole | null | undefined,
  reply: { isAuthor: boolean; state: "visible" | "hidden" | "deleted"; edited: boolean },
  room: { locked: boolean },
): ReplyActions {
  const visible = reply.state === "visible";
  const mayPost = canPostInRoom(actor, room);
  return {
    react: visible && canReactInRoom(actor, room),
    reply: visible && mayPost,
    edit: visible && mayPost && canEditReply(actor, reply),
    delete: reply.state !== "deleted" && canDeleteReply(actor, reply),
    pin: visible && can(actor, "reply:pin"),
    hide: can(actor, "reply:hide"),
    viewHidden: reply.state === "hidden" && can(actor, "reply:view-hidden"),
    viewHistory: reply.edited && canViewReplyHistory(actor, reply),
  };
}

/**
 * Members react to visible replies. A locked room is a paused conversation: reactions freeze
 * with it (given and taken back alike) as replies and edits do, except for moderators, who may
 * still post there; an archived question takes none (docs/decisions/0016-reactions-and-presence.md).
 */
export function canReactInRoom(actor: ClubRole | null | undefined, room: { locked: boolean }): boolean {
  return can(actor, "reply:react") && (!room.locked || can(actor, "reply:create-in-locked-room"));
}

export function canPostInRoom(actor: ClubRole | null | undefined, room: { locked: boolean }): boolean {
  return room.locked ? can(actor, "reply:create-in-locked-room") : can(actor, "reply:create");
}

// ---- membership: roles, ownership, leaving (lib/clubs/members.ts asks these, under the row lock) ----

/** Owners make members moderators and moderators members; an owner's role changes only by a transfer. */
export function canChangeRoleOf(actor: ClubRole | null | undefined, member: ClubRole): boolean {
  return can(actor, "member:set-role") && member !== "owner";
}

/** The owner hands the club to another member who is not already an owner. */
export function canTransferOwnershipTo(actor: ClubRole | null | undefined, target: { role: ClubRole; isSelf: boolean }): boolean {
  return can(actor, "club:transfer") && !target.isSelf && target.role !== "owner";
}

/** The last owner has to hand the club on first, or it would be left with nobody to run it. */
export function mustTransferBeforeLeaving(role: ClubRole, ownerCount: number): boolean {
  return role === "owner" && ownerCount <= 1;
}

/** Any member may leave, except the club's last owner (see mustTransferBeforeLeaving). */
export function canLeaveClub(role: ClubRole | null | undefined, club: { ownerCount: number }): boolean {
  return !!role && can(role, "club:leave") && !mustTransferBeforeLeaving(role, club.ownerCount);
}

/** What the roster offers a viewer for one member's row. */
export type MemberActions = { promote: boolean; demote: boolean; transfer: boolean; remove: boolean };

/**
 * The roster's buttons for one member, by the same predicates the membership doors enforce.
 * Acting on yourself is never a roster action: leaving has its own button.
 */
export function memberActions(viewer: { id: string; role: ClubRole }, member: { id: string; role: ClubRole }): MemberActions {
  if (viewer.id === member.id) return { promote: false, demote: false, transfer: false, remove: false };
  return {
    promote: member.role === "member" && canChangeRoleOf(viewer.role, member.role),
    demote: member.role === "moderator" && canChangeRoleOf(viewer.role, member.role),
    transfer: canTransferOwnershipTo(viewer.role, { role: member.role, isSelf: false }),
    remove: canRemoveMember(viewer.role, member.role),
  };
}

// ---- invites ----

/** Owners and moderators make, list and revoke invite links; other members only see that the page exists. */
export function canManageInvites(actor: ClubRole | null | undefined): boolean {
  return can(actor, "invite:manage");
}

// ---- meetings ----

/**
 * Members answer going / maybe / not going until a meeting has ended; a cancelled meeting takes
 * no answers. The meeting page opens or closes its RSVP panel by the same rule.
 */
export function canRsvpToMeeting(actor: ClubRole | null | undefined, meeting: { cancelled: boolean; ended: boolean }): boolean {
  return can(actor, "meeting:rsvp") && !meeting.cancelled && !meeting.ended;
}

/** Moderators change a meeting unless it was cancelled; one that already happened may still get its notes fixed. */
export function canEditMeeting(actor: ClubRole | null | undefined, meeting: { cancelled: boolean }): boolean {
  return can(actor, "meeting:schedule") && !meeting.cancelled;
}

// ---- polls ----

/** Members vote while a poll is open; nobody votes once it has closed (by hand or at its closing time). */
export function canVoteInPoll(actor: ClubRole | null | undefined, poll: { open: boolean }): boolean {
  return can(actor, "poll:vote") && poll.open;
}

/** Members propose books for an open next-book vote while its moderator keeps proposals open. */
export function canProposeInPoll(actor: ClubRole | null | undefined, poll: { open: boolean; kind: "question" | "next_book"; proposalsOpen: boolean }): boolean {
  return can(actor, "poll:propose") && poll.open && poll.kind === "next_book" && poll.proposalsOpen;
}
