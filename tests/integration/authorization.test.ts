/**
 * Every entry point, called by the wrong person.
 *
 * Route handlers, server actions and socket events are thin: each one requires a user and hands
 * it to one domain service, which checks permission for the object it names. So walking the
 * services walks the entry points. The map below (from grepping app/ and lib/realtime/) is what
 * this file covers; a new entry point belongs in the table further down.
 *
 *   service (lib/…)                      reached from
 *   discussion  loadRoomPage             app/clubs/[clubId]/rooms/[roomId]/page.tsx
 *               loadRoomSnapshot         GET    /api/rooms/[roomId]
 *               listRoomThreads          GET    /api/rooms/[roomId]/threads
 *               listThreadPage           GET    /api/rooms/[roomId]/threads/[threadId]
 *               listRepliesAfter         GET    /api/rooms/[roomId]/replies, socket room:join
 *               postReply                POST   /api/rooms/[roomId]/replies
 *               loadReply                GET    /api/replies/[replyId]
 *               revealReplyText          POST   /api/replies/[replyId]/reveal
 *               editReply                PATCH  /api/replies/[replyId]
 *               deleteReply              DELETE /api/replies/[replyId]
 *               loadReplyHistory         GET    /api/replies/[replyId]/history
 *   reactions   setReplyReaction         PUT    /api/replies/[replyId]/reactions
 *   moderation  pinReply / unpinReply    PUT / DELETE /api/replies/[replyId]/pin
 *               hideReply / unhideReply  PUT / DELETE /api/replies/[replyId]/hidden
 *               lockRoom / unlockRoom    PUT / DELETE /api/rooms/[roomId]/lock
 *   books       loadClubOverview         app/clubs/[clubId]/page.tsx
 *               loadClubBooks            app/clubs/[clubId]/books/page.tsx, books/new/page.tsx
 *               loadBookPage             books/[bookId]/page.tsx, edit/, import/, questions/ pages
 *               createBook               createBookAction       (books/actions.ts)
 *               updateBook               updateBookAction       (books/[bookId]/actions.ts)
 *               setCurrentBook           setCurrentBookAction   (books/[bookId]/actions.ts)
 *   reading     updateBookShape          updateBookShapeAction  (books/[bookId]/actions.ts)
 *               setReadingProgress       setReadingProgressAction (same)
 *               loadBookReading          app/clubs/[clubId]/page.tsx, books/[bookId]/page.tsx
 *               loadRoomVeil             app/clubs/[clubId]/rooms/[roomId]/page.tsx
 *               liftRoomVeil             liftRoomVeilAction     (rooms/[roomId]/actions.ts)
 *               updateRoomReach          setRoomReachAction     (books/[bookId]/questions/actions.ts)
 *   questions   importQuestions          importGuideAction      (books/[bookId]/import/actions.ts)
 *               addQuestion …            add/edit/move/removeQuestionAction (books/[bookId]/questions/actions.ts)
 *   invites     createClubInvite         createInviteAction     (clubs/[clubId]/invites/actions.ts)
 *               revokeClubInvite         revokeInviteAction     (same)
 *               loadInvitesPage          app/clubs/[clubId]/invites/page.tsx (listInvites inside it)
 *   polls       loadPollsPage            app/clubs/[clubId]/polls/page.tsx
 *               loadPollPage             polls/[pollId]/page.tsx
 *               loadPollForm             polls/new/page.tsx
 *               loadOpenPollCard         app/clubs/[clubId]/page.tsx
 *               loadPollForLive          socket poll:join, poll:leave
 *               createPoll, castVote, proposeBook, endPollProposals, closePoll, adoptPollWinner
 *                                        the actions in app/clubs/[clubId]/polls/actions.ts
 *   members     loadRosterPage           app/clubs/[clubId]/members/page.tsx
 *               changeMemberRole         setMemberRoleAction    (clubs/[clubId]/members/actions.ts)
 *               transferOwnership        transferOwnershipAction
 *               removeMember             removeMemberAction
 *               leaveClub                leaveClubAction
 *   meetings/   loadMeetingsPage         app/clubs/[clubId]/meetings/page.tsx
 *   service     loadMeetingPage          app/clubs/[clubId]/meetings/[meetingId]/page.tsx
 *               loadMeetingForm          meetings/new/page.tsx, meetings/[meetingId]/edit/page.tsx
 *               scheduleMeeting, editMeeting, cancelMeeting, setRsvp
 *                                        the actions in app/clubs/[clubId]/meetings/actions.ts
 *               loadNextMeeting          app/clubs/[clubId]/page.tsx
 *               loadRecentPastMeetings   app/clubs/[clubId]/page.tsx
 *               loadMeetingIcs           GET /api/meetings/[meetingId]/ics
 *   clubs       loadClubSettings         app/clubs/[clubId]/settings/page.tsx
 *               updateClubDetails        updateClubDetailsAction (clubs/[clubId]/settings/actions.ts)
 *               changeClubLanguage       changeClubLanguageAction (same)
 *   export      exportClub               GET /api/clubs/[clubId]/export
 *   meetings/   setMeetingMarker         PUT /api/meetings/[meetingId]/marker
 *   meeting     loadMeetingForMember     socket meeting:join (before and after joining), meeting:leave
 *   realtime    room:join                listRepliesAfter, then the room resolved again after joining
 *               room:leave               the room resolved (the channel is left whatever the answer)
 *               room:typing              the room resolved on every event (setTyping)
 *               (lib/realtime/handlers/; every client→server event of lib/realtime/events.ts is in
 *               socketEntryPoints below, and all of them go through lib/doors/socket.ts)
 *
 * Not walked here, because no club object is named by the caller and so there is no "wrong
 * person": createClub (anyone signed in starts a club), the profile services (keyed by the
 * caller's own user id), viewInvite / joinClubWithInvite and calendarFeedIcs (the secret token
 * is the credential; their own suites cover bad tokens), the calendar feed create/revoke (the
 * caller's own feed), the notifications page and its mark-all-read action, the home page's
 * listMyClubs / loadNextMeetingsByClub, exportOwnReplies (the caller's own replies), sign-up and health, the notification settings and the
 * language choice (the caller's own; the footer's switch sets only a cookie for a visitor) and the unsubscribe link (its signature is the credential; tests/integration/email.test.ts). For the ones keyed by the caller's
 * own id, a short block below checks that a stranger calling them reaches none of the club's rows
 * (deleting an account among them: tests/integration/account-deletion.test.ts covers the rest).
 *
 * Each denied call is made against one shared club with every kind of row in it, and the whole
 * database (every table in the public schema) must be byte-for-byte the same afterwards. Each
 * entry point is then called once by the least privileged person who may make it, on a fresh
 * club, so a denial can never pass because the walk named the wrong id.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/index";
import { changeClubLanguage, listMyClubs, loadClubFrame, loadClubSettings, updateClubDetails } from "@/lib/clubs/clubs";
import { searchInClub } from "@/lib/search/search";
import { books } from "@/db/schema/clubs";
import { rooms } from "@/db/schema/discussion";
import { calendarFeeds, rsvps, meetingAgenda, meetings } from "@/db/schema/meetings";
import { notifications } from "@/db/schema/notifications";
import { createBook, loadBookPage, loadClubBooks, loadClubOverview, setCurrentBook, updateBook } from "@/lib/books/books";
import { deleteReply, editReply, loadReply, revealReplyText, loadReplyHistory, postReply } from "@/lib/discussion/replies";
import { listRepliesAfter, listRoomThreads, listThreadPage, loadRoomPage, loadRoomSnapshot } from "@/lib/discussion/room-reading";
import { AppError, errorStatus, type AppErrorCode } from "@/lib/errors";
import { createClubInvite, listInvites, loadInvitesPage, revokeClubInvite } from "@/lib/clubs/invites";
import { changeMemberRole, leaveClub, loadRosterPage, removeMember, transferOwnership } from "@/lib/clubs/members";
import { setReplyReaction } from "@/lib/discussion/reactions";
import { loadClubUnread, loadMyUnreadCounts, loadReadPosition, markClubRead, markRoomRead } from "@/lib/discussion/unread";
import { hideReply, lockRoom, pinReply, unhideReply, unlockRoom, unpinReply } from "@/lib/discussion/moderation";
import { clubActions, permissionMatrix, type ClubAction } from "@/lib/permissions";
import { addQuestion, editQuestion, importQuestions, moveQuestion, removeQuestion } from "@/lib/books/questions";
import { liftRoomVeil, loadBookReading, loadRoomVeil, setReadingProgress, updateBookShape, updateRoomReach } from "@/lib/books/reading";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { loadNotificationsPage, markAllNotificationsRead, markNotificationsReadById } from "@/lib/notifications/doors";
import { loadNotificationSettings, saveNotificationSettings } from "@/lib/email/settings";
import { saveLocaleChoice } from "@/lib/accounts/profile";
import { deleteAccount } from "@/lib/accounts/delete-account";
import { users } from "@/db/schema/users";
import { calendarFeedIcs, loadCalendarFeed, revokeCalendarFeed } from "@/lib/meetings/feeds";
import { loadMeetingForMember, setMeetingMarker } from "@/lib/meetings/live";
import { cancelMeeting, editMeeting, scheduleMeeting, setRsvp } from "@/lib/meetings/schedule";
import { loadNextMeeting, loadNextMeetingsByClub, loadRecentPastMeetings, loadMeetingForm, loadMeetingPage, loadMeetingsPage } from "@/lib/meetings/pages";
import { loadMeetingIcs } from "@/lib/meetings/calendar";
import { exportClub } from "@/lib/export/club-export";
import { exportOwnReplies } from "@/lib/export/own-export";
import { adoptPollWinner, castVote, closePoll, createPoll, endPollProposals, loadOpenPollCard, loadPollForLive, loadPollForm, loadPollPage, loadPollsPage, proposeBook } from "@/lib/polls/polls";
import { createTestClub, createTestUser, replyInput } from "./factories";
import type { Ack, ClientToServerEvents } from "@/lib/realtime/events";
import { emitUnchecked, joinRoom, joinMeeting, leaveMeeting, leaveRoom, sendTyping, useRealtimeServer, type ClientSocket } from "./realtime-harness";

// ---- the people and the rows they reach for ----

type TestUser = Awaited<ReturnType<typeof createTestUser>>;
type Person = "owner" | "moderator" | "comoderator" | "member" | "fellow" | "stranger" | "otherOwner" | "otherModerator";

type World = {
  users: Record<Person, TestUser>;
  club: {
    id: string;
    bookId: string;
    secondBookId: string;
    openRoomId: string;
    lockedRoomId: string;
    /** The owner's reply, edited once (so it has history), visible and unpinned. */
    ownerReplyId: string;
    pinnedReplyId: string;
    hiddenReplyId: string;
    inviteId: string;
    invitePath: string;
    meetingId: string;
    feedToken: string;
    /** An open next-book vote taking proposals, with the owner's vote; and a closed one, not yet adopted. */
    pollId: string;
    closedPollId: string;
  };
  other: { id: string; bookId: string; roomId: string };
};

