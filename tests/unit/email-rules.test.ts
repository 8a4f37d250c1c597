import { beforeAll, describe, expect, it } from "vitest";
import { batchNotAfter, deliveryOf, digestDay, digestDue } from "@/lib/email/rules";
import { readUnsubscribeToken, signUnsubscribeToken } from "@/lib/email/unsubscribe-token";

describe("how a kind reaches a member", () => {
  it("is the member's choice, else the kind's default, and stays in the app for an unknown kind", () => {
    const chosen = new Map([["reply", "off" as const]]);
    expect(deliveryOf("reply", chosen)).toBe("off");
    expect(deliveryOf("mention", chosen)).toBe("email");
    expect(deliveryOf("meeting_scheduled", chosen)).toBe("digest");
    expect(deliveryOf("carrier_pigeon", chosen)).toBe("app");
  });
});

describe("batched email", () => {
  it("lets the next email go 15 minutes after the last", () => {
    expect(batchNotAfter(new Date("2026-06-01T10:15:00Z")).toISOString()).toBe("2026-06-01T10:00:00.000Z");
  });
});

describe("the digest's 9:00", () => {
  it("is 9:00 on the member's own calendar day, across a DST change", () => {
    // London springs forward on 29 March 2026: 9:00 is 09:00 UTC before, 08:00 UTC after.
    expect(digestDay(new Date("2026-03-28T12:00:00Z"), "Europe/London")).toEqual({
      localDate: "2026-03-28",
      digestAt: new Date("2026-03-28T09:00:00Z"),
    });
    expect(digestDay(new Date("2026-03-30T12:00:00Z"), "Europe/London")).toEqual({
      localDate: "2026-03-30",
      digestAt: new Date("2026-03-30T08:00:00Z"),
    });
    // Kathmandu is UTC+5:45; late on 1 June UTC it is already 2 June there.
    expect(digestDay(new Date("2026-06-01T20:00:00Z"), "Asia/Kathmandu").localDate).toBe("2026-06-02");
    expect(digestDay(new Date("2026-06-01T20:00:00Z"), "Asia/Kathmandu").digestAt).toEqual(new Date("2026-06-02T03:15:00Z"));
  });

  it("counts a missing or unknown zone as UTC", () => {
    expect(digestDay(new Date("2026-06-01T10:00:00Z"), null).digestAt).toEqual(new Date("2026-06-01T09:00:00Z"));
    expect(digestDay(new Date("2026-06-01T10:00:00Z"), "Nowhere/Else").digestAt).toEqual(new Date("2026-06-01T09:00:00Z"));
  });

  it("is due once a day, at or after 9:00, for what arrived before that 9:00", () => {
    const now = new Date("2026-06-01T09:00:00Z");
    const day = digestDay(now, "UTC");
    const before = new Date("2026-06-01T08:00:00Z");
    expect(digestDue({ now, day, lastDigestOn: null, oldestWaiting: before })).toBe(true);
    expect(digestDue({ now, day, lastDigestOn: "2026-05-31", oldestWaiting: before })).toBe(true);
    expect(digestDue({ now, day, lastDigestOn: "2026-06-01", oldestWaiting: before })).toBe(false);
    expect(digestDue({ now: new Date("2026-06-01T08:59:00Z"), day, lastDigestOn: null, oldestWaiting: before })).toBe(false);
    // Arrived after today's 9:00: waits for tomorrow's.
    expect(digestDue({ now: new Date("2026-06-01T15:00:00Z"), day, lastDigestOn: null, oldestWaiting: new Date("2026-06-01T10:00:00Z") })).toBe(false);
    // The worker was down at 9:00: sent late, still once.
    expect(digestDue({ now: new Date("2026-06-01T15:00:00Z"), day, lastDigestOn: "2026-05-31", oldestWaiting: before })).toBe(true);
  });
});

describe("unsubscribe tokens", () => {
  beforeAll(() => {
    process.env.NEXTAUTH_SECRET = "unit-test-secret-0123456789";
  });
  const userId = "6f1c2a5e-8b7d-4c3e-9a1f-2b3c4d5e6f70";

  it("read back the member and kinds they were signed for", () => {
    const token = signUnsubscribeToken({ userId, kinds: ["reply", "mention"] });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(readUnsubscribeToken(token)).toEqual({ userId, kinds: ["mention", "reply"] });
  });

  it("refuse any change to the payload or signature, and tokens signed with another secret", () => {
    const token = signUnsubscribeToken({ userId, kinds: ["reply"] });
    const [payload, signature] = token.split(".") as [string, string];
    for (let index = 0; index < signature.length; index++) {
      const swapped = signature[index] === "A" ? "B" : "A";
      expect(readUnsubscribeToken(`${payload}.${signature.slice(0, index)}${swapped}${signature.slice(index + 1)}`)).toBeNull();
    }
    const other = Buffer.from(JSON.stringify({ u: userId, k: ["reply", "mention"] })).toString("base64url");
    expect(readUnsubscribeToken(`${other}.${signature}`)).toBeNull();
    process.env.NEXTAUTH_SECRET = "another-secret-0123456789abcdef";
    expect(readUnsubscribeToken(token)).toBeNull();
    process.env.NEXTAUTH_SECRET = "unit-test-secret-0123456789";
    expect(readUnsubscribeToken(token)).not.toBeNull();
    expect(readUnsubscribeToken(42)).toBeNull();
  });
});
