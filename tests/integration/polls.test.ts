import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/index";
import { books, clubs } from "@/db/schema/clubs";
import { meetings } from "@/db/schema/meetings";
import { polls, pollVotes } from "@/db/schema/polls";
import { users } from "@/db/schema/users";
import { removeMember } from "@/lib/clubs/members";
import { AppError } from "@/lib/errors";
import { adoptPollWinner, castVote, closePoll, createPoll, endPollProposals, loadPollForm, loadPollPage, loadPollsPage, proposeBook } from "@/lib/polls/polls";
import type { PollView } from "@/lib/polls/views";
import type { Ack } from "@/lib/realtime/events";
import type { CreatePollValues } from "@/lib/validation/polls";
import { createTestClub, createTestUser } from "./factories";
import { emitUnchecked, useRealtimeServer, type ClientSocket } from "./realtime-harness";

const realtime = useRealtimeServer();

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A club with an owner-moderator, five members and a stranger. */
async function setting() {
  const moderator = await createTestUser("Moderator");
  const members = await Promise.all(["Ruth", "Tommy", "Kathy", "Laura", "Chrissie"].map((name) => createTestUser(name)));
  const stranger = await createTestUser("Stranger");
  const club = await createTestClub({
    members: [{ userId: moderator.id, role: "owner" }, ...members.map((member) => ({ userId: member.id, role: "member" as const }))],
  });
  return { moderator, members, stranger, club };
}

type Setting = Awaited<ReturnType<typeof setting>>;

const year = new Date().getUTCFullYear() + 1;

function pollValues(overrides: Partial<CreatePollValues> = {}): CreatePollValues {
  return {
    kind: "question",
    question: "Where should we meet next?",
    description: "",
    voting: "single",
    maxChoices: null,
    resultsWhileOpen: true,
    anonymous: false,
    proposalsOpen: false,
    timeZone: "Europe/Madrid",
    closes: null,
    options: [{ title: "The library" }, { title: "The café" }, { title: "Online" }],
    ...overrides,
  };
}

async function openPoll(s: Setting, overrides: Partial<CreatePollValues> = {}) {
  const { pollId } = await createPoll({ clubId: s.club.clubId, userId: s.moderator.id, body: pollValues(overrides) });
  const view = await viewAs(s, s.moderator.id, pollId);
  const ids = Object.fromEntries(view.options.map((option) => [option.title, option.id]));
  return { pollId, ids, view };
}

async function viewAs(s: Setting, userId: string, pollId: string, now?: Date): Promise<PollView> {
  return (await loadPollPage({ clubId: s.club.clubId, pollId, userId, now })).poll;
}

function vote(s: Setting, userId: string, pollId: string, choices: string[], now?: Date) {
  return castVote({ clubId: s.club.clubId, pollId, userId, body: { choices }, now });
}

function votesOf(view: PollView): Record<string, number> {
  if (view.results?.kind !== "plain") throw new Error("expected plain results");
  const title = (id: string) => view.options.find((option) => option.id === id)?.title ?? id;
  return Object.fromEntries(view.results.counts.map((count) => [title(count.optionId), count.votes]));
}