const hiddenText = "The ending, spelled out: they were never going to be deferred.";

const inAWeek = () => new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);

/** A date a few months ahead as the scheduling form sends it, clear of any DST change. */
function futureLocalDate(): string {
  return `${new Date().getFullYear() + 1}-06-10`;
}

/**
 * A club with an owner, two moderators and two members; two rooms (one locked); a second book; the
 * owner's replies (one edited, one pinned, one hidden); an invite; a meeting with an agenda, an
 * RSVP and a notification; a calendar feed. And another club with an owner and a moderator.
 */
async function buildWorld(): Promise<World> {
  const users: Record<Person, TestUser> = {
    owner: await createTestUser("Owner"),
    moderator: await createTestUser("Moderator"),
    comoderator: await createTestUser("Comoderator"),
    member: await createTestUser("Member"),
    fellow: await createTestUser("Fellow"),
    stranger: await createTestUser("Stranger"),
    otherOwner: await createTestUser("OtherOwner"),
    otherModerator: await createTestUser("OtherModerator"),
  };
  const target = await createTestClub({
    members: [
      { userId: users.owner.id, role: "owner" },
      { userId: users.moderator.id, role: "moderator" },
      { userId: users.comoderator.id, role: "moderator" },
      { userId: users.member.id, role: "member" },
      { userId: users.fellow.id, role: "member" },
    ],
    questions: ["What did you make of the opening?", "Who changed the most?"],
  });
  const other = await createTestClub({
    members: [
      { userId: users.otherOwner.id, role: "owner" },
      { userId: users.otherModerator.id, role: "moderator" },
    ],
    questions: ["Where does the story begin?"],
  });
  const [openRoomId, lockedRoomId] = target.roomIds;
  const [otherRoomId] = other.roomIds;
  if (!openRoomId || !lockedRoomId || !otherRoomId) throw new Error("rooms not created");

  const db = getDb();
  const [secondBook] = await db
    .insert(books)
    .values({ clubId: target.clubId, title: "The Remains of the Day", author: "Kazuo Ishiguro", year: 1989 })
    .returning({ id: books.id });
  if (!secondBook) throw new Error("book not created");

  const owner = users.owner.id;
  const ownerReply = await postReply({ roomId: openRoomId, userId: owner, body: replyInput("The opening is all memory.") });
  await editReply({ replyId: ownerReply.reply.id, userId: owner, body: { body: "The opening is all memory, and not to be trusted." } });
  const pinned = await postReply({ roomId: openRoomId, userId: owner, body: replyInput("Start here: what is Hailsham?") });
  await pinReply({ replyId: pinned.reply.id, userId: owner });
  const hidden = await postReply({ roomId: openRoomId, userId: owner, body: replyInput(hiddenText) });
  await hideReply({ replyId: hidden.reply.id, userId: owner, body: { reason: "Spoils the ending." } });
  await postReply({ roomId: openRoomId, userId: users.member.id, body: replyInput("I agree.", ownerReply.reply.id) });
  await db.update(rooms).set({ lockedAt: new Date() }).where(eq(rooms.id, lockedRoomId));

  const invite = await createClubInvite({ clubId: target.clubId, userId: owner, body: { expiresInDays: 7, maxUses: 5 } });

  const [meeting] = await db
    .insert(meetings)
    .values({
      clubId: target.clubId,
      bookId: target.bookId,
      title: "Opening night",
      startsAt: inAWeek(),
      timeZone: "Europe/London",
      durationMinutes: 90,
      createdById: owner,
    })
    .returning({ id: meetings.id });
  if (!meeting) throw new Error("meeting not created");
  await db.insert(meetingAgenda).values({ meetingId: meeting.id, roomId: openRoomId, position: 1 });
  await db.insert(rsvps).values({ meetingId: meeting.id, userId: owner, status: "going" });
  await db.insert(notifications).values({
    userId: users.member.id,
    clubId: target.clubId,
    meetingId: meeting.id,
    kind: "meeting-reminder",
    title: "Opening night is in a week",
    dedupeKey: `authorization-${randomUUID()}`,
  });
  const feedToken = randomBytes(24).toString("base64url");
  await db.insert(calendarFeeds).values({ userId: owner, token: feedToken });

  const nextBook = (proposalsOpen: boolean) => ({ ...pollValues(), kind: "next_book" as const, proposalsOpen });
  const openPoll = await createPoll({ clubId: target.clubId, userId: owner, body: nextBook(true) });
  const closedPoll = await createPoll({ clubId: target.clubId, userId: owner, body: nextBook(false) });
  for (const poll of [openPoll, closedPoll]) {
    const view = await loadPollForLive({ clubId: target.clubId, pollId: poll.pollId, userId: owner });
    await castVote({ clubId: target.clubId, pollId: poll.pollId, userId: owner, body: { choices: [view.options[0]!.id] } });
  }
  await closePoll({ clubId: target.clubId, pollId: closedPoll.pollId, userId: owner, body: {} });

  return {
    users,
    club: {
      id: target.clubId,
      bookId: target.bookId,
      secondBookId: secondBook.id,
      openRoomId,
      lockedRoomId,
      ownerReplyId: ownerReply.reply.id,
      pinnedReplyId: pinned.reply.id,
      hiddenReplyId: hidden.reply.id,
      inviteId: invite.id,
      invitePath: invite.path,
      meetingId: meeting.id,
      feedToken,
      pollId: openPoll.pollId,
      closedPollId: closedPoll.pollId,
    },
    other: { id: other.clubId, bookId: other.bookId, roomId: otherRoomId },
  };
}

