import { randomBytes } from "node:crypto";
import { getClubName, getMembershipRole } from "@/db/queries/clubs";
import {
  createInvite,
  findInviteByToken,
  inviteProblem,
  type InviteProblem,
  listClubInvites,
  redeemInvite,
  type RedeemInviteResult,
  revokeInvite,
} from "@/db/queries/invites";
import type { ClubRole } from "@/db/schema/clubs";
import { requireClubPermission } from "@/lib/access";
import { notFound } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { createInviteInput, inviteToken } from "@/lib/validation/invites";
import { parseInput } from "@/lib/validation/parse";
import { uuidParam } from "@/lib/validation/ids";

export type InviteStatus = "active" | InviteProblem;

/** An invite as the club's moderators see it in the list. */
export type InviteView = {
  id: string;
  path: string;
  createdByName: string | null;
  createdAt: string;
  expiresAt: string;
  uses: number;
  maxUses: number | null;
  revokedAt: string | null;
  status: InviteStatus;
};

/** What the page behind an invite link may show to whoever opened it. */
export type InvitePreview =
  | { status: "unknown" }
  | { status: InviteProblem }
  | {
      status: "active" | "member";
      club: { id: string; name: string; description: string; book: { title: string; author: string } | null };
    };

const dayMs = 24 * 60 * 60 * 1000;

export const invitePath = (token: string) => `/invite/${token}`;

export function newInviteToken(): string {
  return randomBytes(24).toString("base64url");
}

/** Owners and moderators manage invites; members are told no, strangers are told nothing exists. */
function requireInviteManager(input: { clubId: unknown; userId: string }): Promise<{ clubId: string; role: ClubRole }> {
  return requireClubPermission({ ...input, action: "invite:manage", refusal: "Only the club's owner and moderators can manage invite links." });
}

export async function createClubInvite(input: { clubId: unknown; userId: string; body: unknown; now?: Date }): Promise<{ id: string; path: string }> {
  const { clubId } = await requireInviteManager(input);
  const data = parseInput(createInviteInput, input.body);
  const now = input.now ?? new Date();
  const invite = await createInvite({
    clubId,
    createdById: input.userId,
    token: newInviteToken(),
    expiresAt: new Date(now.getTime() + data.expiresInDays * dayMs),
    maxUses: data.maxUses,
  });
  return { id: invite.id, path: invitePath(invite.token) };
}

export async function listInvites(input: { clubId: unknown; userId: string; now?: Date }): Promise<InviteView[]> {
  const { clubId } = await requireInviteManager(input);
  const now = input.now ?? new Date();
  const rows = await listClubInvites({ clubId });
  return rows.map((row) => ({
    id: row.id,
    path: invitePath(row.token),
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    uses: row.uses,
    maxUses: row.maxUses,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: inviteProblem(row, now) ?? "active",
  }));
}

/**
 * The invites page: any member may reach it (the club is theirs to see), but only those who
 * manage invites get the list; for the rest `invites` is null and the page explains why.
 */
export async function loadInvitesPage(input: { clubId: string; userId: string }) {
  if (!uuidParam.safeParse(input.clubId).success) throw notFound("This club");
  const role = await getMembershipRole({ clubId: input.clubId, userId: input.userId });
  if (!role || !can(role, "club:view")) throw notFound("This club");
  const club = await getClubName({ clubId: input.clubId });
  if (!club) throw notFound("This club");
  const invites = can(role, "invite:manage") ? await listInvites(input) : null;
  return { club, role, invites };
}

export async function revokeClubInvite(input: { clubId: unknown; inviteId: unknown; userId: string }): Promise<void> {
  const { clubId } = await requireInviteManager(input);
  const inviteId = uuidParam.safeParse(input.inviteId);
  if (!inviteId.success) throw notFound("This invite");
  const result = await revokeInvite({ clubId, inviteId: inviteId.data });
  // Revoking twice (two moderators, or a double click) leaves it revoked: nothing to report.
  if (result === "not_found") throw notFound("This invite");
}

/**
 * What an invite link shows. Only a usable link (or one opened by a member) shows the club:
 * it is the one place a non-member learns a club's name, and only with a valid token.
 */
export async function viewInvite(input: { token: unknown; userId: string | null; now?: Date }): Promise<InvitePreview> {
  const token = inviteToken.safeParse(input.token);
  if (!token.success) return { status: "unknown" };
  const invite = await findInviteByToken({ token: token.data, userId: input.userId });
  if (!invite) return { status: "unknown" };
  const club = {
    id: invite.clubId,
    name: invite.club.name,
    description: invite.club.description,
    book: invite.book ? { title: invite.book.title, author: invite.book.author } : null,
  };
  if (invite.viewerRole) return { status: "member", club };
  const problem = inviteProblem(invite, input.now ?? new Date());
  if (problem) return { status: problem };
  return { status: "active", club };
}

export type JoinResult = RedeemInviteResult;

/** Joins the club behind a link. Joining again is harmless and uses nothing up. */
export async function joinClubWithInvite(input: { token: unknown; userId: string; now?: Date }): Promise<JoinResult> {
  const token = inviteToken.safeParse(input.token);
  if (!token.success) return { status: "unknown" };
  return redeemInvite({ token: token.data, userId: input.userId, now: input.now });
}

/** Why a link let nobody in, in the words its page and the join button use. */
export const inviteProblemMessages: Record<InviteProblem | "unknown", { title: string; body: string }> = {
  unknown: {
    title: "This invite link isn't valid",
    body: "Check that the whole link was copied, or ask the person who invited you for a new one.",
  },
  expired: {
    title: "This invite link has expired",
    body: "Invite links stay open for a limited time. Ask the person who invited you for a fresh link.",
  },
  revoked: {
    title: "This invite link has been revoked",
    body: "The club turned this link off, so it no longer lets anyone join. Ask the person who invited you for a new one.",
  },
  used_up: {
    title: "This invite link has been used up",
    body: "It has already let in as many people as it was made for. Ask the person who invited you for a new one.",
  },
};