describe("single choice", () => {
  it("counts one vote per member and names the winner", async () => {
    const s = await setting();
    const { pollId, ids } = await openPoll(s);
    const [ruth, tommy, kathy] = s.members;
    await vote(s, ruth!.id, pollId, [ids["The library"]!]);
    await vote(s, tommy!.id, pollId, [ids["The library"]!]);
    const view = await vote(s, kathy!.id, pollId, [ids["Online"]!]);
    expect(votesOf(view)).toEqual({ "The library": 2, "The café": 0, Online: 1 });
    expect(view.results).toMatchObject({ winners: [ids["The library"]], tie: false, ballots: 2 + 1 });
    expect(view.myBallot).toEqual([ids["Online"]]);
  });

  it("refuses two choices on a single-choice ballot, and an option of another poll", async () => {
    const s = await setting();
    const { pollId, ids } = await openPoll(s);
    const other = await openPoll(s);
    const voter = s.members[0]!.id;
    expect((await failure(vote(s, voter, pollId, [ids["The library"]!, ids["Online"]!]))).code).toBe("bad_request");
    expect((await failure(vote(s, voter, pollId, [other.ids["The library"]!]))).code).toBe("bad_request");
    expect((await failure(vote(s, voter, pollId, [ids["Online"]!, ids["Online"]!]))).code).toBe("bad_request");
    expect(await getDb().select().from(pollVotes).where(eq(pollVotes.pollId, pollId))).toEqual([]);
  });

  it("replaces a changed vote in one go, and withdraws an empty one", async () => {
    const s = await setting();
    const { pollId, ids } = await openPoll(s, { voting: "multiple" });
    const voter = s.members[0]!.id;
    await vote(s, voter, pollId, [ids["The library"]!, ids["Online"]!]);
    const changed = await vote(s, voter, pollId, [ids["The café"]!]);
    expect(votesOf(changed)).toEqual({ "The library": 0, "The café": 1, Online: 0 });
    const rows = await getDb().select().from(pollVotes).where(and(eq(pollVotes.pollId, pollId), eq(pollVotes.userId, voter)));
    expect(rows.map((row) => row.optionId)).toEqual([ids["The café"]]);
    const withdrawn = await vote(s, voter, pollId, []);
    expect(withdrawn.myBallot).toEqual([]);
    expect(withdrawn.voterCount).toBe(0);
  });

  it("reports a tie at the top as a tie, with no winner picked", async () => {
    const s = await setting();
    const { pollId, ids } = await openPoll(s);
    const [ruth, tommy] = s.members;
    await vote(s, ruth!.id, pollId, [ids["The library"]!]);
    const view = await vote(s, tommy!.id, pollId, [ids["The café"]!]);
    expect(view.results).toMatchObject({ winners: [ids["The library"], ids["The café"]], tie: true });
  });
});

describe("several choices", () => {
  it("counts every option chosen, up to the poll's maximum", async () => {
    const s = await setting();
    const { pollId, ids } = await openPoll(s, { voting: "multiple", maxChoices: 2 });
    const [ruth, tommy] = s.members;
    await vote(s, ruth!.id, pollId, [ids["The library"]!, ids["The café"]!]);
    const view = await vote(s, tommy!.id, pollId, [ids["The café"]!]);
    expect(votesOf(view)).toEqual({ "The library": 1, "The café": 2, Online: 0 });
    expect(view.results).toMatchObject({ ballots: 2, winners: [ids["The café"]], tie: false });
    const refused = await failure(vote(s, ruth!.id, pollId, [ids["The library"]!, ids["The café"]!, ids["Online"]!]));
    expect(refused.code).toBe("bad_request");
    expect(refused.message).toBe("Choose at most 2 options.");
  });

  it("refuses a maximum above the number of options", async () => {
    const s = await setting();
    const error = await failure(createPoll({ clubId: s.club.clubId, userId: s.moderator.id, body: pollValues({ voting: "multiple", maxChoices: 5 }) }));
    expect(error.fields?.maxChoices).toBeDefined();
  });
});