// ---- the whole database, before and after ----

// Every table the app owns must be in the snapshot; the public schema is read live so a table
// added later is included without anyone remembering to list it here.
const appTables = [
  "users",
  "clubs",
  "club_members",
  "books",
  "rooms",
  "replies",
  "reply_revisions",
  "invites",
  "meetings",
  "meeting_agenda",
  "rsvps",
  "calendar_feeds",
  "notifications",
  "meeting_reminder_jobs",
  "reading_progress",
  "room_veil_lifts",
  "polls",
  "poll_options",
  "poll_votes",
];

function rowsOf<Row>(result: unknown): Row[] {
  // postgres.js answers with the rows themselves, PGlite with an object holding them.
  return Array.isArray(result) ? (result as Row[]) : (result as { rows: Row[] }).rows;
}

let publicTables: string[] | null = null;

async function listPublicTables(): Promise<string[]> {
  publicTables ??= rowsOf<{ name: string }>(
    await getDb().execute(
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    ),
  )
    .map((row) => row.name)
    // Rate-limit counters are not the club's data: a refused attempt may rightly spend a point.
    .filter((name) => name !== "rate_limits");
  return publicTables;
}

/** Per table: how many rows, and a digest of every row's full text in a stable order. */
async function snapshot(): Promise<Record<string, string>> {
  const parts = (await listPublicTables()).map(
    (table) =>
      sql`select ${table}::text as name, count(*)::int as rows, coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as digest from ${sql.identifier(table)} t`,
  );
  const rows = rowsOf<{ name: string; rows: number; digest: string }>(await getDb().execute(sql.join(parts, sql` union all `)));
  return Object.fromEntries(rows.map((row) => [row.name, `${row.rows} rows, ${row.digest}`]));
}

// ---- outcomes ----

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => "it succeeded",
    (error: unknown) => error,
  );
}

