import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { GET as roomRoute } from "@/app/api/rooms/[roomId]/route";
import { getDb } from "@/db/index";
import { clubMembers, clubs } from "@/db/schema/clubs";
import { reactions, readPositions, replies, replyMentions, rooms } from "@/db/schema/discussion";
import { memberEmailState } from "@/db/schema/email";
import { calendarFeeds, meetings, rsvps } from "@/db/schema/meetings";
import { notificationPreferences, notifications } from "@/db/schema/notifications";
import { readingProgress, replyReveals, roomVeilLifts } from "@/db/schema/reading";
import { revokedSessions, users } from "@/db/schema/users";
import { deleteAccount, loadAccountDeletion } from "@/lib/accounts/delete-account";
import { hashPassword } from "@/lib/accounts/passwords";
import { signUp } from "@/lib/accounts/sign-up";
import { authOptions } from "@/lib/auth";
import { pinReply } from "@/lib/discussion/moderation";
import { setReplyReaction } from "@/lib/discussion/reactions";
import { postReply } from "@/lib/discussion/replies";
import { loadRoomPage } from "@/lib/discussion/room-reading";
import { markRoomRead } from "@/lib/discussion/unread";
import { AppError } from "@/lib/errors";
import { loadNotificationsPage } from "@/lib/notifications/doors";
import { notificationSentence } from "@/lib/notifications/sentence";
import { translatorFor } from "@/lib/i18n/translate";
import { createTestClub, createTestUser, replyInput } from "./factories";
import { joinRoom, useRealtimeServer, type TestUser } from "./realtime-harness";
import { withCookie } from "./request-scope";

// Issue 13: a member deletes their account. Their replies stay where they were, signed "A former
// member"; their personal data goes; their sessions end; the email is free again.
// docs/decisions/0028-account-deletion.md.

vi.mock("next/headers", () => import("./request-scope"));

const realtime = useRealtimeServer();
const password = "a long and private passphrase";
// An address of its own per test, so the sign-in limits one test spends never pause another's.
const address = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;

async function withPassword(user: TestUser): Promise<TestUser> {
  await getDb().update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, user.id));
  return user;
}

/** What the call threw, as an AppError (the test fails if it did not throw one). */
async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** The room route's status for a request carrying `cookie`. */
async function roomStatus(cookie: string, roomId: string): Promise<number> {
  const request = new Request(`http://localhost/api/rooms/${roomId}`, { headers: { cookie } });
  const { result } = await withCookie(cookie, () => roomRoute(request, { params: Promise.resolve({ roomId }) }));
  return result.status;
}

/** Rows about `userId` in every table that holds the person's own data. */
async function personalRows(userId: string): Promise<Record<string, number>> {
  const db = getDb();
  const count: typeof db.$count = (table, where) => db.$count(table, where);
  return {
    club_members: await count(clubMembers, eq(clubMembers.userId, userId)),
    read_positions: await count(readPositions, eq(readPositions.userId, userId)),
    reading_progress: await count(readingProgress, eq(readingProgress.userId, userId)),
    room_veil_lifts: await count(roomVeilLifts, eq(roomVeilLifts.userId, userId)),
    reply_reveals: await count(replyReveals, eq(replyReveals.userId, userId)),
    rsvps: await count(rsvps, eq(rsvps.userId, userId)),
    notifications: await count(notifications, eq(notifications.userId, userId)),
    notification_preferences: await count(notificationPreferences, eq(notificationPreferences.userId, userId)),
    member_email_state: await count(memberEmailState, eq(memberEmailState.userId, userId)),
    calendar_feeds: await count(calendarFeeds, eq(calendarFeeds.userId, userId)),
    reactions: await count(reactions, eq(reactions.userId, userId)),
    revoked_sessions: await count(revokedSessions, eq(revokedSessions.userId, userId)),
  };
}

/**
 * A club where Ruth (about to delete her account) has a thread: her answer, Kathy's reply to it,
 * Ruth's answer to Kathy, and everything personal a member collects along the way.
 */