describe("ranked choice (instant runoff)", () => {
  it("shows every round: counts, who was eliminated, and exhausted ballots", async () => {
    const s = await setting();
    const { pollId, ids } = await openPoll(s, {
      voting: "ranked",
      options: [{ title: "Klara and the Sun" }, { title: "The Buried Giant" }, { title: "An Artist of the Floating World" }, { title: "Nocturnes" }],
    });
    const [klara, giant, artist, nocturnes] = ["Klara and the Sun", "The Buried Giant", "An Artist of the Floating World", "Nocturnes"].map((title) => ids[title]!);
    const [ruth, tommy, kathy, laura, chrissie] = s.members;
    // Round 1: Klara 2, Giant 2, Artist 1, Nocturnes 1 of 6: no majority. Artist and Nocturnes tie
    // for fewest with no earlier round: both go. Laura ranked only Nocturnes: her ballot is exhausted.
    // Round 2: Klara 2 + Kathy's (Artist>Klara) = 3, Giant 2 of 5 continuing: Klara has a majority.
    await vote(s, ruth!.id, pollId, [klara!, giant!]);
    await vote(s, tommy!.id, pollId, [giant!]);
    await vote(s, kathy!.id, pollId, [artist!, klara!]);
    await vote(s, laura!.id, pollId, [nocturnes!]);
    await vote(s, chrissie!.id, pollId, [giant!, klara!]);
    const view = await vote(s, s.moderator.id, pollId, [klara!]);
    if (view.results?.kind !== "ranked") throw new Error("expected ranked results");
    const [first, second] = view.results.rounds;
    expect(first).toMatchObject({ exhausted: 0, continuing: 6, eliminated: [artist, nocturnes], elimination: "tied-together", elected: null });
    expect(first?.counts).toEqual([
      { optionId: klara, votes: 2 },
      { optionId: giant, votes: 2 },
      { optionId: artist, votes: 1 },
      { optionId: nocturnes, votes: 1 },
    ]);
    expect(second).toMatchObject({ exhausted: 1, continuing: 5, elected: klara });
    expect(second?.counts).toEqual([
      { optionId: klara, votes: 3 },
      { optionId: giant, votes: 2 },
    ]);
    expect(view.results.winners).toEqual([klara]);
    expect(view.myBallot).toEqual([klara]);
  });

  it("keeps each ballot's order of preference", async () => {
    const s = await setting();
    const { pollId, ids } = await openPoll(s, { voting: "ranked" });
    const order = [ids["Online"]!, ids["The library"]!, ids["The café"]!];
    expect((await vote(s, s.members[0]!.id, pollId, order)).myBallot).toEqual(order);
  });

  it("declares a tie when every option left has the same votes", async () => {
    const s = await setting();
    const { pollId, ids } = await openPoll(s, { voting: "ranked", options: [{ title: "A" }, { title: "B" }] });
    await vote(s, s.members[0]!.id, pollId, [ids["A"]!, ids["B"]!]);
    const view = await vote(s, s.members[1]!.id, pollId, [ids["B"]!, ids["A"]!]);
    expect(view.results).toMatchObject({ kind: "ranked", tie: true, winners: [ids["A"], ids["B"]] });
  });
});

