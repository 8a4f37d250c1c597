import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { clubMembers } from "@/db/schema/clubs";
import { invites } from "@/db/schema/invites";
import { AppError } from "@/lib/errors";
import { createClubInvite, joinClubWithInvite, listInvites, revokeClubInvite, viewInvite } from "@/lib/clubs/invites";
import { createTestClub, createTestUser } from "./factories";

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function clubInvites(clubId: string) {
  return getDb().select().from(invites).where(eq(invites.clubId, clubId));
}

async function inviteRow(inviteId: string) {
  const [row] = await getDb().select().from(invites).where(eq(invites.id, inviteId));
  if (!row) throw new Error("invite missing");
  return row;
}

async function memberIds(clubId: string): Promise<string[]> {
  const rows = await getDb().select({ userId: clubMembers.userId }).from(clubMembers).where(eq(clubMembers.clubId, clubId));
  return rows.map((row) => row.userId).sort();
}

// Opens several pooled connections up front, so racing transactions really run side by side
// instead of queueing behind the connection handshake.
async function warmConnections() {
  await Promise.all(Array.from({ length: 6 }, () => getDb().execute(sql`select pg_sleep(0.05)`)));
}

const tokenOf = (path: string) => path.replace(/^\/invite\//, "");

async function setting() {
  const owner = await createTestUser("Owner");
  const moderator = await createTestUser("Moderator");
  const member = await createTestUser("Member");
  const stranger = await createTestUser("Stranger");
  const club = await createTestClub({
    members: [
      { userId: owner.id, role: "owner" },
      { userId: moderator.id, role: "moderator" },
      { userId: member.id, role: "member" },
    ],
  });
  return { owner, moderator, member, stranger, clubId: club.clubId };
}

describe("creating invites", () => {
  it("lets the owner and a moderator create links that expire in the chosen number of days", async () => {
    const { owner, moderator, clubId } = await setting();
    const now = new Date("2030-01-01T12:00:00Z");
    const byOwner = await createClubInvite({ clubId, userId: owner.id, body: { expiresInDays: "30", maxUses: "" }, now });
    const byModerator = await createClubInvite({ clubId, userId: moderator.id, body: { expiresInDays: "1", maxUses: "5" }, now });

    expect(byOwner.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{32}$/);
    const ownerRow = await inviteRow(byOwner.id);
    expect(ownerRow).toMatchObject({ clubId, createdById: owner.id, maxUses: null, uses: 0, revokedAt: null });
    expect(ownerRow.expiresAt.toISOString()).toBe("2030-01-31T12:00:00.000Z");
    const moderatorRow = await inviteRow(byModerator.id);
    expect(moderatorRow).toMatchObject({ createdById: moderator.id, maxUses: 5 });
    expect(moderatorRow.expiresAt.toISOString()).toBe("2030-01-02T12:00:00.000Z");
  });

  it("defaults to a link that stays open for seven days with no limit on uses", async () => {
    const { owner, clubId } = await setting();
    const now = new Date("2030-03-01T00:00:00Z");
    const invite = await createClubInvite({ clubId, userId: owner.id, body: {}, now });
    const row = await inviteRow(invite.id);
    expect(row.expiresAt.toISOString()).toBe("2030-03-08T00:00:00.000Z");
    expect(row.maxUses).toBeNull();
  });

  it("refuses a plain member with forbidden and writes nothing", async () => {
    const { member, clubId } = await setting();
    const error = await caught(createClubInvite({ clubId, userId: member.id, body: { expiresInDays: 7 } }));
    expect(error.code).toBe("forbidden");
    expect(await clubInvites(clubId)).toEqual([]);
  });

  it("tells a stranger the club does not exist and writes nothing", async () => {
    const { stranger, clubId } = await setting();
    const error = await caught(createClubInvite({ clubId, userId: stranger.id, body: { expiresInDays: 7 } }));
    expect(error.code).toBe("not_found");
    expect(await clubInvites(clubId)).toEqual([]);
  });

  it.each([
    ["an expiry that is not offered", { expiresInDays: "3" }, "expiresInDays"],
    ["zero uses", { maxUses: "0" }, "maxUses"],
    ["a fractional number of uses", { maxUses: "2.5" }, "maxUses"],
    ["uses that are not a number", { maxUses: "lots" }, "maxUses"],
  ])("refuses %s with a message for that field and writes nothing", async (_label, body, field) => {
    const { owner, clubId } = await setting();
    const error = await caught(createClubInvite({ clubId, userId: owner.id, body }));
    expect(error.code).toBe("bad_request");
    expect(error.fields?.[field]).toBeTruthy();
    expect(await clubInvites(clubId)).toEqual([]);
  });
});

describe("listing and revoking invites", () => {
  it("lists the club's invites, newest first, with who made them and their status", async () => {
    const { owner, moderator, clubId } = await setting();
    const first = await createClubInvite({ clubId, userId: owner.id, body: { maxUses: "3" } });
    const second = await createClubInvite({ clubId, userId: moderator.id, body: {} });
    await revokeClubInvite({ clubId, inviteId: first.id, userId: owner.id });

    const list = await listInvites({ clubId, userId: moderator.id });
    expect(list.map((invite) => invite.id)).toEqual([second.id, first.id]);
    expect(list[0]).toMatchObject({ createdByName: moderator.name, status: "active", uses: 0, maxUses: null });
    // Only the token's hash is stored, so the list cannot give the link back (issue 8).
    expect(JSON.stringify(list)).not.toContain(tokenOf(second.path));
    expect(list[1]).toMatchObject({ createdByName: owner.name, status: "revoked", maxUses: 3 });
  });

  it("does not list invites to a member or a stranger", async () => {
    const { owner, member, stranger, clubId } = await setting();
    await createClubInvite({ clubId, userId: owner.id, body: {} });
    expect((await caught(listInvites({ clubId, userId: member.id }))).code).toBe("forbidden");
    expect((await caught(listInvites({ clubId, userId: stranger.id }))).code).toBe("not_found");
  });

  it("stops a revoked link from letting anyone in", async () => {
    const { owner, moderator, stranger, clubId } = await setting();
    const invite = await createClubInvite({ clubId, userId: owner.id, body: {} });
    await revokeClubInvite({ clubId, inviteId: invite.id, userId: moderator.id });

    expect((await inviteRow(invite.id)).revokedAt).toBeInstanceOf(Date);
    expect(await joinClubWithInvite({ token: tokenOf(invite.path), userId: stranger.id })).toEqual({ status: "revoked" });
    expect(await viewInvite({ token: tokenOf(invite.path), userId: stranger.id })).toEqual({ status: "revoked" });
    expect(await memberIds(clubId)).not.toContain(stranger.id);
    expect((await inviteRow(invite.id)).uses).toBe(0);
  });

  it("refuses revoking to a member and a stranger, leaving the link active", async () => {
    const { owner, member, stranger, clubId } = await setting();
    const invite = await createClubInvite({ clubId, userId: owner.id, body: {} });
    expect((await caught(revokeClubInvite({ clubId, inviteId: invite.id, userId: member.id }))).code).toBe("forbidden");
    expect((await caught(revokeClubInvite({ clubId, inviteId: invite.id, userId: stranger.id }))).code).toBe("not_found");
    expect((await inviteRow(invite.id)).revokedAt).toBeNull();
  });

  it("cannot revoke another club's invite through a club the moderator runs", async () => {
    const { owner, clubId } = await setting();
    const other = await setting();
    const foreign = await createClubInvite({ clubId: other.clubId, userId: other.owner.id, body: {} });
    expect((await caught(revokeClubInvite({ clubId, inviteId: foreign.id, userId: owner.id }))).code).toBe("not_found");
    expect((await inviteRow(foreign.id)).revokedAt).toBeNull();
  });
});

describe("opening and joining through a link", () => {
  it("shows a valid link's club and book to someone signed out, and joins a stranger as a member", async () => {
    const { owner, stranger, clubId } = await setting();
    const invite = await createClubInvite({ clubId, userId: owner.id, body: {} });
    const token = tokenOf(invite.path);

    const preview = await viewInvite({ token, userId: null });
    expect(preview).toMatchObject({ status: "active", club: { id: clubId, book: { title: "A Test Book", author: "A. Writer" } } });

    expect(await joinClubWithInvite({ token, userId: stranger.id })).toEqual({ status: "joined", clubId });
    const [membership] = await getDb().select().from(clubMembers).where(eq(clubMembers.userId, stranger.id));
    expect(membership).toMatchObject({ clubId, role: "member" });
    expect((await inviteRow(invite.id)).uses).toBe(1);
    expect(await viewInvite({ token, userId: stranger.id })).toMatchObject({ status: "member", club: { id: clubId } });
  });

  it("treats joining twice as harmless: one membership, one use", async () => {
    const { owner, stranger, clubId } = await setting();
    const invite = await createClubInvite({ clubId, userId: owner.id, body: {} });
    const token = tokenOf(invite.path);

    expect((await joinClubWithInvite({ token, userId: stranger.id })).status).toBe("joined");
    expect(await joinClubWithInvite({ token, userId: stranger.id })).toEqual({ status: "already_member", clubId });
    expect((await memberIds(clubId)).filter((id) => id === stranger.id)).toHaveLength(1);
    expect((await inviteRow(invite.id)).uses).toBe(1);
  });

  it("uses nothing up when an existing member opens and joins through a link", async () => {
    const { owner, member, clubId } = await setting();
    const invite = await createClubInvite({ clubId, userId: owner.id, body: { maxUses: "1" } });
    expect(await joinClubWithInvite({ token: tokenOf(invite.path), userId: member.id })).toEqual({ status: "already_member", clubId });
    const [membership] = await getDb().select().from(clubMembers).where(eq(clubMembers.userId, member.id));
    expect(membership?.role).toBe("member");
    expect((await inviteRow(invite.id)).uses).toBe(0);
  });

  it("lets nobody in through an expired link and shows no club details", async () => {
    const { owner, stranger, clubId } = await setting();
    const invite = await createClubInvite({ clubId, userId: owner.id, body: {} });
    await getDb()
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invites.id, invite.id));
    const token = tokenOf(invite.path);

    expect(await viewInvite({ token, userId: null })).toEqual({ status: "expired" });
    expect(await joinClubWithInvite({ token, userId: stranger.id })).toEqual({ status: "expired" });
    expect(await memberIds(clubId)).not.toContain(stranger.id);
    expect((await inviteRow(invite.id)).uses).toBe(0);
  });

  it("expires a link at the moment it was given", async () => {
    const { owner, stranger, clubId } = await setting();
    const created = new Date("2030-01-01T00:00:00Z");
    const invite = await createClubInvite({ clubId, userId: owner.id, body: { expiresInDays: 1 }, now: created });
    const token = tokenOf(invite.path);
    const justBefore = new Date("2030-01-01T23:59:59Z");
    const atExpiry = new Date("2030-01-02T00:00:00Z");
    expect((await viewInvite({ token, userId: null, now: justBefore })).status).toBe("active");
    expect(await joinClubWithInvite({ token, userId: stranger.id, now: atExpiry })).toEqual({ status: "expired" });
    expect(await memberIds(clubId)).not.toContain(stranger.id);
  });

  it("lets in as many people as the link allows, then says it is used up", async () => {
    const { owner, clubId } = await setting();
    const first = await createTestUser("First");
    const second = await createTestUser("Second");
    const third = await createTestUser("Third");
    const invite = await createClubInvite({ clubId, userId: owner.id, body: { maxUses: "2" } });
    const token = tokenOf(invite.path);

    expect((await joinClubWithInvite({ token, userId: first.id })).status).toBe("joined");
    expect((await joinClubWithInvite({ token, userId: second.id })).status).toBe("joined");
    expect(await joinClubWithInvite({ token, userId: third.id })).toEqual({ status: "used_up" });
    expect(await viewInvite({ token, userId: third.id })).toEqual({ status: "used_up" });

    const members = await memberIds(clubId);
    expect(members).toEqual(expect.arrayContaining([first.id, second.id]));
    expect(members).not.toContain(third.id);
    expect((await inviteRow(invite.id)).uses).toBe(2);
  });

  it("lets exactly one of two people racing for the last use in", async () => {
    const { owner, clubId } = await setting();
    const early = await createTestUser("Early");
    const racerA = await createTestUser("RacerA");
    const racerB = await createTestUser("RacerB");
    const invite = await createClubInvite({ clubId, userId: owner.id, body: { maxUses: "2" } });
    const token = tokenOf(invite.path);
    await joinClubWithInvite({ token, userId: early.id });
    await warmConnections();

    const results = await Promise.all([joinClubWithInvite({ token, userId: racerA.id }), joinClubWithInvite({ token, userId: racerB.id })]);

    expect(results.map((result) => result.status).sort()).toEqual(["joined", "used_up"]);
    const members = await memberIds(clubId);
    expect([racerA.id, racerB.id].filter((id) => members.includes(id))).toHaveLength(1);
    expect((await inviteRow(invite.id)).uses).toBe(2);
  });

  it("lets exactly one of many people racing for a single-use link in", async () => {
    const { owner, clubId } = await setting();
    const racers = await Promise.all(Array.from({ length: 6 }, (_, index) => createTestUser(`Racer${index}`)));
    const invite = await createClubInvite({ clubId, userId: owner.id, body: { maxUses: "1" } });
    const token = tokenOf(invite.path);
    await warmConnections();

    const results = await Promise.all(racers.map((racer) => joinClubWithInvite({ token, userId: racer.id })));

    expect(results.filter((result) => result.status === "joined")).toHaveLength(1);
    expect(results.filter((result) => result.status === "used_up")).toHaveLength(5);
    const members = await memberIds(clubId);
    expect(racers.filter((racer) => members.includes(racer.id))).toHaveLength(1);
    expect((await inviteRow(invite.id)).uses).toBe(1);
  });

  it("says an unknown or malformed token is not valid and joins no one", async () => {
    const { stranger } = await setting();
    for (const token of ["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "../../etc/passwd", "", 42]) {
      expect(await viewInvite({ token, userId: stranger.id })).toEqual({ status: "unknown" });
      expect(await joinClubWithInvite({ token, userId: stranger.id })).toEqual({ status: "unknown" });
    }
    const memberships = await getDb().select().from(clubMembers).where(eq(clubMembers.userId, stranger.id));
    expect(memberships).toEqual([]);
  });
});

describe("invite tokens at rest", () => {
  it("stores only the SHA-256 of the link's token, and the link still works", async () => {
    const { owner, stranger, clubId } = await setting();
    const invite = await createClubInvite({ clubId, userId: owner.id, body: {} });
    const token = tokenOf(invite.path);

    const stored = await getDb().select().from(invites).where(eq(invites.clubId, clubId));
    expect(stored.map((row) => row.tokenHash)).toEqual([createHash("sha256").update(token).digest("hex")]);
    expect(JSON.stringify(stored)).not.toContain(token);

    expect(await viewInvite({ token, userId: stranger.id })).toMatchObject({ status: "active" });
    // The hash itself is not a link: whoever reads the database cannot join with it.
    expect(await viewInvite({ token: stored[0]!.tokenHash, userId: stranger.id })).toEqual({ status: "unknown" });
    expect(await joinClubWithInvite({ token, userId: stranger.id })).toEqual({ status: "joined", clubId });
  });
});