async function ruthsClub() {
  const owner = await createTestUser("Emily");
  const ruth = await withPassword(await createTestUser("Ruth"));
  const kathy = await createTestUser("Kathy");
  const club = await createTestClub({
    members: [
      { userId: owner.id, role: "owner" },
      { userId: ruth.id, role: "member" },
      { userId: kathy.id, role: "member" },
    ],
  });
  const roomId = club.roomIds[0]!;
  const first = (await postReply({ roomId, userId: ruth.id, body: replyInput("Hailsham was never what it seemed.") })).reply;
  const answer = (await postReply({ roomId, userId: kathy.id, body: replyInput(`The tokens, the Exchanges, all of it, @${ruth.name}.`, first.id) })).reply;
  const again = (await postReply({ roomId, userId: ruth.id, body: replyInput(`Yes, @${kathy.name}, exactly.`, answer.id) })).reply;
  await setReplyReaction({ replyId: first.id, userId: kathy.id, body: { kind: "heart", reacted: true } });
  await setReplyReaction({ replyId: answer.id, userId: ruth.id, body: { kind: "heart", reacted: true } });
  await setReplyReaction({ replyId: answer.id, userId: owner.id, body: { kind: "idea", reacted: true } });
  await markRoomRead({ roomId, userId: ruth.id, body: { seq: 3 } });

  const db = getDb();
  const [meeting] = await db
    .insert(meetings)
    .values({ clubId: club.clubId, title: "Part One", startsAt: new Date(Date.now() + 86_400_000), timeZone: "Europe/London", durationMinutes: 90 })
    .returning({ id: meetings.id });
  await db.insert(rsvps).values([
    { meetingId: meeting!.id, userId: ruth.id, status: "going" },
    { meetingId: meeting!.id, userId: kathy.id, status: "maybe" },
  ]);
  await db.insert(readingProgress).values({ userId: ruth.id, bookId: club.bookId, reached: 4, shared: true });
  await db.insert(roomVeilLifts).values({ userId: ruth.id, roomId });
  await db.insert(replyReveals).values({ userId: ruth.id, replyId: answer.id });
  await db.insert(calendarFeeds).values({ userId: ruth.id, token: randomUUID() });
  await db.insert(notificationPreferences).values({ userId: ruth.id, kind: "reply", delivery: "email" });
  await db.insert(memberEmailState).values({ userId: ruth.id, lastBatchAt: new Date() });
  await db.insert(revokedSessions).values({ sessionId: randomUUID(), userId: ruth.id, expiresAt: new Date(Date.now() + 86_400_000) });
  await db.update(users).set({ timeZone: "Europe/London", locale: "en", browserLocale: "es" }).where(eq(users.id, ruth.id));
  return { owner, ruth, kathy, club, roomId, first, answer, again, meetingId: meeting!.id };
}

const english = translatorFor("en", "email");
const spanish = translatorFor("es", "email");