describe("closing time", () => {
  it("closes at 20:00 Madrid time in winter (19:00 UTC): a vote at 19:00:01Z is refused", async () => {
    const s = await setting();
    const created = new Date(`${year}-01-10T12:00:00Z`);
    const { pollId } = await createPoll({
      clubId: s.club.clubId,
      userId: s.moderator.id,
      body: pollValues({ timeZone: "Europe/Madrid", closes: { date: `${year}-01-15`, time: "20:00", choice: null } }),
      now: created,
    });
    const [row] = await getDb().select({ closesAt: polls.closesAt }).from(polls).where(eq(polls.id, pollId));
    expect(row?.closesAt?.toISOString()).toBe(`${year}-01-15T19:00:00.000Z`);

    const view = await viewAs(s, s.moderator.id, pollId, created);
    const option = view.options[0]!.id;
    const voter = s.members[0]!.id;
    await vote(s, voter, pollId, [option], new Date(`${year}-01-15T18:59:59Z`));
    const late = await failure(vote(s, voter, pollId, [option], new Date(`${year}-01-15T19:00:01Z`)));
    expect(late.code).toBe("conflict");
    expect(late.message).toBe("This poll is closed.");
    // Exactly at the instant is already closed.
    expect((await failure(vote(s, voter, pollId, [], new Date(`${year}-01-15T19:00:00Z`)))).code).toBe("conflict");

    const after = await viewAs(s, voter, pollId, new Date(`${year}-01-15T19:00:01Z`));
    expect(after).toMatchObject({ open: false, closedAt: `${year}-01-15T19:00:00.000Z`, myBallot: [option] });
    expect(after.may.vote).toBe(false);
    const list = await loadPollsPage({ clubId: s.club.clubId, userId: voter, now: new Date(`${year}-01-15T19:00:01Z`) });
    expect(list.open).toEqual([]);
    expect(list.closed).toMatchObject([{ id: pollId, voterCount: 1, optionCount: 3, viewerVoted: true, open: false }]);
    const someoneElse = await loadPollsPage({ clubId: s.club.clubId, userId: s.members[1]!.id, now: created });
    expect(someoneElse.open).toMatchObject([{ id: pollId, voterCount: 1, optionCount: 3, viewerVoted: false, open: true }]);
  });

  it("reads the same wall-clock time in the zone it was set in (summer Madrid, New York)", async () => {
    const s = await setting();
    const closes = { date: `${year}-07-03`, time: "20:00", choice: null };
    const madrid = await createPoll({ clubId: s.club.clubId, userId: s.moderator.id, body: pollValues({ timeZone: "Europe/Madrid", closes }) });
    const newYork = await createPoll({ clubId: s.club.clubId, userId: s.moderator.id, body: pollValues({ timeZone: "America/New_York", closes }) });
    const closesAt = async (id: string) => (await getDb().select({ at: polls.closesAt }).from(polls).where(eq(polls.id, id)))[0]?.at?.toISOString();
    expect(await closesAt(madrid.pollId)).toBe(`${year}-07-03T18:00:00.000Z`);
    expect(await closesAt(newYork.pollId)).toBe(`${year}-07-04T00:00:00.000Z`);
  });

  it("offers the moderator's own zone first, else the zone of the club's latest meeting", async () => {
    const s = await setting();
    expect(await loadPollForm({ clubId: s.club.clubId, userId: s.moderator.id })).toMatchObject({ userZone: null, clubZone: null });
    const meeting = (timeZone: string, createdAt: Date) => ({
      clubId: s.club.clubId,
      title: "Part One",
      startsAt: new Date(Date.now() + 86_400_000),
      timeZone,
      durationMinutes: 90,
      createdAt,
    });
    await getDb().insert(meetings).values([meeting("Europe/London", new Date(Date.now() - 60_000)), meeting("Europe/Madrid", new Date())]);
    expect(await loadPollForm({ clubId: s.club.clubId, userId: s.moderator.id })).toMatchObject({ userZone: null, clubZone: "Europe/Madrid" });
    await getDb().update(users).set({ timeZone: "America/Los_Angeles" }).where(eq(users.id, s.moderator.id));
    expect(await loadPollForm({ clubId: s.club.clubId, userId: s.moderator.id })).toMatchObject({ userZone: "America/Los_Angeles", clubZone: "Europe/Madrid" });
  });

  it("refuses a closing time in the past, a skipped hour, and a doubled hour without a choice", async () => {
    const s = await setting();
    const make = (closes: CreatePollValues["closes"]) => createPoll({ clubId: s.club.clubId, userId: s.moderator.id, body: pollValues({ closes }) });
    expect((await failure(make({ date: "2020-01-01", time: "10:00", choice: null }))).fields?.["closes.date"]).toBeDefined();
    // Madrid skips 02:00-03:00 on the last Sunday of March, and repeats 02:00-03:00 on the last Sunday of October.
    const lastSunday = (month: number) => {
      const day = new Date(Date.UTC(year, month + 1, 0));
      day.setUTCDate(day.getUTCDate() - day.getUTCDay());
      return day.toISOString().slice(0, 10);
    };
    expect((await failure(make({ date: lastSunday(2), time: "02:30", choice: null }))).fields?.["closes.time"]).toBeDefined();
    expect((await failure(make({ date: lastSunday(9), time: "02:30", choice: null }))).fields?.["closes.choice"]).toBeDefined();
    await make({ date: lastSunday(9), time: "02:30", choice: "later" });
  });

  it("closes by hand: votes and proposals are refused afterwards, and closing twice is a conflict", async () => {
    const s = await setting();
    const { pollId } = await openPoll(s, { kind: "next_book", proposalsOpen: true, options: [] });
    await proposeBook({ clubId: s.club.clubId, pollId, userId: s.members[0]!.id, body: { title: "Klara and the Sun", author: "Kazuo Ishiguro" } });
    const closed = await closePoll({ clubId: s.club.clubId, pollId, userId: s.moderator.id, body: {} });
    expect(closed.poll.open).toBe(false);
    const option = closed.poll.options[0]!.id;
    expect((await failure(vote(s, s.members[1]!.id, pollId, [option]))).code).toBe("conflict");
    const proposal = proposeBook({ clubId: s.club.clubId, pollId, userId: s.members[0]!.id, body: { title: "Nocturnes", author: "Kazuo Ishiguro" } });
    expect((await failure(proposal)).code).toBe("conflict");
    expect((await failure(closePoll({ clubId: s.club.clubId, pollId, userId: s.moderator.id, body: {} }))).message).toBe("This poll is already closed.");
  });
});

