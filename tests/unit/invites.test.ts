import { describe, expect, it } from "vitest";
import { inviteProblem } from "@/db/queries/invites";
import { newInviteToken } from "@/lib/clubs/invites";
import { createInviteInput, inviteToken } from "@/lib/validation/invites";

const now = new Date("2030-06-01T12:00:00Z");
const later = new Date("2030-06-02T12:00:00Z");
const open = { revokedAt: null, expiresAt: later, uses: 0, maxUses: null };

describe("inviteProblem", () => {
  it("finds nothing wrong with an unrevoked, unexpired link without a use limit", () => {
    expect(inviteProblem({ ...open, uses: 500 }, now)).toBeNull();
  });

  it("calls a link expired from the exact moment it expires", () => {
    expect(inviteProblem({ ...open, expiresAt: new Date(now.getTime() + 1) }, now)).toBeNull();
    expect(inviteProblem({ ...open, expiresAt: now }, now)).toBe("expired");
  });

  it("calls a link used up once its uses reach the limit", () => {
    expect(inviteProblem({ ...open, uses: 1, maxUses: 2 }, now)).toBeNull();
    expect(inviteProblem({ ...open, uses: 2, maxUses: 2 }, now)).toBe("used_up");
  });

  it("reports a revoked link as revoked even when it has also expired and been used up", () => {
    expect(inviteProblem({ revokedAt: now, expiresAt: now, uses: 2, maxUses: 2 }, now)).toBe("revoked");
  });
});

describe("createInviteInput", () => {
  it("reads the form's strings, defaulting to seven days and no limit", () => {
    expect(createInviteInput.parse({})).toEqual({ expiresInDays: 7, maxUses: null });
    expect(createInviteInput.parse({ expiresInDays: "30", maxUses: " " })).toEqual({ expiresInDays: 30, maxUses: null });
    expect(createInviteInput.parse({ expiresInDays: "1", maxUses: "12" })).toEqual({ expiresInDays: 1, maxUses: 12 });
  });

  it.each([["3"], ["-7"], ["seven"]])("refuses an expiry of %s days", (days) => {
    expect(createInviteInput.safeParse({ expiresInDays: days }).success).toBe(false);
  });

  it.each([["0"], ["1001"], ["1.5"], ["many"]])("refuses %s as a number of uses", (uses) => {
    expect(createInviteInput.safeParse({ maxUses: uses }).success).toBe(false);
  });
});

describe("invite tokens", () => {
  it("are 32 URL-safe characters and never repeat", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => newInviteToken()));
    expect(tokens.size).toBe(200);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(inviteToken.safeParse(token).success).toBe(true);
    }
  });

  it("refuses anything that could not have come from newInviteToken's alphabet", () => {
    for (const value of ["", "a/b", "a b", "x".repeat(101), "%2e%2e"]) expect(inviteToken.safeParse(value).success).toBe(false);
  });
});