describe("deleting your account", () => {
  it("keeps the replies in their threads, signed as a former member, and removes everything personal", async () => {
    const world = await ruthsClub();
    const { ruth, kathy, roomId } = world;
    const before = await personalRows(ruth.id);
    // Every kind of personal row existed, so "none left" below means something.
    for (const [table, count] of Object.entries(before)) expect(count, table).toBeGreaterThan(0);
    const [{ version } = { version: 0 }] = await getDb().select({ version: users.sessionVersion }).from(users).where(eq(users.id, ruth.id));

    expect(await deleteAccount({ userId: ruth.id, address: address(), body: { password, confirmed: true } })).toEqual({ deletedClubs: 0 });

    // The thread keeps its shape: the same replies, the same parents, Kathy's reply still under Ruth's.
    const stored = await getDb()
      .select({ id: replies.id, parentId: replies.parentId, authorId: replies.authorId, body: replies.body, deletedAt: replies.deletedAt })
      .from(replies)
      .where(eq(replies.roomId, roomId));
    expect(stored.map((row) => row.id).sort()).toEqual([world.first.id, world.answer.id, world.again.id].sort());
    expect(stored.find((row) => row.id === world.answer.id)?.parentId).toBe(world.first.id);
    expect(stored.find((row) => row.id === world.again.id)?.parentId).toBe(world.answer.id);
    expect(stored.every((row) => row.deletedAt === null)).toBe(true);

    // Shown as a former member: her name comes as null, which every view renders as common.formerMember.
    const page = await loadRoomPage({ roomId, userId: kathy.id, body: {} });
    const byId = new Map(page.replies.map((reply) => [reply.id, reply]));
    expect(byId.get(world.first.id)?.author).toEqual({ id: ruth.id, name: null });
    expect(byId.get(world.again.id)?.author).toEqual({ id: ruth.id, name: null });
    expect(byId.get(world.answer.id)?.author.name).toBe(kathy.name);
    expect(byId.get(world.first.id)?.bodyHtml).toContain("Hailsham was never what it seemed.");
    // Kathy's mention of her now says "@A former member": her name is nowhere in the room.
    expect(byId.get(world.answer.id)?.bodyHtml).toContain(`data-mention="${ruth.id}">@A former member</span>`);
    expect(JSON.stringify(page)).not.toContain(ruth.name);
    expect(JSON.stringify(page)).not.toContain(ruth.email);

    // Her reaction went, and the count "Most reacted" sorts by followed; Kathy's reaction on her reply stays.
    expect(byId.get(world.answer.id)?.reactionCount).toBe(1);
    expect(byId.get(world.answer.id)?.reactions.flatMap((reaction) => reaction.users.map((user) => user.id))).toEqual([world.owner.id]);
    expect(byId.get(world.first.id)?.reactionCount).toBe(1);

    // Kathy's notification that Ruth answered her now names a former member, in each language.
    const lines = (await loadNotificationsPage({ userId: kathy.id })).notifications;
    const line = lines.find((candidate) => candidate.kind === "reply");
    expect(line?.text).toBe("A former member replied to you in Question 1");
    expect(notificationSentence({ sentence: line!.sentence, body: line!.sentenceBody }, spanish, { locale: "es" }).text).toBe(
      "Un antiguo miembro te respondió en la pregunta 1",
    );
    expect(JSON.stringify(lines)).not.toContain(ruth.name);
    // The stored title, which named her, no longer does.
    const titles = await getDb().select({ title: notifications.title }).from(notifications).where(eq(notifications.actorId, ruth.id));
    expect(titles.map((stored) => stored.title)).toEqual(["A former member replied to you in Question 1"]);
    expect(notificationSentence({ sentence: line!.sentence, body: line!.sentenceBody }, english, { locale: "en" }).text).not.toContain("Ruth");

    // The users row is a tombstone: every column checked, so a new personal column fails here.
    const [row] = await getDb().select().from(users).where(eq(users.id, ruth.id));
    expect(Object.keys(row!).sort()).toEqual(["browserLocale", "createdAt", "deletedAt", "email", "id", "locale", "name", "passwordHash", "sessionVersion", "timeZone"]);
    expect(row).toMatchObject({ id: ruth.id, name: "", passwordHash: null, locale: null, timeZone: null, browserLocale: null });
    expect(row!.email).toMatch(/^deleted-[0-9a-f-]{36}@deleted\.invalid$/);
    expect(row!.deletedAt).toBeInstanceOf(Date);
    expect(row!.sessionVersion).toBe(version + 1);

    // Nothing personal is left anywhere else.
    const after = await personalRows(ruth.id);
    for (const [table, count] of Object.entries(after)) expect(count, table).toBe(0);
    // The mention of Kathy in Ruth's reply stays: it is part of the discussion.
    expect(await getDb().$count(replyMentions, eq(replyMentions.replyId, world.again.id))).toBe(1);
    // Kathy's own RSVP is untouched.
    expect(await getDb().$count(rsvps, eq(rsvps.meetingId, world.meetingId))).toBe(1);
  });

  it("sends the live room's payloads with the former member unnamed, and notifies the deleted account of nothing", async () => {
    const world = await ruthsClub();
    await deleteAccount({ userId: world.ruth.id, address: address(), body: { password, confirmed: true } });

    const socket = await realtime.connectAs(world.owner);
    const joined = await joinRoom(socket, world.roomId);
    if (!joined.ok) throw new Error("join refused");
    expect(joined.data.replies.find((reply) => reply.id === world.first.id)?.author.name).toBeNull();

    // A live update of her reply (a moderator pins it) names nobody either.
    const updated = new Promise<{ id: string; name: string | null }>((resolve) => socket.once("reply:updated", (reply) => resolve({ id: reply.id, name: reply.author.name })));
    await pinReply({ replyId: world.first.id, userId: world.owner.id });
    expect(await updated).toEqual({ id: world.first.id, name: null });
    socket.disconnect();

    // Kathy answers Ruth's old reply: nobody is notified (Ruth is gone), and no email waits for her.
    await postReply({ roomId: world.roomId, userId: world.kathy.id, body: replyInput("Still thinking about this.", world.again.id) });
    expect(await getDb().$count(notifications, eq(notifications.userId, world.ruth.id))).toBe(0);
  });

  it("ends every session: an old cookie is refused, and the old email and password sign in to nothing", async () => {
    const world = await ruthsClub();
    const cookie = await realtime.sessionCookie(world.ruth);
    expect(await roomStatus(cookie, world.roomId)).toBe(200);

    await deleteAccount({ userId: world.ruth.id, address: address(), body: { password, confirmed: true } });
    expect(await roomStatus(cookie, world.roomId)).toBe(401);

    const provider = authOptions.providers[0] as unknown as {
      options: { authorize: (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown> };
    };
    expect(await provider.options.authorize({ email: world.ruth.email, password }, { headers: { "x-forwarded-for": address() } })).toBeNull();
  });

  it("frees the email: signing up with it makes a new, separate account", async () => {
    const world = await ruthsClub();
    await deleteAccount({ userId: world.ruth.id, address: address(), body: { password, confirmed: true } });

    const fresh = await signUp({ name: "Ruth again", email: world.ruth.email, password: "a brand new passphrase here" });
    expect(fresh.id).not.toBe(world.ruth.id);
    expect(fresh.email).toBe(world.ruth.email.toLowerCase());
    // The new account starts with nothing of the old one's: no clubs, and the old replies are not hers.
    expect(await getDb().$count(clubMembers, eq(clubMembers.userId, fresh.id))).toBe(0);
    expect(await getDb().$count(replies, eq(replies.authorId, fresh.id))).toBe(0);
    const page = await loadRoomPage({ roomId: world.roomId, userId: world.kathy.id, body: {} });
    expect(page.replies.find((reply) => reply.id === world.first.id)?.author).toEqual({ id: world.ruth.id, name: null });
  });

  it("refuses a wrong password, a missing confirmation or a missing password, and changes nothing", async () => {
    const world = await ruthsClub();
    const snapshot = async () => ({ rows: await personalRows(world.ruth.id), user: (await getDb().select().from(users).where(eq(users.id, world.ruth.id)))[0] });
    const before = await snapshot();

    const wrong = await refusal(deleteAccount({ userId: world.ruth.id, address: address(), body: { password: "not my password at all", confirmed: true } }));
    expect(wrong.code).toBe("bad_request");
    expect(wrong.fields?.password).toBeDefined();
    expect((await refusal(deleteAccount({ userId: world.ruth.id, address: address(), body: { password, confirmed: false } }))).code).toBe("bad_request");
    expect((await refusal(deleteAccount({ userId: world.ruth.id, address: address(), body: { confirmed: true } }))).fields?.password).toBeDefined();

    expect(await snapshot()).toEqual(before);
  });

  it("counts wrong passwords like sign-in attempts: a run of them pauses the next try, the right password too", async () => {
    const world = await ruthsClub();
    const from = address();
    let code = "";
    for (let attempt = 0; attempt < 10 && code !== "rate_limited"; attempt++) {
      code = (await refusal(deleteAccount({ userId: world.ruth.id, address: from, body: { password: `guess ${attempt}`, confirmed: true } }))).code;
    }
    expect(code).toBe("rate_limited");
    expect((await refusal(deleteAccount({ userId: world.ruth.id, address: from, body: { password, confirmed: true } }))).code).toBe("rate_limited");
    expect((await getDb().select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, world.ruth.id)))[0]?.deletedAt).toBeNull();
  });

  it("an account without a password confirms by typing its email", async () => {
    const reader = await createTestUser("Tommy");
    await createTestClub({ members: [{ userId: reader.id, role: "member" }] });
    const wrong = await refusal(deleteAccount({ userId: reader.id, address: address(), body: { email: "someone-else@example.test", confirmed: true } }));
    expect(wrong.fields?.email).toBeDefined();
    await deleteAccount({ userId: reader.id, address: address(), body: { email: `  ${reader.email.toUpperCase()} `, confirmed: true } });
    expect((await getDb().select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, reader.id)))[0]?.deletedAt).toBeInstanceOf(Date);
  });

  it("refuses an owner whose club has other members, naming the club, until it is handed over", async () => {
    const world = await ruthsClub();
    const owner = await withPassword(world.owner);
    const [club] = await getDb().select({ name: clubs.name }).from(clubs).where(eq(clubs.id, world.club.clubId));

    expect(await loadAccountDeletion({ userId: owner.id })).toEqual({ handOver: [{ id: world.club.clubId, name: club!.name }], onlyMember: [], hasPassword: true });
    const refused = await refusal(deleteAccount({ userId: owner.id, address: address(), body: { password, confirmed: true } }));
    expect(refused.code).toBe("conflict");
    expect(refused.message).toContain(club!.name);
    expect((await getDb().select({ deletedAt: users.deletedAt }).from(users).where(eq(users.id, owner.id)))[0]?.deletedAt).toBeNull();
    expect(await getDb().$count(clubMembers, eq(clubMembers.userId, owner.id))).toBe(1);

    // Handed over, the owner may go; the club carries on under Kathy.
    await getDb().update(clubMembers).set({ role: "member" }).where(and(eq(clubMembers.clubId, world.club.clubId), eq(clubMembers.userId, owner.id)));
    await getDb().update(clubMembers).set({ role: "owner" }).where(and(eq(clubMembers.clubId, world.club.clubId), eq(clubMembers.userId, world.kathy.id)));
    await deleteAccount({ userId: owner.id, address: address(), body: { password, confirmed: true } });
    expect(await getDb().$count(clubs, eq(clubs.id, world.club.clubId))).toBe(1);
  });

  it("deletes a club where the owner is the only member only when they confirm it, with its discussion", async () => {
    const owner = await withPassword(await createTestUser("Miss Emily"));
    const alone = await createTestClub({ members: [{ userId: owner.id, role: "owner" }] });
    const stays = await createTestClub({ members: [{ userId: (await createTestUser("Keffers")).id, role: "owner" }, { userId: owner.id, role: "member" }] });
    await postReply({ roomId: alone.roomIds[0]!, userId: owner.id, body: replyInput("Notes to myself.") });
    expect((await loadAccountDeletion({ userId: owner.id })).onlyMember.map((club) => club.id)).toEqual([alone.clubId]);

    const unconfirmed = await refusal(deleteAccount({ userId: owner.id, address: address(), body: { password, confirmed: true } }));
    expect(unconfirmed.code).toBe("conflict");
    expect(await getDb().$count(clubs, eq(clubs.id, alone.clubId))).toBe(1);

    expect(await deleteAccount({ userId: owner.id, address: address(), body: { password, confirmed: true, deleteClubIds: [alone.clubId] } })).toEqual({ deletedClubs: 1 });
    expect(await getDb().$count(clubs, eq(clubs.id, alone.clubId))).toBe(0);
    expect(await getDb().$count(rooms, eq(rooms.clubId, alone.clubId))).toBe(0);
    expect(await getDb().$count(clubs, eq(clubs.id, stays.clubId))).toBe(1);
  });

  it("a second deletion of the same account finds it gone", async () => {
    const world = await ruthsClub();
    await deleteAccount({ userId: world.ruth.id, address: address(), body: { password, confirmed: true } });
    expect((await refusal(deleteAccount({ userId: world.ruth.id, address: address(), body: { password, confirmed: true } }))).code).toBe("not_found");
    expect(await getDb().$count(users, sql`${users.id} = ${world.ruth.id}::uuid`)).toBe(1);
  });
});