describe("who sees what", () => {
  it("a stranger and a removed member can neither see nor vote: not found", async () => {
    const s = await setting();
    const { pollId, ids } = await openPoll(s);
    const removed = s.members[4]!;
    await vote(s, removed.id, pollId, [ids["Online"]!]);
    await removeMember({ clubId: s.club.clubId, userId: s.moderator.id, body: { memberId: removed.id } });
    for (const outsider of [s.stranger, removed]) {
      expect((await failure(loadPollPage({ clubId: s.club.clubId, pollId, userId: outsider.id }))).code).toBe("not_found");
      expect((await failure(loadPollsPage({ clubId: s.club.clubId, userId: outsider.id }))).code).toBe("not_found");
      expect((await failure(vote(s, outsider.id, pollId, [ids["The library"]!]))).code).toBe("not_found");
      // A malformed payload from a stranger reads as not found too: the order leaks nothing.
      expect((await failure(castVote({ clubId: s.club.clubId, pollId, userId: outsider.id, body: "nonsense" }))).code).toBe("not_found");
    }
  });

  it("a poll is not found through another club's id", async () => {
    const s = await setting();
    const { pollId } = await openPoll(s);
    const other = await createTestClub({ members: [{ userId: s.moderator.id, role: "owner" }] });
    expect((await failure(loadPollPage({ clubId: other.clubId, pollId, userId: s.moderator.id }))).code).toBe("not_found");
  });

  it("members can't open or close polls: forbidden", async () => {
    const s = await setting();
    const member = s.members[0]!.id;
    expect((await failure(createPoll({ clubId: s.club.clubId, userId: member, body: pollValues() }))).code).toBe("forbidden");
    const { pollId } = await openPoll(s);
    expect((await failure(closePoll({ clubId: s.club.clubId, pollId, userId: member, body: {} }))).code).toBe("forbidden");
  });

  it("hidden results are hidden from everyone, moderators included, until the poll closes", async () => {
    const s = await setting();
    const { pollId, ids } = await openPoll(s, { resultsWhileOpen: false });
    const after = await vote(s, s.members[0]!.id, pollId, [ids["Online"]!]);
    expect(after.results).toBeNull();
    expect(after.voterCount).toBe(1);
    expect((await viewAs(s, s.moderator.id, pollId)).results).toBeNull();
    expect((await viewAs(s, s.members[1]!.id, pollId)).results).toBeNull();
    await closePoll({ clubId: s.club.clubId, pollId, userId: s.moderator.id, body: {} });
    expect(votesOf(await viewAs(s, s.members[1]!.id, pollId))).toEqual({ "The library": 0, "The café": 0, Online: 1 });
  });

  it("an anonymous poll names nobody; a named one lists voters per option", async () => {
    const s = await setting();
    const anonymous = await openPoll(s, { anonymous: true });
    const view = await vote(s, s.members[0]!.id, anonymous.pollId, [anonymous.ids["Online"]!]);
    if (view.results?.kind !== "plain") throw new Error("expected plain results");
    expect(view.results.counts.every((count) => count.voters === null)).toBe(true);
    expect(JSON.stringify(view)).not.toContain(s.members[0]!.name);

    const named = await openPoll(s);
    await vote(s, s.members[0]!.id, named.pollId, [named.ids["Online"]!]);
    const shown = await vote(s, s.members[1]!.id, named.pollId, [named.ids["Online"]!]);
    if (shown.results?.kind !== "plain") throw new Error("expected plain results");
    const online = shown.results.counts.find((count) => count.optionId === named.ids["Online"]);
    expect(online?.voters).toEqual([s.members[0]!.name, s.members[1]!.name].sort((a, b) => a.localeCompare(b)));
  });

  it("a deleted account's vote is shown as a former member's", async () => {
    const s = await setting();
    const { pollId, ids } = await openPoll(s);
    await vote(s, s.members[0]!.id, pollId, [ids["Online"]!]);
    await getDb().update(users).set({ deletedAt: new Date() }).where(eq(users.id, s.members[0]!.id));
    const view = await viewAs(s, s.moderator.id, pollId);
    if (view.results?.kind !== "plain") throw new Error("expected plain results");
    expect(view.results.counts.find((count) => count.optionId === ids["Online"])?.voters).toEqual([null]);
  });
});

