import { describe, expect, it } from "vitest";
import type { ClubRole } from "@/db/schema/clubs";
import { canChangeRoleOf, canLeaveClub, canManageInvites, canTransferOwnershipTo, memberActions, mustTransferBeforeLeaving } from "@/lib/permissions";
import { memberTargetInput, setMemberRoleInput } from "@/lib/validation/members";
import { issueWords } from "@/tests/error-words";

const viewer = (role: ClubRole) => ({ id: "viewer", role });
const target = (role: ClubRole) => ({ id: "target", role });
const none = { promote: false, demote: false, transfer: false, remove: false };

describe("roster actions", () => {
  it("give the owner promote, transfer and remove for a member", () => {
    expect(memberActions(viewer("owner"), target("member"))).toEqual({ promote: true, demote: false, transfer: true, remove: true });
  });

  it("give the owner demote, transfer and remove for a moderator", () => {
    expect(memberActions(viewer("owner"), target("moderator"))).toEqual({ promote: false, demote: true, transfer: true, remove: true });
  });

  it("give nobody anything over another owner", () => {
    for (const role of ["owner", "moderator", "member"] as const) expect(memberActions(viewer(role), target("owner"))).toEqual(none);
  });

  it("give a moderator only removal, and only of members", () => {
    expect(memberActions(viewer("moderator"), target("member"))).toEqual({ ...none, remove: true });
    expect(memberActions(viewer("moderator"), target("moderator"))).toEqual(none);
  });

  it("give a member nothing", () => {
    expect(memberActions(viewer("member"), target("member"))).toEqual(none);
    expect(memberActions(viewer("member"), target("moderator"))).toEqual(none);
  });

  it("never offer anything on your own row", () => {
    expect(memberActions(viewer("owner"), { id: "viewer", role: "owner" })).toEqual(none);
    expect(memberActions(viewer("moderator"), { id: "viewer", role: "moderator" })).toEqual(none);
  });
});

describe("leaving", () => {
  it("needs a transfer first only for the last owner", () => {
    expect(mustTransferBeforeLeaving("owner", 1)).toBe(true);
    expect(mustTransferBeforeLeaving("owner", 2)).toBe(false);
    expect(mustTransferBeforeLeaving("moderator", 1)).toBe(false);
    expect(mustTransferBeforeLeaving("member", 1)).toBe(false);
  });
});

describe("membership predicates", () => {
  it("let only the owner change roles, and nobody an owner's", () => {
    expect(canChangeRoleOf("owner", "member")).toBe(true);
    expect(canChangeRoleOf("owner", "moderator")).toBe(true);
    expect(canChangeRoleOf("owner", "owner")).toBe(false);
    expect(canChangeRoleOf("moderator", "member")).toBe(false);
    expect(canChangeRoleOf(null, "member")).toBe(false);
  });

  it("let the owner hand the club only to someone else who is not an owner", () => {
    expect(canTransferOwnershipTo("owner", { role: "member", isSelf: false })).toBe(true);
    expect(canTransferOwnershipTo("owner", { role: "owner", isSelf: false })).toBe(false);
    expect(canTransferOwnershipTo("owner", { role: "owner", isSelf: true })).toBe(false);
    expect(canTransferOwnershipTo("moderator", { role: "member", isSelf: false })).toBe(false);
  });

  it("let every member leave except the last owner, and a non-member not at all", () => {
    expect(canLeaveClub("member", { ownerCount: 1 })).toBe(true);
    expect(canLeaveClub("owner", { ownerCount: 2 })).toBe(true);
    expect(canLeaveClub("owner", { ownerCount: 1 })).toBe(false);
    expect(canLeaveClub(null, { ownerCount: 1 })).toBe(false);
  });

  it("let owners and moderators manage invites", () => {
    expect(canManageInvites("owner")).toBe(true);
    expect(canManageInvites("moderator")).toBe(true);
    expect(canManageInvites("member")).toBe(false);
    expect(canManageInvites(null)).toBe(false);
  });
});

describe("member input", () => {
  const memberId = "7a6c2f3e-1b2d-4c5e-8f90-123456789abc";

  it("accepts moderator and member as roles, and never owner", () => {
    expect(setMemberRoleInput.safeParse({ memberId, role: "moderator" }).success).toBe(true);
    expect(setMemberRoleInput.safeParse({ memberId, role: "member" }).success).toBe(true);
    const owner = setMemberRoleInput.safeParse({ memberId, role: "owner" });
    expect(owner.success).toBe(false);
    expect(issueWords(owner.error?.issues[0])).toBe("A member's role can be moderator or member.");
  });

  it("rejects an id that is not a user id, and input that is not an object, with a readable message", () => {
    expect(issueWords(memberTargetInput.safeParse({ memberId: "ruth" }).error?.issues[0])).toBe("Choose a member of this club.");
    expect(issueWords(memberTargetInput.safeParse("ruth").error?.issues[0])).toMatch(/not understood/);
  });
});
