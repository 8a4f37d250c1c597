import { randomUUID } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { GET as roomRoute } from "@/app/api/rooms/[roomId]/route";
import { getDb } from "@/db/index";
import { clubMembers, clubs } from "@/db/schema/clubs";
import { reactions, readPositions, replies, replyMentions, replyRevisions, rooms } from "@/db/schema/discussion";
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
import { editReply, postReply } from "@/lib/discussion/replies";
import { loadRoomPage } from "@/lib/discussion/room-reading";
import { markRoomRead } from "@/lib/discussion/unread";
import { toWireError } from "@/lib/doors/wire-error";
import { AppError } from "@/lib/errors";
import { exportClub } from "@/lib/export/club-export";
import { searchInClub } from "@/lib/search/search";
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
    // Shared with signing in, but told as deleting's: no "failed attempts to sign in".
    const paused = await refusal(deleteAccount({ userId: world.ruth.id, address: from, body: { password: "one more guess", confirmed: true } }));
    expect(paused.text.key).toBe("account.tooManyAttempts");
    expect(paused.message).toMatch(/^Too many failed attempts to confirm it's you, so nothing was deleted\. Please try again in \d+ (second|minute|hour)s?\.$/);
    expect(toWireError(paused, "es").error.message).toMatch(/^Ha habido demasiados intentos fallidos de confirmar que eres tú, así que no se ha eliminado nada\. Inténtalo de nuevo dentro de \d+ (segundo|minuto|hora)s?\.$/);
    expect(paused.retryAfter).toBeGreaterThan(0);
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

  describe("the @mentions that named the person", () => {
    /** Every text-like column of every table in the public schema whose value contains one of `words` (case-insensitive): "table.column" each. */
    async function columnsHolding(words: readonly string[]): Promise<string[]> {
      const columns = rowsOf<{ table_name: string; column_name: string }>(await getDb().execute(sql`
        select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying', 'json', 'jsonb', 'tsvector', 'ARRAY')
        order by table_name, column_name`));
      expect(columns.map((column) => `${column.table_name}.${column.column_name}`)).toEqual(
        expect.arrayContaining(["replies.body", "replies.search_vector", "reply_revisions.body_html", "notifications.body", "notifications.title", "users.name"]),
      );
      const found: string[] = [];
      for (const { table_name: table, column_name: column } of columns) {
        const holds = sql.join(
          words.map((word) => sql`strpos(lower(${sql.identifier(column)}::text), lower(${word})) > 0`),
          sql` or `,
        );
        const [row] = rowsOf<{ n: number }>(await getDb().execute(sql`select count(*)::integer as n from ${sql.identifier(table)} where ${holds}`));
        if (Number(row?.n ?? 0) > 0) found.push(`${table}.${column}`);
      }
      return found;
    }

    function rowsOf<Row>(result: unknown): Row[] {
      // postgres.js answers with the rows themselves, PGlite with an object holding them.
      return Array.isArray(result) ? (result as Row[]) : (result as { rows: Row[] }).rows;
    }

    async function named(name: string): Promise<TestUser> {
      const user = await createTestUser(name.split(" ")[0]);
      await getDb().update(users).set({ name }).where(eq(users.id, user.id));
      return { ...user, name };
    }

    const replyText = async (replyId: string) => (await getDb().select({ body: replies.body, bodyHtml: replies.bodyHtml }).from(replies).where(eq(replies.id, replyId)))[0]!;

    it("are written as “@A former member” everywhere the text is stored: replies, earlier versions, notifications, search, export", async () => {
      const emily = await named("Emily");
      const wilhelmina = await withPassword(await named("Wilhelmina Forsythe"));
      const ruth = await named("Ruth");
      const tommy = await named("Tommy");
      const wil = await named("Wil");
      const club = await createTestClub({
        members: [emily, wilhelmina, ruth, tommy, wil].map((person, index) => ({ userId: person.id, role: index === 0 ? ("owner" as const) : ("member" as const) })),
      });
      const roomId = club.roomIds[0]!;
      const post = async (author: TestUser, body: string, parentId: string | null = null) => (await postReply({ roomId, userId: author.id, body: replyInput(body, parentId) })).reply;

      const ruths = await post(ruth, "@Wilhelmina Forsythe yes, the tokens mattered.");
      const tommys = await post(tommy, "@Ruth and @Wilhelmina Forsythe both right, and @Wil too.", ruths.id);
      // Typed in lower case: the mention rule matched it all the same.
      const emilys = await post(emily, "@wilhelmina forsythe, look at chapter 7.", ruths.id);
      // An excerpt cut inside her name (notifications quote the first 140 characters).
      const long = await post(tommy, `${"The cottages, again and again. ".repeat(4)}@Wilhelmina Forsythe knew.`, ruths.id);
      // Her name once, then edited out: the earlier version keeps it, reply_mentions no longer lists her.
      const edited = await post(ruth, "Thanks @Wilhelmina Forsythe and @Wil.");
      await editReply({ replyId: edited.id, userId: ruth.id, body: { body: "Thanks @Wil." } });
      // Renamed since she was mentioned: the reply holds the old name, the chip says whose it was.
      await getDb().update(users).set({ name: "Mina Forsythe-Clay" }).where(eq(users.id, wilhelmina.id));
      const afterRename = await post(wil, "Welcome back @Mina Forsythe-Clay.");
      // Her own reply to Tommy: his notification's stored title named her (retitled by actor id).
      await post(wilhelmina, "Thank you all.", tommys.id);

      const ruthsNotices = () =>
        getDb().select({ body: notifications.body, replyId: notifications.replyId }).from(notifications).where(eq(notifications.userId, ruth.id));
      expect((await ruthsNotices()).map((notice) => notice.body).join(" ")).toContain("Wilhelmina");
      expect(await columnsHolding(["Wilhelmina", "Forsythe"])).toEqual(
        expect.arrayContaining(["notifications.body", "notifications.title", "replies.body", "replies.body_html", "replies.search_vector", "reply_revisions.body", "reply_revisions.body_html"]),
      );

      await deleteAccount({ userId: wilhelmina.id, address: address(), body: { password, confirmed: true } });

      // Nowhere in the database: every text, JSON and search column of every table.
      expect(await columnsHolding(["Wilhelmina", "Forsyth", "Mina"])).toEqual([]);

      expect((await replyText(ruths.id)).body).toBe("@A former member yes, the tokens mattered.");
      const tommysNow = await replyText(tommys.id);
      // Ruth's and Wil's mentions are theirs still: same words, same chips.
      expect(tommysNow.body).toBe("@Ruth and @A former member both right, and @Wil too.");
      expect(tommysNow.bodyHtml).toContain(`<span class="mention" data-mention="${ruth.id}">@Ruth</span>`);
      expect(tommysNow.bodyHtml).toContain(`<span class="mention" data-mention="${wil.id}">@Wil</span>`);
      expect(tommysNow.bodyHtml).toContain(`<span class="mention" data-mention="${wilhelmina.id}">@A former member</span>`);
      expect((await replyText(emilys.id)).body).toBe("@A former member, look at chapter 7.");
      expect((await replyText(long.id)).body).toBe(`${"The cottages, again and again. ".repeat(4)}@A former member knew.`);
      expect((await replyText(edited.id)).body).toBe("Thanks @Wil.");
      const [revision] = await getDb().select({ body: replyRevisions.body }).from(replyRevisions).where(eq(replyRevisions.replyId, edited.id));
      expect(revision?.body).toBe("Thanks @A former member and @Wil.");
      expect((await replyText(afterRename.id)).body).toBe("Welcome back @A former member.");

      // Ruth's notifications quote the replies as they now read.
      const notices = new Map((await ruthsNotices()).map((notice) => [notice.replyId, notice.body]));
      expect(notices.get(tommys.id)).toBe("@Ruth and @A former member both right, and @Wil too.");
      expect(notices.get(long.id)).toBe(`${"The cottages, again and again. ".repeat(4).trimEnd()} @A former member…`);

      // Search finds her by neither name; the replies are still found by their other words.
      const search = (q: string) => searchInClub({ clubId: club.clubId, userId: ruth.id, body: { q } });
      expect((await search("Forsythe")).results).toEqual([]);
      expect((await search("Wilhelmina")).results).toEqual([]);
      const tokens = await search("tokens");
      expect(tokens.results.map((result) => result.id)).toEqual([ruths.id]);
      expect(JSON.stringify(tokens)).not.toMatch(/Wilhelmina|Forsythe/);

      // The export writes the Markdown: it names her nowhere either.
      for (const format of ["json", "markdown"] as const) {
        const download = await exportClub({ clubId: club.clubId, userId: emily.id, body: { format, locale: "en" } });
        const bytes = new Uint8Array(await new Response(download.body).arrayBuffer());
        const text = format === "json" ? new TextDecoder().decode(bytes) : Object.values(unzipSync(bytes)).map((file) => strFromU8(file)).join("\n");
        expect(text, format).toContain("@A former member both right");
        expect(text, format).not.toMatch(/Wilhelmina|Forsythe/i);
      }
    });

    it("take a name that reads as a pattern literally, in the club's language, and leave a look-alike member's mention", async () => {
      const owner = await named("Emily");
      const special = await withPassword(await named("A.*(b) 100% $1 \\1 $&"));
      const ab = await named("Ab");
      const club = await createTestClub({
        members: [
          { userId: owner.id, role: "owner" },
          { userId: special.id, role: "member" },
          { userId: ab.id, role: "member" },
        ],
      });
      await getDb().update(clubs).set({ language: "es" }).where(eq(clubs.id, club.clubId));
      const roomId = club.roomIds[0]!;
      const reply = (await postReply({ roomId, userId: owner.id, body: replyInput(`@${special.name} y @Ab, mirad.`) })).reply;
      expect((await replyText(reply.id)).bodyHtml).toContain(`data-mention="${special.id}"`);

      await deleteAccount({ userId: special.id, address: address(), body: { password, confirmed: true } });

      const now = await replyText(reply.id);
      expect(now.body).toBe("@Un antiguo miembro y @Ab, mirad.");
      expect(now.bodyHtml).toContain(`<span class="mention" data-mention="${special.id}">@Un antiguo miembro</span> y <span class="mention" data-mention="${ab.id}">@Ab</span>`);
      expect(await columnsHolding(["100%", "A.*(b)"])).toEqual([]);
    });
  });
});
