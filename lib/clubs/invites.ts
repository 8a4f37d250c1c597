import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { getClubName } from "@/db/queries/clubs";
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
import { ensure, resolveClub, type ClubAccess } from "@/lib/access";
import { door } from "@/lib/doors/door";
import { done, type Done } from "@/lib/doors/live";
import { AppError, notFound } from "@/lib/errors";
import { canManageInvites } from "@/lib/permissions";
import { clubParams } from "@/lib/validation/clubs";
import { createInviteInput, inviteLinkParams, inviteParams, inviteToken } from "@/lib/validation/invites";
import { errorText, type ErrorKey } from "@/lib/i18n/error-text";

export type InviteStatus = "active" | InviteProblem;

/** An invite as the club's moderators see it in the list. */
export type InviteView = {
  id: string;
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

const invitePath = (token: string) => `/invite/${token}`;

export function newInviteToken(): string {
  return randomBytes(24).toString("base64url");
}

/**
 * What the database holds for a link's token: its SHA-256 as hex, the same as migration 0004's
 * `encode(sha256(convert_to(token, 'UTF8')), 'hex')`. A token has 192 random bits, so an
 * unsalted fast hash is enough: there is nothing to guess.
 */
export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The club for someone who manages its invites; other members are told no, strangers that nothing exists. */
async function resolveInviteManager({ params, userId }: { params: { clubId: string }; userId: string }): Promise<ClubAccess> {
  const access = await resolveClub({ clubId: params.clubId, userId });
  ensure(canManageInvites(access.role), errorText("invite.refuseManage"));
  return access;
}

/** A new link, open for `body.expiresInDays` days from now and for `body.maxUses` joins (null: no limit). */
export const createClubInvite = door({
  params: clubParams,
  what: "club",
  resolve: resolveInviteManager,
  body: createInviteInput,
  limit: "invite:create",
  act: async ({ params, body, userId, now }): Promise<Done<{ id: string; path: string }>> => {
    // The link is shown once, here: the database keeps only the token's hash, so the list
    // cannot show it again (a moderator who lost it makes a new one).
    const token = newInviteToken();
    const invite = await createInvite({
      clubId: params.clubId,
      createdById: userId,
      tokenHash: hashInviteToken(token),
      expiresAt: new Date(now.getTime() + body.expiresInDays * dayMs),
      maxUses: body.maxUses,
    });
    return done({ id: invite.id, path: invitePath(token) });
  },
});

/** The club's invites, newest first, each with its status at `now`. */
async function inviteViews(input: { clubId: string; now: Date }): Promise<InviteView[]> {
  const rows = await listClubInvites({ clubId: input.clubId });
  return rows.map((row) => ({
    id: row.id,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    uses: row.uses,
    maxUses: row.maxUses,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: inviteProblem(row, input.now) ?? "active",
  }));
}

export const listInvites = door({
  params: clubParams,
  what: "club",
  resolve: resolveInviteManager,
  act: async ({ params, now }) => done(await inviteViews({ clubId: params.clubId, now })),
});

/**
 * The invites page: any member may reach it (the club is theirs to see), but only those who
 * manage invites get the list; for the rest `invites` is null and the page explains why.
 */
export const loadInvitesPage = door({
  params: clubParams,
  what: "club",
  resolve: ({ params, userId }) => resolveClub({ clubId: params.clubId, userId }),
  act: async ({ params, target, now }) => {
    const club = await getClubName({ clubId: params.clubId });
    if (!club) throw notFound("club");
    const invites = canManageInvites(target.role) ? await inviteViews({ clubId: params.clubId, now }) : null;
    return done({ club, role: target.role, invites });
  },
});

/** Turns a link off. Revoking twice (two moderators, or a double click) leaves it revoked: nothing to report. */
export const revokeClubInvite = door({
  params: inviteParams,
  what: "invite",
  resolve: resolveInviteManager,
  act: async ({ params }) => {
    const result = await revokeInvite({ clubId: params.clubId, inviteId: params.inviteId });
    if (result === "not_found") throw notFound("invite");
    return done(undefined);
  },
});

/**
 * What an invite link shows. Only a usable link (or one opened by a member) shows the club:
 * it is the one place a non-member learns a club's name, and only with a valid token.
 * Not a door: the page behind a link is also for people who are not signed in yet (`userId`
 * null), and the token itself is the credential.
 */
export async function viewInvite(input: { token: unknown; userId: string | null; now?: Date }): Promise<InvitePreview> {
  const token = inviteToken.safeParse(input.token);
  if (!token.success) return { status: "unknown" };
  const invite = await findInviteByToken({ tokenHash: hashInviteToken(token.data), userId: input.userId });
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

/**
 * Joins the club behind a link. The token is the credential, so there is nothing to resolve
 * beyond reading it; a malformed one is answered like an unknown one, never as an error.
 * Joining again is harmless and uses nothing up.
 */
export const joinClubWithInvite = door({
  params: inviteLinkParams,
  what: "inviteLink",
  resolve: async ({ params }) => params.token,
  act: async ({ target: token, userId, now }): Promise<Done<JoinResult>> =>
    done(token ? await redeemInvite({ tokenHash: hashInviteToken(token), userId, now }) : { status: "unknown" }),
});

/** Why a link let nobody in, as the join button's refusal says it (the invite page says the same from the `invite` messages). */
const inviteRefusals = {
  unknown: "invite.unknown",
  expired: "invite.expired",
  revoked: "invite.revoked",
  used_up: "invite.usedUp",
} as const satisfies Record<InviteProblem | "unknown", ErrorKey>;

/**
 * The club a join let the caller into (joined now or before), or the refusal as the AppError
 * the join button shows: not-found for an unknown link, conflict for an expired, revoked or
 * used-up one, in the errors messages' invite.* words.
 */
export function joinedClubOrRefusal(result: JoinResult): { clubId: string } {
  if (result.status === "joined" || result.status === "already_member") return { clubId: result.clubId };
  throw new AppError(result.status === "unknown" ? "not_found" : "conflict", errorText(inviteRefusals[result.status]));
}