function expectAppError(error: unknown, code: AppErrorCode): void {
  expect(error, `expected AppError "${code}", got: ${String(error)}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  expect((error as AppError).status).toBe(errorStatus[code]);
}

// ---- the walk ----

type Actor = "stranger" | "otherModerator" | "member" | "moderator";
type Allowed = "member" | "moderator" | "owner";

type EntryPoint = {
  name: string;
  call: (userId: string, world: World) => Promise<unknown>;
  denied: {
    stranger: "not_found";
    otherModerator: "not_found";
    /** A member attempting a moderator's (or another author's) action; "locked" for a locked room. */
    member?: "forbidden" | "locked";
    /** A moderator attempting an owner's (or another author's) action. */
    moderator?: "forbidden";
  };
  /**
   * The same object named from inside the other club, by that club's owner (who may do anything
   * there): another club's row must never be reachable through your own club's id.
   */
  throughOtherClub?: { call: (userId: string, world: World) => Promise<unknown>; code: AppErrorCode };
  /** The least privileged person who may make this call; undefined when nobody may. */
  allowed?: Allowed;
};

const nf = { stranger: "not_found", otherModerator: "not_found" } as const;
const moderatorOnly = { ...nf, member: "forbidden" } as const;
const ownerOnly = { ...nf, member: "forbidden", moderator: "forbidden" } as const;

const bookValues = { title: "Klara and the Sun", author: "Kazuo Ishiguro", year: "2021", coverUrl: "", description: "" };
/** A next-book vote as the new-poll form sends it: two books, one choice, closing by hand. */
const pollValues = () => ({
  kind: "next_book" as const,
  question: "What do we read next?",
  voting: "single" as const,
  maxChoices: null,
  resultsWhileOpen: true,
  anonymous: false,
  proposalsOpen: false,
  timeZone: "Europe/London",
  closes: null,
  options: [
    { title: "Klara and the Sun", author: "Kazuo Ishiguro" },
    { title: "The Buried Giant", author: "Kazuo Ishiguro" },
  ],
});

const meetingValues = () => ({
  title: "Second meeting",
  date: futureLocalDate(),
  time: "19:00",
  timeZone: "Europe/London",
  durationMinutes: 90,
  location: "https://meet.example.com/abc",
  readingAssignment: "Part two",
  notes: "",
  agenda: [],
});

const entryPoints: EntryPoint[] = [
  // lib/discussion.ts
  { name: "loadRoomPage", call: (userId, w) => loadRoomPage({ roomId: w.club.openRoomId, userId, body: {} }), denied: nf, allowed: "member" },
  { name: "loadRoomSnapshot", call: (userId, w) => loadRoomSnapshot({ roomId: w.club.openRoomId, userId, body: {} }), denied: nf, allowed: "member" },
  {
    name: "listRepliesAfter",
    call: (userId, w) => listRepliesAfter({ roomId: w.club.openRoomId, userId, body: { after: "0" } }),
    denied: nf,
    allowed: "member",
  },
  { name: "listRoomThreads", call: (userId, w) => listRoomThreads({ roomId: w.club.openRoomId, userId, body: {} }), denied: nf, allowed: "member" },
  {
    name: "listThreadPage",
    call: (userId, w) => listThreadPage({ roomId: w.club.openRoomId, threadId: w.club.ownerReplyId, userId, body: {} }),
    denied: nf,
    allowed: "member",
  },
  {
    name: "postReply",
    call: (userId, w) => postReply({ roomId: w.club.openRoomId, userId, body: replyInput("Let me in.") }),
    denied: nf,
    // Answering this club's reply from a room of your own club.
    throughOtherClub: {
      call: (userId, w) => postReply({ roomId: w.other.roomId, userId, body: replyInput("Hello from next door.", w.club.ownerReplyId) }),
      code: "bad_request",
    },
    allowed: "member",
  },
  {
    name: "postReply in a locked room",
    call: (userId, w) => postReply({ roomId: w.club.lockedRoomId, userId, body: replyInput("Still talking.") }),
    denied: { ...nf, member: "locked" },
    allowed: "moderator",
  },
  { name: "loadReply", call: (userId, w) => loadReply({ replyId: w.club.ownerReplyId, userId }), denied: nf, allowed: "member" },
  { name: "revealReplyText", call: (userId, w) => revealReplyText({ replyId: w.club.ownerReplyId, userId }), denied: nf, allowed: "member" },
  {
    name: "loadReplyHistory",
    call: (userId, w) => loadReplyHistory({ replyId: w.club.ownerReplyId, userId }),
    denied: moderatorOnly,
    allowed: "moderator",
  },
  {
    name: "editReply",
    call: (userId, w) => editReply({ replyId: w.club.ownerReplyId, userId, body: { body: "Rewritten by someone else." } }),
    denied: ownerOnly,
    allowed: "owner",
  },
  { name: "deleteReply", call: (userId, w) => deleteReply({ replyId: w.club.ownerReplyId, userId }), denied: ownerOnly, allowed: "owner" },

  // lib/discussion/reactions.ts
  {
    name: "setReplyReaction",
    call: (userId, w) => setReplyReaction({ replyId: w.club.ownerReplyId, userId, body: { kind: "heart", reacted: true } }),
    denied: nf,
    allowed: "member",
  },

  // lib/moderation.ts
  { name: "pinReply", call: (userId, w) => pinReply({ replyId: w.club.ownerReplyId, userId }), denied: moderatorOnly, allowed: "moderator" },
  { name: "unpinReply", call: (userId, w) => unpinReply({ replyId: w.club.pinnedReplyId, userId }), denied: moderatorOnly, allowed: "moderator" },
  {
    name: "hideReply",
    call: (userId, w) => hideReply({ replyId: w.club.ownerReplyId, userId, body: { reason: "Off topic." } }),
    denied: moderatorOnly,
    allowed: "moderator",
  },
  { name: "unhideReply", call: (userId, w) => unhideReply({ replyId: w.club.hiddenReplyId, userId }), denied: moderatorOnly, allowed: "moderator" },
  // lib/discussion/unread.ts
  { name: "loadReadPosition", call: (userId, w) => loadReadPosition({ roomId: w.club.openRoomId, userId }), denied: nf, allowed: "member" },
  { name: "markRoomRead", call: (userId, w) => markRoomRead({ roomId: w.club.openRoomId, userId, body: { seq: 1 } }), denied: nf, allowed: "member" },
  { name: "loadClubUnread", call: (userId, w) => loadClubUnread({ clubId: w.club.id, userId }), denied: nf, allowed: "member" },
  { name: "markClubRead", call: (userId, w) => markClubRead({ clubId: w.club.id, userId }), denied: nf, allowed: "member" },
  { name: "lockRoom", call: (userId, w) => lockRoom({ roomId: w.club.openRoomId, userId }), denied: moderatorOnly, allowed: "moderator" },
  { name: "unlockRoom", call: (userId, w) => unlockRoom({ roomId: w.club.lockedRoomId, userId }), denied: moderatorOnly, allowed: "moderator" },

  // lib/books.ts
  { name: "loadClubOverview", call: (userId, w) => loadClubOverview({ clubId: w.club.id, userId }), denied: nf, allowed: "member" },
  { name: "loadClubFrame", call: (userId, w) => loadClubFrame({ clubId: w.club.id, userId }), denied: nf, allowed: "member" },
  { name: "searchInClub", call: (userId, w) => searchInClub({ clubId: w.club.id, userId, body: { q: "tape" } }), denied: nf, allowed: "member" },
  {
    name: "changeClubLanguage",
    call: (userId, w) => changeClubLanguage({ clubId: w.club.id, userId, body: { language: "es" } }),
    denied: ownerOnly,
    allowed: "owner",
  },
  {
    name: "updateClubDetails",
    call: (userId, w) => updateClubDetails({ clubId: w.club.id, userId, body: { name: "Renamed by someone else", description: "" } }),
    denied: ownerOnly,
    allowed: "owner",
  },
  // Members and moderators open the settings page and are told who looks after it (no settings).
  { name: "loadClubSettings", call: (userId, w) => loadClubSettings({ clubId: w.club.id, userId }), denied: nf, allowed: "member" },
  { name: "loadClubBooks", call: (userId, w) => loadClubBooks({ clubId: w.club.id, userId }), denied: nf, allowed: "member" },
  {
    name: "loadBookPage",
    call: (userId, w) => loadBookPage({ clubId: w.club.id, bookId: w.club.secondBookId, userId }),
    denied: nf,
    throughOtherClub: { call: (userId, w) => loadBookPage({ clubId: w.other.id, bookId: w.club.secondBookId, userId }), code: "not_found" },
    allowed: "member",
  },
  {
    name: "createBook",
    call: (userId, w) => createBook({ clubId: w.club.id, userId, body: { ...bookValues, makeCurrent: true } }),
    denied: moderatorOnly,
    allowed: "moderator",
  },
  {
    name: "updateBook",
    call: (userId, w) => updateBook({ clubId: w.club.id, bookId: w.club.secondBookId, userId, body: bookValues }),
    denied: moderatorOnly,
    throughOtherClub: {
      call: (userId, w) => updateBook({ clubId: w.other.id, bookId: w.club.secondBookId, userId, body: bookValues }),
      code: "not_found",
    },
    allowed: "moderator",
  },
  {
    name: "setCurrentBook",
    call: (userId, w) => setCurrentBook({ clubId: w.club.id, bookId: w.club.secondBookId, userId }),
    denied: moderatorOnly,
    throughOtherClub: { call: (userId, w) => setCurrentBook({ clubId: w.other.id, bookId: w.club.secondBookId, userId }), code: "not_found" },
    allowed: "moderator",
  },

  // lib/books/reading.ts
  {
    name: "updateBookShape",
    call: (userId, w) => updateBookShape({ clubId: w.club.id, bookId: w.club.secondBookId, userId, body: { chapters: "12", parts: "" } }),
    denied: moderatorOnly,
    throughOtherClub: {
      call: (userId, w) => updateBookShape({ clubId: w.other.id, bookId: w.club.secondBookId, userId, body: { chapters: "12", parts: "" } }),
      code: "not_found",
    },
    allowed: "moderator",
  },
  {
    name: "setReadingProgress",
    call: (userId, w) => setReadingProgress({ clubId: w.club.id, bookId: w.club.bookId, userId, body: { reached: 10000, shared: true } }),
    denied: nf,
    throughOtherClub: {
      call: (userId, w) => setReadingProgress({ clubId: w.other.id, bookId: w.club.bookId, userId, body: { reached: 10000 } }),
      code: "not_found",
    },
    allowed: "member",
  },
  {
    name: "loadBookReading",
    call: (userId, w) => loadBookReading({ clubId: w.club.id, bookId: w.club.bookId, userId }),
    denied: nf,
    throughOtherClub: { call: (userId, w) => loadBookReading({ clubId: w.other.id, bookId: w.club.bookId, userId }), code: "not_found" },
    allowed: "member",
  },
  { name: "loadRoomVeil", call: (userId, w) => loadRoomVeil({ roomId: w.club.openRoomId, userId }), denied: nf, allowed: "member" },
  { name: "liftRoomVeil", call: (userId, w) => liftRoomVeil({ roomId: w.club.openRoomId, userId }), denied: nf, allowed: "member" },
  {
    name: "updateRoomReach",
    call: (userId, w) => updateRoomReach({ clubId: w.club.id, roomId: w.club.openRoomId, userId, body: { reach: 10000 } }),
    denied: moderatorOnly,
    throughOtherClub: {
      call: (userId, w) => updateRoomReach({ clubId: w.other.id, roomId: w.club.openRoomId, userId, body: { reach: 10000 } }),
      code: "not_found",
    },
    allowed: "moderator",
  },

  // lib/questions.ts
  {
    name: "importQuestions",
    call: (userId, w) =>
      importQuestions({ clubId: w.club.id, bookId: w.club.secondBookId, userId, body: { questions: [{ text: "Who is Stevens?", section: null }] } }),
    denied: moderatorOnly,
    throughOtherClub: {
      call: (userId, w) =>
        importQuestions({ clubId: w.other.id, bookId: w.club.secondBookId, userId, body: { questions: [{ text: "Who is Stevens?", section: null }] } }),
      code: "not_found",
    },
    allowed: "moderator",
  },
  {
    name: "addQuestion",
    call: (userId, w) => addQuestion({ clubId: w.club.id, bookId: w.club.bookId, userId, body: { question: "What is a donation?" } }),
    denied: moderatorOnly,
    throughOtherClub: {
      call: (userId, w) => addQuestion({ clubId: w.other.id, bookId: w.club.bookId, userId, body: { question: "What is a donation?" } }),
      code: "not_found",
    },
    allowed: "moderator",
  },
  {
    name: "editQuestion",
    call: (userId, w) => editQuestion({ clubId: w.club.id, roomId: w.club.openRoomId, userId, body: { question: "Rewritten." } }),
    denied: moderatorOnly,
    throughOtherClub: {
      call: (userId, w) => editQuestion({ clubId: w.other.id, roomId: w.club.openRoomId, userId, body: { question: "Rewritten." } }),
      code: "not_found",
    },
    allowed: "moderator",
  },
  {
    name: "moveQuestion",
    call: (userId, w) => moveQuestion({ clubId: w.club.id, roomId: w.club.openRoomId, userId, body: { direction: "down" } }),
    denied: moderatorOnly,
    throughOtherClub: {
      call: (userId, w) => moveQuestion({ clubId: w.other.id, roomId: w.club.openRoomId, userId, body: { direction: "down" } }),
      code: "not_found",
    },
    allowed: "moderator",
  },
  {
    name: "removeQuestion",
    call: (userId, w) => removeQuestion({ clubId: w.club.id, roomId: w.club.lockedRoomId, userId, body: { confirmArchive: true } }),
    denied: moderatorOnly,
    throughOtherClub: {
      call: (userId, w) => removeQuestion({ clubId: w.other.id, roomId: w.club.lockedRoomId, userId, body: { confirmArchive: true } }),
      code: "not_found",
    },
    allowed: "moderator",
  },

  // lib/invites.ts
  {
    name: "createClubInvite",
    call: (userId, w) => createClubInvite({ clubId: w.club.id, userId, body: { expiresInDays: 7, maxUses: null } }),
    denied: moderatorOnly,
    allowed: "moderator",
  },
  { name: "listInvites", call: (userId, w) => listInvites({ clubId: w.club.id, userId }), denied: moderatorOnly, allowed: "moderator" },
  { name: "loadInvitesPage", call: (userId, w) => loadInvitesPage({ clubId: w.club.id, userId }), denied: nf, allowed: "member" },
  {
    name: "revokeClubInvite",
    call: (userId, w) => revokeClubInvite({ clubId: w.club.id, inviteId: w.club.inviteId, userId }),
    denied: moderatorOnly,
    throughOtherClub: { call: (userId, w) => revokeClubInvite({ clubId: w.other.id, inviteId: w.club.inviteId, userId }), code: "not_found" },
    allowed: "moderator",
  },

  // lib/members.ts
  { name: "loadRosterPage", call: (userId, w) => loadRosterPage({ clubId: w.club.id, userId }), denied: nf, allowed: "member" },
  {
    name: "changeMemberRole",
    call: (userId, w) => changeMemberRole({ clubId: w.club.id, userId, body: { memberId: w.users.fellow.id, role: "moderator" } }),
    denied: ownerOnly,
    throughOtherClub: {
      call: (userId, w) => changeMemberRole({ clubId: w.other.id, userId, body: { memberId: w.users.fellow.id, role: "moderator" } }),
      code: "not_found",
    },
    allowed: "owner",
  },
  {
    name: "transferOwnership",
    call: (userId, w) => transferOwnership({ clubId: w.club.id, userId, body: { memberId: w.users.fellow.id } }),
    denied: ownerOnly,
    throughOtherClub: {
      call: (userId, w) => transferOwnership({ clubId: w.other.id, userId, body: { memberId: w.users.fellow.id } }),
      code: "not_found",
    },
    allowed: "owner",
  },
  {
    name: "removeMember (a member)",
    call: (userId, w) => removeMember({ clubId: w.club.id, userId, body: { memberId: w.users.fellow.id } }),
    denied: moderatorOnly,
    throughOtherClub: {
      call: (userId, w) => removeMember({ clubId: w.other.id, userId, body: { memberId: w.users.fellow.id } }),
      code: "not_found",
    },
    allowed: "moderator",
  },
  {
    // Moderators remove members but not each other.
    name: "removeMember (a moderator)",
    call: (userId, w) => removeMember({ clubId: w.club.id, userId, body: { memberId: w.users.comoderator.id } }),
    denied: ownerOnly,
    throughOtherClub: {
      call: (userId, w) => removeMember({ clubId: w.other.id, userId, body: { memberId: w.users.comoderator.id } }),
      code: "not_found",
    },
    allowed: "owner",
  },
  {
    // Nobody removes an owner, so there is no control call for this one.
    name: "removeMember (the owner)",
    call: (userId, w) => removeMember({ clubId: w.club.id, userId, body: { memberId: w.users.owner.id } }),
    denied: ownerOnly,
  },
  { name: "leaveClub", call: (userId, w) => leaveClub({ clubId: w.club.id, userId }), denied: nf, allowed: "member" },

  // lib/meetings/service.ts
  { name: "loadMeetingsPage", call: (userId, w) => loadMeetingsPage({ clubId: w.club.id, userId }), denied: nf, allowed: "member" },
  {
    name: "loadMeetingPage",
    call: (userId, w) => loadMeetingPage({ clubId: w.club.id, meetingId: w.club.meetingId, userId }),
    denied: nf,
    throughOtherClub: { call: (userId, w) => loadMeetingPage({ clubId: w.other.id, meetingId: w.club.meetingId, userId }), code: "not_found" },
    allowed: "member",
  },
  {
    name: "loadMeetingForm",
    call: (userId, w) => loadMeetingForm({ clubId: w.club.id, meetingId: w.club.meetingId, userId }),
    denied: nf,
    throughOtherClub: { call: (userId, w) => loadMeetingForm({ clubId: w.other.id, meetingId: w.club.meetingId, userId }), code: "not_found" },
    allowed: "member",
  },
  { name: "loadNextMeeting", call: (userId, w) => loadNextMeeting({ clubId: w.club.id, userId }), denied: nf, allowed: "member" },
  {
    name: "loadRecentPastMeetings",
    call: (userId, w) => loadRecentPastMeetings({ clubId: w.club.id, userId, body: { limit: 3 } }),
    denied: nf,
    allowed: "member",
  },
  {
    name: "loadMeetingIcs",
    call: (userId, w) => loadMeetingIcs({ meetingId: w.club.meetingId, userId, body: { origin: "https://chapterhouse.test" } }),
    denied: nf,
    allowed: "member",
  },
  {
    name: "scheduleMeeting",
    call: (userId, w) => scheduleMeeting({ clubId: w.club.id, userId, body: { ...meetingValues(), agenda: [w.club.openRoomId] } }),
    denied: moderatorOnly,
    // Putting this club's question on your own club's agenda.
    throughOtherClub: {
      call: (userId, w) => scheduleMeeting({ clubId: w.other.id, userId, body: { ...meetingValues(), agenda: [w.club.openRoomId] } }),
      code: "bad_request",
    },
    allowed: "moderator",
  },
  {
    name: "editMeeting",
    call: (userId, w) => editMeeting({ clubId: w.club.id, meetingId: w.club.meetingId, userId, body: meetingValues() }),
    denied: moderatorOnly,
    throughOtherClub: {
      call: (userId, w) => editMeeting({ clubId: w.other.id, meetingId: w.club.meetingId, userId, body: meetingValues() }),
      code: "not_found",
    },
    allowed: "moderator",
  },
  {
    name: "cancelMeeting",
    call: (userId, w) => cancelMeeting({ clubId: w.club.id, meetingId: w.club.meetingId, userId }),
    denied: moderatorOnly,
    throughOtherClub: { call: (userId, w) => cancelMeeting({ clubId: w.other.id, meetingId: w.club.meetingId, userId }), code: "not_found" },
    allowed: "moderator",
  },
  {
    name: "setRsvp",
    call: (userId, w) => setRsvp({ clubId: w.club.id, meetingId: w.club.meetingId, userId, body: "going" }),
    denied: nf,
    throughOtherClub: { call: (userId, w) => setRsvp({ clubId: w.other.id, meetingId: w.club.meetingId, userId, body: "going" }), code: "not_found" },
    allowed: "member",
  },

  // lib/meetings/meeting.ts
  {
    name: "setMeetingMarker",
    call: (userId, w) => setMeetingMarker({ meetingId: w.club.meetingId, userId, body: { roomId: w.club.openRoomId } }),
    denied: moderatorOnly,
    allowed: "moderator",
  },
  { name: "loadMeetingForMember", call: (userId, w) => loadMeetingForMember({ meetingId: w.club.meetingId, userId }), denied: nf, allowed: "member" },

  // lib/export/club-export.ts
  {
    name: "exportClub",
    call: (userId, w) => exportClub({ clubId: w.club.id, userId, body: { format: "json", locale: "en" } }),
    denied: ownerOnly,
    allowed: "owner",
  },

  // lib/polls/polls.ts
  { name: "loadPollsPage", call: (userId, w) => loadPollsPage({ clubId: w.club.id, userId }), denied: nf, allowed: "member" },
  { name: "loadOpenPollCard", call: (userId, w) => loadOpenPollCard({ clubId: w.club.id, userId }), denied: nf, allowed: "member" },
  { name: "loadPollForm", call: (userId, w) => loadPollForm({ clubId: w.club.id, userId }), denied: nf, allowed: "member" },
  {
    name: "loadPollPage",
    call: (userId, w) => loadPollPage({ clubId: w.club.id, pollId: w.club.pollId, userId }),
    denied: nf,
    throughOtherClub: { call: (userId, w) => loadPollPage({ clubId: w.other.id, pollId: w.club.pollId, userId }), code: "not_found" },
    allowed: "member",
  },
  { name: "loadPollForLive", call: (userId, w) => loadPollForLive({ clubId: w.club.id, pollId: w.club.pollId, userId }), denied: nf, allowed: "member" },
  {
    name: "createPoll",
    call: (userId, w) => createPoll({ clubId: w.club.id, userId, body: pollValues() }),
    denied: moderatorOnly,
    allowed: "moderator",
  },
  {
    name: "castVote",
    call: async (userId, w) => {
      const view = await loadPollForLive({ clubId: w.club.id, pollId: w.club.pollId, userId: w.users.owner.id });
      return castVote({ clubId: w.club.id, pollId: w.club.pollId, userId, body: { choices: [view.options[1]!.id] } });
    },
    denied: nf,
    throughOtherClub: { call: (userId, w) => castVote({ clubId: w.other.id, pollId: w.club.pollId, userId, body: { choices: [] } }), code: "not_found" },
    allowed: "member",
  },
  {
    name: "proposeBook",
    call: (userId, w) => proposeBook({ clubId: w.club.id, pollId: w.club.pollId, userId, body: { title: "Nocturnes", author: "Kazuo Ishiguro" } }),
    denied: nf,
    throughOtherClub: {
      call: (userId, w) => proposeBook({ clubId: w.other.id, pollId: w.club.pollId, userId, body: { title: "Nocturnes", author: "Kazuo Ishiguro" } }),
      code: "not_found",
    },
    allowed: "member",
  },
  {
    name: "endPollProposals",
    call: (userId, w) => endPollProposals({ clubId: w.club.id, pollId: w.club.pollId, userId }),
    denied: moderatorOnly,
    throughOtherClub: { call: (userId, w) => endPollProposals({ clubId: w.other.id, pollId: w.club.pollId, userId }), code: "not_found" },
    allowed: "moderator",
  },
  {
    name: "closePoll",
    call: (userId, w) => closePoll({ clubId: w.club.id, pollId: w.club.pollId, userId, body: { adopt: true } }),
    denied: moderatorOnly,
    throughOtherClub: { call: (userId, w) => closePoll({ clubId: w.other.id, pollId: w.club.pollId, userId, body: {} }), code: "not_found" },
    allowed: "moderator",
  },
  {
    name: "adoptPollWinner",
    call: (userId, w) => adoptPollWinner({ clubId: w.club.id, pollId: w.club.closedPollId, userId, body: {} }),
    denied: moderatorOnly,
    throughOtherClub: { call: (userId, w) => adoptPollWinner({ clubId: w.other.id, pollId: w.club.closedPollId, userId, body: {} }), code: "not_found" },
    allowed: "moderator",
  },
];

/**
 * Which entry points enforce each action of the matrix. A new action fails the first test below
 * until it is listed here, and an action listed here must name entry points this file walks.
 */
const enforcedBy: Record<ClubAction, readonly string[]> = {
  "club:view": ["loadClubOverview", "loadClubFrame", "loadClubSettings", "searchInClub", "loadClubBooks", "loadBookPage", "loadInvitesPage", "loadClubUnread", "markClubRead", "loadBookReading", "setReadingProgress"],
  "club:edit": ["changeClubLanguage", "updateClubDetails"],
  "club:export": ["exportClub"],
  "club:leave": ["leaveClub"],
  "room:read": ["loadRoomPage", "loadRoomSnapshot", "listRepliesAfter", "listRoomThreads", "listThreadPage", "loadReply", "revealReplyText", "room:join", "room:leave", "room:typing", "loadReadPosition", "markRoomRead", "loadRoomVeil", "liftRoomVeil"],
  "reply:create": ["postReply"],
  "reply:create-in-locked-room": ["postReply in a locked room"],
  "reply:edit-own": ["editReply"],
  "reply:delete-own": ["deleteReply"],
  "reply:react": ["setReplyReaction"],
  "reply:pin": ["pinReply", "unpinReply"],
  "reply:hide": ["hideReply", "unhideReply"],
  "reply:view-hidden": ["loadReply"],
  "reply:view-history": ["loadReplyHistory"],
  "room:lock": ["lockRoom", "unlockRoom"],
  "room:manage": ["importQuestions", "addQuestion", "editQuestion", "moveQuestion", "removeQuestion", "updateRoomReach"],
  "book:manage": ["createBook", "updateBook", "setCurrentBook", "updateBookShape"],
  "invite:manage": ["createClubInvite", "listInvites", "revokeClubInvite"],
  "member:view-roster": ["loadRosterPage"],
  "member:remove": ["removeMember (a member)", "removeMember (a moderator)", "removeMember (the owner)"],
  "member:set-role": ["changeMemberRole"],
  "club:transfer": ["transferOwnership"],
  "meeting:view": ["loadMeetingsPage", "loadMeetingPage", "loadMeetingForm", "loadNextMeeting", "loadRecentPastMeetings", "loadMeetingIcs", "loadMeetingForMember", "meeting:join", "meeting:leave"],
  "meeting:rsvp": ["setRsvp"],
  "meeting:schedule": ["scheduleMeeting", "editMeeting", "cancelMeeting"],
  "meeting:set-marker": ["setMeetingMarker"],
  "poll:view": ["loadPollsPage", "loadPollPage", "loadPollForm", "loadOpenPollCard", "loadPollForLive", "poll:join", "poll:leave"],
  "poll:vote": ["castVote"],
  "poll:propose": ["proposeBook"],
  "poll:manage": ["createPoll", "endPollProposals", "closePoll", "adoptPollWinner"],
};

const actorLabel: Record<Actor | "otherOwner", string> = {
  stranger: "as a stranger (signed in, in no club)",
  otherModerator: "as the other club's moderator",
  member: "as a member of the club",
  moderator: "as a moderator of the club",
  otherOwner: "as the other club's owner, through their own club",
};

const codeLabel: Record<AppErrorCode, string> = {
  bad_request: "refused as bad input",
  unauthorized: "unauthorized",
  forbidden: "forbidden",
  not_found: "not found",
  conflict: "refused as a conflict",
  locked: "refused as locked",
  unprocessable: "refused as unprocessable",
  rate_limited: "rate limited",
  too_large: "refused as too large",
  unsupported_media_type: "refused for its media type",
};

const allowedLabel: Record<Allowed, string> = { member: "a member", moderator: "a moderator", owner: "the owner" };

function deniedActors(entry: EntryPoint): [Actor, AppErrorCode][] {
  return (Object.entries(entry.denied) as [Actor, AppErrorCode | undefined][]).flatMap(([actor, code]) => (code ? [[actor, code]] : []));
}

// ---- Socket.IO (helpers as in access.test.ts) ----

const { connectAs, serverChannels } = useRealtimeServer();

/** Everything the server pushes to a socket, by event name. */
function recordEvents(socket: ClientSocket): string[] {
  const received: string[] = [];
  socket.onAny((event: string) => received.push(event));
  return received;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

type SocketEntryPoint = {
  name: keyof ClientToServerEvents;
  /** Sends the event about the club's object (its open room, its meeting) and waits for the ack. */
  send: (socket: ClientSocket, world: World) => Promise<Ack<unknown>>;
  /** What anyone who may not see that object is told. */
  notFound: string;
  /** What a refused caller is also sent: a refused room:join tells the page on room:error. */
  alsoSent: string[];
  /** Makes the object's live events happen, and resolves once a member in its channel heard them. */
  provoke: (world: World) => Promise<void>;
};

const roomNotFound = "This room could not be found.";
const meetingNotFound = "This meeting could not be found.";
const pollNotFound = "This poll could not be found.";

function joinPoll(socket: ClientSocket, world: World): Promise<Ack<unknown>> {
  return new Promise((resolve) => socket.emit("poll:join", { clubId: world.club.id, pollId: world.club.pollId }, resolve));
}

function leavePoll(socket: ClientSocket, world: World): Promise<Ack<unknown>> {
  return new Promise((resolve) => socket.emit("poll:leave", { clubId: world.club.id, pollId: world.club.pollId }, resolve));
}

/** A member's vote, heard by a member following the poll. */
async function provokePoll(world: World): Promise<void> {
  const member = await connectAs(world.users.member);
  expect((await joinPoll(member, world)).ok).toBe(true);
  const changed = new Promise((resolve) => member.once("poll:changed", resolve));
  await castVote({ clubId: world.club.id, pollId: world.club.pollId, userId: world.users.fellow.id, body: { choices: [] } });
  await changed;
}

/** A reply posted in the open room, heard by a member who joined it. */
async function provokeRoom(world: World): Promise<void> {
  const member = await connectAs(world.users.member);
  expect((await joinRoom(member, world.club.openRoomId)).ok).toBe(true);
  const delivered = new Promise<ReplyView>((resolve) => member.once("reply:created", resolve));
  await postReply({ roomId: world.club.openRoomId, userId: world.users.owner.id, body: replyInput("For members only.") });
  await delivered;
}

/** A member arriving (presence) and the marker set and cleared, heard by that member. */
async function provokeMeeting(world: World): Promise<void> {
  const member = await connectAs(world.users.member);
  expect((await joinMeeting(member, world.club.meetingId)).ok).toBe(true);
  const marked = new Promise((resolve) => member.once("meeting:marker", resolve));
  await setMeetingMarker({ meetingId: world.club.meetingId, userId: world.users.moderator.id, body: { roomId: world.club.openRoomId } });
  await marked;
  await setMeetingMarker({ meetingId: world.club.meetingId, userId: world.users.moderator.id, body: { roomId: null } });
}

/**
 * Every client→server event (lib/realtime/events.ts; the first matrix test below fails when one
 * is missing). None is for moderators only: the marker is set over HTTP, in the walk above. An
 * event that is gets a "member" case here.
 */
const socketEntryPoints: SocketEntryPoint[] = [
  { name: "room:join", send: (socket, w) => joinRoom(socket, w.club.openRoomId), notFound: roomNotFound, alsoSent: ["room:error"], provoke: provokeRoom },
  { name: "room:leave", send: (socket, w) => leaveRoom(socket, w.club.openRoomId), notFound: roomNotFound, alsoSent: [], provoke: provokeRoom },
  { name: "room:typing", send: (socket, w) => sendTyping(socket, w.club.openRoomId, true), notFound: roomNotFound, alsoSent: [], provoke: provokeRoom },
  { name: "meeting:join", send: (socket, w) => joinMeeting(socket, w.club.meetingId), notFound: meetingNotFound, alsoSent: [], provoke: provokeMeeting },
  { name: "meeting:leave", send: (socket, w) => leaveMeeting(socket, w.club.meetingId), notFound: meetingNotFound, alsoSent: [], provoke: provokeMeeting },
  { name: "poll:join", send: joinPoll, notFound: pollNotFound, alsoSent: [], provoke: provokePoll },
  { name: "poll:leave", send: leavePoll, notFound: pollNotFound, alsoSent: [], provoke: provokePoll },
];

/** Every event name the typed map declares, so a new event cannot be left out of the table above. */
const clientEvents = {
  "room:join": true,
  "room:leave": true,
  "room:typing": true,
  "meeting:join": true,
  "meeting:leave": true,
  "poll:join": true,
  "poll:leave": true,
} satisfies Record<keyof ClientToServerEvents, true>;

// ---- the tests ----

describe("every entry point, called by the wrong person", () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld();
  });

  it("snapshots every app table, and notices a one-column change", async () => {
    const before = await snapshot();
    expect(Object.keys(before)).toEqual(expect.arrayContaining(appTables));
    await getDb().update(books).set({ description: "Changed." }).where(eq(books.id, world.other.bookId));
    expect(await snapshot()).not.toEqual(before);
    await getDb().update(books).set({ description: "" }).where(eq(books.id, world.other.bookId));
    expect(await snapshot()).toEqual(before);
  });

  for (const entry of entryPoints) {
    for (const [actor, code] of deniedActors(entry)) {
      it(`${entry.name} ${actorLabel[actor]} is ${codeLabel[code]} and changes nothing`, async () => {
        const before = await snapshot();
        expectAppError(await outcome(entry.call(world.users[actor].id, world)), code);
        expect(await snapshot()).toEqual(before);
      });
    }
    const throughOtherClub = entry.throughOtherClub;
    if (throughOtherClub) {
      it(`${entry.name} ${actorLabel.otherOwner} is ${codeLabel[throughOtherClub.code]} and changes nothing`, async () => {
        const before = await snapshot();
        expectAppError(await outcome(throughOtherClub.call(world.users.otherOwner.id, world)), throughOtherClub.code);
        expect(await snapshot()).toEqual(before);
      });
    }
  }

  for (const entry of socketEntryPoints) {
    for (const actor of ["stranger", "otherModerator"] as const) {
      it(`socket ${entry.name} ${actorLabel[actor]} is not found, joins no channel, changes nothing, and delivers none of its events`, async () => {
        const intruder = await connectAs(world.users[actor]);
        const received = recordEvents(intruder);
        const channels = serverChannels(intruder);
        const before = await snapshot();
        expect(await entry.send(intruder, world)).toEqual({ ok: false, error: { code: "not_found", message: entry.notFound } });
        expect(await snapshot()).toEqual(before);
        expect(serverChannels(intruder)).toEqual(channels);

        // A member in the channel proves the events were really sent.
        await entry.provoke(world);
        await settle();
        expect(received).toEqual(entry.alsoSent);
        expect(serverChannels(intruder)).toEqual(channels);
      });
    }
  }
});

describe("what a member may read leaves out what is for moderators", () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld();
  });

  it("no read entry point or socket join hands a member a hidden reply's text", async () => {
    const member = world.users.member.id;
    const reads = await Promise.all([
      loadRoomPage({ roomId: world.club.openRoomId, userId: member, body: {} }),
      loadRoomSnapshot({ roomId: world.club.openRoomId, userId: member, body: {} }),
      listRepliesAfter({ roomId: world.club.openRoomId, userId: member, body: {} }),
      listRoomThreads({ roomId: world.club.openRoomId, userId: member, body: {} }),
      listThreadPage({ roomId: world.club.openRoomId, threadId: world.club.ownerReplyId, userId: member, body: {} }),
      loadReply({ replyId: world.club.hiddenReplyId, userId: member }),
      joinRoom(await connectAs(world.users.member), world.club.openRoomId),
    ]);
    const hiddenReply = await loadReply({ replyId: world.club.hiddenReplyId, userId: member });
    expect(hiddenReply.source).toBeNull();
    for (const read of reads) expect(JSON.stringify(read)).not.toContain("never going to be deferred");
    // The moderator's view of the same reply does carry it, so the check above is not vacuous.
    const moderatorView = await loadReply({ replyId: world.club.hiddenReplyId, userId: world.users.moderator.id });
    expect(moderatorView.source?.body).toBe(hiddenText);
  });

  it("the invites page gives a member no invite links", async () => {
    const page = await loadInvitesPage({ clubId: world.club.id, userId: world.users.member.id });
    expect(page.invites).toBeNull();
    expect(JSON.stringify(page)).not.toContain(world.club.invitePath);
    const moderatorPage = await loadInvitesPage({ clubId: world.club.id, userId: world.users.moderator.id });
    // Since issue 8 only the token's hash is stored: the moderator sees the invite, not its link again.
    expect(moderatorPage.invites?.length).toBeGreaterThan(0);
    expect(JSON.stringify(moderatorPage)).not.toContain(world.club.invitePath);
  });
});

describe("services keyed by the caller's own id reach only the caller's rows", () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld();
  });

  it("a stranger's reads show none of the club, its meetings, notifications or feed", async () => {
    const stranger = world.users.stranger.id;
    expect(await listMyClubs({ userId: stranger })).toEqual([]);
    expect(await loadNextMeetingsByClub({ userId: stranger })).toEqual({});
    expect((await loadNotificationsPage({ userId: stranger })).notifications).toEqual([]);
    expect(await loadCalendarFeed({ userId: stranger })).toBeNull();
    expect(await loadMyUnreadCounts({ userId: stranger })).toEqual({});
    // The same reads for the club's people do find them, so the empty answers above mean something.
    expect(Object.keys(await loadNextMeetingsByClub({ userId: world.users.member.id }))).toEqual([world.club.id]);
    expect((await loadNotificationsPage({ userId: world.users.member.id })).notifications).toHaveLength(1);
    expect(await loadCalendarFeed({ userId: world.users.owner.id })).not.toBeNull();
  });

  it("a stranger's mark-all-read and feed revoke change nothing of anyone else's", async () => {
    const before = await snapshot();
    expect(await markAllNotificationsRead({ userId: world.users.stranger.id, body: { upTo: null } })).toEqual({ marked: 0 });
    // Naming the member's own notifications by id marks nothing of hers. Only hers: the database
    // may hold other files' notifications too, more than one request may name (PGlite shares one).
    const ids = (await getDb().select({ id: notifications.id }).from(notifications).where(eq(notifications.userId, world.users.member.id))).map(
      (row) => row.id,
    );
    expect(ids.length).toBeGreaterThan(0);
    expect(await markNotificationsReadById({ userId: world.users.stranger.id, body: { ids } })).toEqual({ marked: 0 });
    expect(await revokeCalendarFeed({ userId: world.users.stranger.id })).toEqual({ revoked: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it("a stranger's notification settings are the stranger's own: saving them changes no one else's rows", async () => {
    const stranger = world.users.stranger.id;
    const body = {
      deliveries: { reply: "off", mention: "off", reply_hidden: "off", meeting_scheduled: "off", meeting_reminder: "off" },
      timeZone: "Asia/Tokyo",
    };
    const before = await snapshot();
    await saveNotificationSettings({ userId: stranger, body });
    const after = await snapshot();
    const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
    expect(changed.sort()).toEqual(["notification_preferences", "users"]);
    expect((await loadNotificationSettings({ userId: world.users.member.id })).timeZone).toBeNull();
  });

  it("a stranger's language choice is the stranger's own: saving it changes only the stranger's users row", async () => {
    const before = await snapshot();
    expect(await saveLocaleChoice({ userId: world.users.stranger.id, body: { locale: "es" } })).toEqual({ locale: "es" });
    const after = await snapshot();
    expect(Object.keys(after).filter((table) => after[table] !== before[table])).toEqual(["users"]);
    const [member] = await getDb().select({ locale: users.locale }).from(users).where(eq(users.id, world.users.member.id));
    expect(member?.locale).toBeNull();
  });

  it("deleting an account is the caller's own: a wrong password changes nothing, and a stranger deleting theirs touches only their users row", async () => {
    const before = await snapshot();
    const refused = await deleteAccount({ userId: world.users.stranger.id, address: "192.0.2.91", body: { email: "not-my-email@example.test", confirmed: true } }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AppError);
    expect(await snapshot()).toEqual(before);

    const leaving = await createTestUser("Leaving");
    const held = await snapshot();
    await deleteAccount({ userId: leaving.id, address: "192.0.2.92", body: { email: leaving.email, confirmed: true } });
    const after = await snapshot();
    expect(Object.keys(after).filter((table) => after[table] !== held[table])).toEqual(["users"]);
  });

  it("a stranger's own-replies export holds none of the club's replies", async () => {
    const read = async (userId: string) => {
      const download = await exportOwnReplies({ userId, body: { format: "json", locale: "en" } });
      return new Response(download.body).text();
    };
    const strangers = await read(world.users.stranger.id);
    expect(strangers).not.toContain(world.club.ownerReplyId);
    expect(strangers).not.toContain("The opening is all memory");
    // The owner's own export does hold that reply, so the empty answer above means something.
    expect(await read(world.users.owner.id)).toContain(world.club.ownerReplyId);
  });

  it("a stranger's calendar feed lists none of the club's meetings", async () => {
    const token = randomBytes(24).toString("base64url");
    await getDb().insert(calendarFeeds).values({ userId: world.users.stranger.id, token });
    const strangers = await calendarFeedIcs({ token, origin: "https://chapterhouse.test" });
    const owners = await calendarFeedIcs({ token: world.club.feedToken, origin: "https://chapterhouse.test" });
    expect(owners).toContain(world.club.meetingId);
    expect(strangers).not.toContain(world.club.meetingId);
    expect(strangers).not.toContain("Opening night");
  });
});

describe("every entry point, called by the right person, on a fresh club", () => {
  for (const entry of entryPoints) {
    const allowed = entry.allowed;
    if (!allowed) continue;
    it(`${entry.name} succeeds for ${allowedLabel[allowed]} (so the denials are about who asks, not a wrong id)`, async () => {
      const world = await buildWorld();
      const result = await outcome(entry.call(world.users[allowed].id, world));
      expect(result).not.toBeInstanceOf(Error);
    });
  }

  for (const entry of socketEntryPoints) {
    it(`socket ${entry.name} succeeds for a member`, async () => {
      const world = await buildWorld();
      const ack = await entry.send(await connectAs(world.users.member), world);
      expect(ack.ok).toBe(true);
    });
  }
});

describe("every socket event, sent what no page would send", () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  // Under the server's 64 KiB message limit (maxHttpBufferSize, lib/realtime/server.ts), past
  // which it closes the connection itself (tests/integration/realtime-origin.test.ts); "a huge
  // id" holds two of these.
  const huge = "x".repeat(30_000);
  const malformed: [label: string, args: unknown[]][] = [
    ["no payload", []],
    ["null", [null]],
    ["a number", [42]],
    ["a huge string", [huge]],
    ["an array", [["room:join"]]],
    ["an empty object", [{}]],
    ["ids of the wrong type", [{ roomId: 5, meetingId: 7, afterSeq: "soon" }]],
    ["ids that are objects", [{ roomId: { $ne: null }, meetingId: ["a"] }]],
    ["a huge id", [{ roomId: huge, meetingId: huge }]],
    ["ids that are not uuids", [{ roomId: "../etc/passwd", meetingId: "not-a-uuid" }]],
    ["ids that name nothing", [{ roomId: "00000000-0000-4000-8000-000000000000", meetingId: "00000000-0000-4000-8000-000000000000" }]],
  ];

  for (const entry of socketEntryPoints) {
    it(`${entry.name} answers each malformed payload with not-found, logs nothing, and the connection still works`, async () => {
      const logged = vi.spyOn(console, "error");
      const member = await connectAs(world.users.member);
      const before = await snapshot();
      for (const [label, args] of malformed) {
        expect(await emitUnchecked(member, entry.name, ...args), label).toEqual({ ok: false, error: { code: "not_found", message: entry.notFound } });
      }
      expect(await snapshot()).toEqual(before);
      expect(logged).not.toHaveBeenCalled();
      expect(member.connected).toBe(true);
      expect((await entry.send(member, world)).ok).toBe(true);
    });
  }

  it("room:join with a bad afterSeq is a bad request to a member, and still not found to a stranger", async () => {
    const member = await connectAs(world.users.member);
    const payload = { roomId: world.club.openRoomId, afterSeq: -1 };
    const ack = await emitUnchecked(member, "room:join", payload);
    expect(ack).toMatchObject({ ok: false, error: { code: "bad_request", fields: { after: expect.any(String) } } });
    expect(serverChannels(member).some((channel) => channel.startsWith("room:"))).toBe(false);
    expect(await emitUnchecked(await connectAs(world.users.stranger), "room:join", payload)).toEqual({
      ok: false,
      error: { code: "not_found", message: roomNotFound },
    });
    expect((await joinRoom(member, world.club.openRoomId)).ok).toBe(true);
  });

  it("an event sent without an ack is handled quietly, and the connection still works", async () => {
    const logged = vi.spyOn(console, "error");
    const member = await connectAs(world.users.member);
    for (const entry of socketEntryPoints) (member.emit as (event: string, ...args: unknown[]) => void)(entry.name, null);
    await settle();
    expect(logged).not.toHaveBeenCalled();
    expect(member.connected).toBe(true);
    expect((await joinRoom(member, world.club.openRoomId)).ok).toBe(true);
  });
});

describe("the permission matrix", () => {
  it("walks every client→server socket event", () => {
    expect(socketEntryPoints.map((entry) => entry.name).sort()).toEqual(Object.keys(clientEvents).sort());
  });

  it("has exactly the actions this walk knows how each is enforced", () => {
    expect(permissionMatrix().map((row) => row.action)).toEqual(Object.keys(enforcedBy));
    expect(clubActions).toEqual(Object.keys(enforcedBy));
  });

  it("names only entry points this file walks, and leaves no action without one", () => {
    const walked = new Set<string>([...entryPoints.map((entry) => entry.name), ...socketEntryPoints.map((entry) => entry.name)]);
    const named = Object.values(enforcedBy).flat();
    expect(named.filter((name) => !walked.has(name))).toEqual([]);
    expect(clubActions.filter((action) => enforcedBy[action].length === 0)).toEqual([]);
  });

  it("leaves no walked entry point out of the matrix map", () => {
    const named = new Set(Object.values(enforcedBy).flat());
    const unmapped = [...entryPoints.map((entry) => entry.name), ...socketEntryPoints.map((entry) => entry.name)].filter((name) => !named.has(name));
    expect(unmapped).toEqual([]);
  });
});