describe("live", () => {
  function joinPoll(socket: ClientSocket, clubId: string, pollId: string): Promise<Ack<PollView>> {
    return new Promise((resolve) => socket.emit("poll:join", { clubId, pollId }, resolve));
  }

  function nextChange(socket: ClientSocket): Promise<unknown> {
    return new Promise((resolve) => socket.once("poll:changed", resolve));
  }

  it("tells every page showing the poll that it changed, and a page reads it again", async () => {
    const s = await setting();
    const { pollId, ids } = await openPoll(s);
    const watcher = await realtime.connectAs(s.members[1]!);
    const joined = await joinPoll(watcher, s.club.clubId, pollId);
    expect(joined.ok).toBe(true);
    const heard = nextChange(watcher);
    await vote(s, s.members[0]!.id, pollId, [ids["Online"]!]);
    expect(await heard).toEqual({ pollId });
    const again = await joinPoll(watcher, s.club.clubId, pollId);
    if (!again.ok) throw new Error("join refused");
    expect(votesOf(again.data)).toEqual({ "The library": 0, "The café": 0, Online: 1 });
  });

  it("never sends hidden results over the socket, not even to a moderator", async () => {
    const s = await setting();
    const { pollId, ids } = await openPoll(s, { resultsWhileOpen: false });
    const moderator = await realtime.connectAs(s.moderator);
    const joined = await joinPoll(moderator, s.club.clubId, pollId);
    if (!joined.ok) throw new Error("join refused");
    expect(joined.data.results).toBeNull();
    const frames: unknown[] = [];
    moderator.onAny((...args: unknown[]) => frames.push(args));
    const heard = nextChange(moderator);
    await vote(s, s.members[0]!.id, pollId, [ids["Online"]!]);
    await heard;
    const reread = await joinPoll(moderator, s.club.clubId, pollId);
    if (!reread.ok) throw new Error("join refused");
    expect(reread.data.results).toBeNull();
    // What arrived unasked carries no count and no voter.
    expect(JSON.stringify(frames)).not.toMatch(/votes|voters|rounds/);
    expect(JSON.stringify(frames)).not.toContain(ids["Online"]!);
  });

  it("refuses a stranger's join and never puts them in the poll's channel", async () => {
    const s = await setting();
    const { pollId } = await openPoll(s);
    const stranger = await realtime.connectAs(s.stranger);
    const refused = await joinPoll(stranger, s.club.clubId, pollId);
    expect(refused).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(realtime.serverChannels(stranger)).not.toContain(`poll:${pollId}`);
    const malformed = await emitUnchecked(stranger, "poll:join", { clubId: 3, pollId: null });
    expect(malformed).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("a removed member's page stops hearing the poll", async () => {
    const s = await setting();
    const { pollId, ids } = await openPoll(s);
    const removed = s.members[4]!;
    const socket = await realtime.connectAs(removed);
    expect((await joinPoll(socket, s.club.clubId, pollId)).ok).toBe(true);
    await removeMember({ clubId: s.club.clubId, userId: s.moderator.id, body: { memberId: removed.id } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(realtime.serverChannels(socket)).not.toContain(`poll:${pollId}`);
    let heard = false;
    socket.on("poll:changed", () => {
      heard = true;
    });
    await vote(s, s.members[0]!.id, pollId, [ids["Online"]!]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toBe(false);
  });
});

describe("the next-book vote", () => {
  const klara = { title: "Klara and the Sun", author: "Kazuo Ishiguro", link: "https://example.org/klara", coverUrl: "https://example.org/klara.jpg" };
  const giant = { title: "The Buried Giant", author: "Kazuo Ishiguro" };

  it("takes members' proposals while open, refuses duplicates, and none once proposals end", async () => {
    const s = await setting();
    const { pollId } = await openPoll(s, { kind: "next_book", proposalsOpen: true, options: [giant] });
    const proposer = s.members[0]!;
    const added = await proposeBook({ clubId: s.club.clubId, pollId, userId: proposer.id, body: klara });
    const option = added.poll.options.find((candidate) => candidate.id === added.optionId);
    expect(option).toMatchObject({ ...klara, proposedBy: proposer.name });
    const duplicate = await failure(proposeBook({ clubId: s.club.clubId, pollId, userId: s.members[1]!.id, body: { title: " klara and the sun ", author: "KAZUO ISHIGURO" } }));
    expect(duplicate.code).toBe("conflict");
    const ended = await endPollProposals({ clubId: s.club.clubId, pollId, userId: s.moderator.id });
    expect(ended.proposalsOpen).toBe(false);
    const late = await failure(proposeBook({ clubId: s.club.clubId, pollId, userId: proposer.id, body: { title: "Nocturnes", author: "Kazuo Ishiguro" } }));
    expect(late.message).toBe("Proposals for this vote have ended.");
    expect((await failure(endPollProposals({ clubId: s.club.clubId, pollId, userId: proposer.id }))).code).toBe("forbidden");
  });

  it("accepts http(s) links and covers only", async () => {
    const s = await setting();
    const { pollId } = await openPoll(s, { kind: "next_book", proposalsOpen: true, options: [] });
    const propose = (body: Record<string, string>) => proposeBook({ clubId: s.club.clubId, pollId, userId: s.members[0]!.id, body: { title: "Nocturnes", author: "Kazuo Ishiguro", ...body } });
    expect((await failure(propose({ link: "javascript:alert(1)" }))).fields?.link).toBeDefined();
    expect((await failure(propose({ coverUrl: "data:image/png;base64,AAAA" }))).fields?.coverUrl).toBeDefined();
    expect((await failure(propose({ link: "ftp://example.org/book" }))).fields?.link).toBeDefined();
    const added = await propose({ link: "http://example.org/nocturnes" });
    expect(added.poll.options[0]?.link).toBe("http://example.org/nocturnes");
    const refused = await failure(createPoll({ clubId: s.club.clubId, userId: s.moderator.id, body: pollValues({ kind: "next_book", options: [klara, { ...giant, link: "javascript:void(0)" }] }) }));
    expect(refused.fields?.["options.1.link"]).toBeDefined();
  });

  it("closing makes the winner the club's current book in one step", async () => {
    const s = await setting();
    const { pollId, ids } = await openPoll(s, { kind: "next_book", options: [klara, giant] });
    await vote(s, s.members[0]!.id, pollId, [ids[klara.title]!]);
    await vote(s, s.members[1]!.id, pollId, [ids[klara.title]!]);
    await vote(s, s.members[2]!.id, pollId, [ids[giant.title]!]);
    const result = await closePoll({ clubId: s.club.clubId, pollId, userId: s.moderator.id, body: { adopt: true } });
    expect(result.poll).toMatchObject({ open: false, adoptedBook: { title: klara.title } });
    const [club] = await getDb().select({ currentBookId: clubs.currentBookId }).from(clubs).where(eq(clubs.id, s.club.clubId));
    expect(club?.currentBookId).toBe(result.adoptedBookId);
    const [book] = await getDb().select().from(books).where(eq(books.id, result.adoptedBookId!));
    expect(book).toMatchObject({ clubId: s.club.clubId, title: klara.title, author: klara.author, coverUrl: klara.coverUrl });
    const [row] = await getDb().select({ adopted: polls.adoptedBookId }).from(polls).where(eq(polls.id, pollId));
    expect(row?.adopted).toBe(result.adoptedBookId);
    expect((await failure(adoptPollWinner({ clubId: s.club.clubId, pollId, userId: s.moderator.id, body: {} }))).message).toBe(
      "This vote's winner is already the club's book.",
    );
  });

  it("refuses to adopt on a tie unless the moderator picks one of the tied books", async () => {
    const s = await setting();
    const nocturnes = { title: "Nocturnes", author: "Kazuo Ishiguro" };
    const { pollId, ids } = await openPoll(s, { kind: "next_book", options: [klara, giant, nocturnes] });
    await vote(s, s.members[0]!.id, pollId, [ids[klara.title]!]);
    await vote(s, s.members[1]!.id, pollId, [ids[giant.title]!]);
    const tie = await failure(closePoll({ clubId: s.club.clubId, pollId, userId: s.moderator.id, body: { adopt: true } }));
    expect(tie.code).toBe("conflict");
    expect(tie.message).toContain("tie");
    // The refusal rolled the whole step back: the poll is still open and nothing was adopted.
    expect((await viewAs(s, s.moderator.id, pollId)).open).toBe(true);
    const before = (await getDb().select({ currentBookId: clubs.currentBookId }).from(clubs).where(eq(clubs.id, s.club.clubId)))[0]?.currentBookId;
    expect(before).toBe(s.club.bookId);

    await closePoll({ clubId: s.club.clubId, pollId, userId: s.moderator.id, body: {} });
    const notTied = await failure(adoptPollWinner({ clubId: s.club.clubId, pollId, userId: s.moderator.id, body: { optionId: ids[nocturnes.title] } }));
    expect(notTied.message).toBe("Choose one of the books tied for first place.");
    const picked = await adoptPollWinner({ clubId: s.club.clubId, pollId, userId: s.moderator.id, body: { optionId: ids[giant.title] } });
    expect(picked.poll.adoptedBook?.title).toBe(giant.title);
  });

  it("won't adopt while the poll is open, or when nobody voted", async () => {
    const s = await setting();
    const { pollId } = await openPoll(s, { kind: "next_book", options: [klara, giant] });
    expect((await failure(adoptPollWinner({ clubId: s.club.clubId, pollId, userId: s.moderator.id, body: {} }))).message).toBe("This poll is still open. Close it first.");
    expect((await failure(closePoll({ clubId: s.club.clubId, pollId, userId: s.moderator.id, body: { adopt: true } }))).message).toBe(
      "Nobody voted, so there is no winner to make the club's book.",
    );
  });

  it("adopts the instant-runoff winner of a ranked next-book vote closed by its time", async () => {
    const s = await setting();
    const created = new Date(`${year}-02-01T10:00:00Z`);
    const { pollId } = await createPoll({
      clubId: s.club.clubId,
      userId: s.moderator.id,
      body: pollValues({ kind: "next_book", voting: "ranked", options: [klara, giant, { title: "Nocturnes", author: "Kazuo Ishiguro" }], closes: { date: `${year}-02-02`, time: "09:00", choice: null } }),
      now: created,
    });
    const view = await viewAs(s, s.moderator.id, pollId, created);
    const [k, g, n] = view.options.map((option) => option.id);
    await vote(s, s.members[0]!.id, pollId, [k!, g!], created);
    await vote(s, s.members[1]!.id, pollId, [g!], created);
    await vote(s, s.members[2]!.id, pollId, [n!, k!], created);
    await vote(s, s.members[3]!.id, pollId, [k!], created);
    // Round 1: Klara 2, Giant 1, Nocturnes 1 of 4; Giant and Nocturnes go together.
    // Round 2: Klara 3 of the 3 ballots still counting (the Giant-only ballot is exhausted).
    const after = new Date(`${year}-02-02T09:00:00Z`);
    const adopted = await adoptPollWinner({ clubId: s.club.clubId, pollId, userId: s.moderator.id, body: {}, now: after });
    expect(adopted.poll.adoptedBook?.title).toBe(klara.title);
  });
});
