import "server-only";
import {
  addProposal,
  createPoll as insertPoll,
  endProposals,
  getAdoptedBook,
  getClubPoll,
  getPollZoneDefaults,
  listClubPolls,
  listPollBallots,
  listPollOptions,
  replaceBallot,
  settlePoll,
  type FrozenPoll,
  type OptionRow,
  type PollRow,
} from "@/db/queries/polls";
import { getClubName } from "@/db/queries/clubs";
import { ensure, resolveClub, type ClubAccess } from "@/lib/access";
import { loadClubNames } from "@/lib/accounts/name-labels";
import { door } from "@/lib/doors/door";
import { done, type LiveEvent } from "@/lib/doors/live";
import { AppError, notFound } from "@/lib/errors";
import { errorText } from "@/lib/i18n/error-text";
import { can, canProposeInPoll, canVoteInPoll } from "@/lib/permissions";
import { adoptPollInput, bookOptionInput, closePollInput, clubPollParams, clubPollsParams, createPollInput, pollLimits, voteInput } from "@/lib/validation/polls";
import { resolveClosingTime } from "./closing";
import { countPoll, isPollOpen, pollView, type PollView } from "./views";

// The doors of a club's polls: the list, one poll, the new-poll form, and voting, proposing,
// ending proposals, closing and adopting the winner. Each is a door (lib/doors/door.ts): ids
// parsed, the club and poll resolved for the caller (strangers and removed members find
// nothing), the payload parsed, one transaction, then a "poll:changed" live event after commit.

type PollAccess = ClubAccess & { poll: PollRow };

const manageRefusal = errorText("poll.refuseManage");

/** The club's poll with this id for a member; strangers, and a poll of another club, are not found. */
async function resolvePoll({ params, userId }: { params: { clubId: string; pollId: string }; userId: string }): Promise<PollAccess> {
  const club = await resolveClub({ clubId: params.clubId, userId, what: "poll" });
  if (!can(club.role, "poll:view")) throw notFound("poll");
  const poll = await getClubPoll({ clubId: club.clubId, pollId: params.pollId });
  if (!poll) throw notFound("poll");
  return { ...club, poll };
}

/** As resolvePoll, for moderators only; members are told it is for moderators. */
async function resolveManagedPoll(input: { params: { clubId: string; pollId: string }; userId: string }): Promise<PollAccess> {
  const access = await resolvePoll(input);
  ensure(can(access.role, "poll:manage"), manageRefusal);
  return access;
}

async function requireClubName(clubId: string): Promise<{ id: string; name: string }> {
  const club = await getClubName({ clubId });
  if (!club) throw notFound("club");
  return club;
}

const changed = (poll: { id: string; clubId: string }): LiveEvent => ({ type: "poll:changed", pollId: poll.id, clubId: poll.clubId });

/** One reader's view of a poll, read now (lib/polls/views.ts decides what they may see). */
async function readPollView(access: PollAccess, userId: string, now: Date): Promise<PollView> {
  const { poll, role } = access;
  const [options, rows, names, adopted] = await Promise.all([
    listPollOptions({ pollId: poll.id }),
    listPollBallots({ pollId: poll.id }),
    loadClubNames(poll.clubId),
    poll.adoptedBookId ? getAdoptedBook({ clubId: poll.clubId, bookId: poll.adoptedBookId }) : Promise.resolve(null),
  ]);
  // A stored name of null is a deleted account (db/queries/former-members.ts): never a club label for it.
  const stored = new Map<string, string | null>([
    ...rows.map((row) => [row.userId, row.voterName] as const),
    ...options.flatMap((option) => (option.proposedById ? [[option.proposedById, option.proposerName] as const] : [])),
  ]);
  const open = isPollOpen(poll, now);
  return pollView({
    poll,
    adoptedBook: adopted,
    options,
    rows,
    viewerId: userId,
    nameOf: (id) => (stored.get(id) === null ? null : (names.get(id) ?? stored.get(id) ?? null)),
    may: {
      vote: canVoteInPoll(role, { open }),
      propose: canProposeInPoll(role, { open, kind: poll.kind, proposalsOpen: poll.proposalsOpen }),
      manage: can(role, "poll:manage"),
    },
    now,
  });
}

// ---- reads ----

/** What the Polls list shows of each poll. Results are given only where the reader may see them. */
export type PollListItem = {
  id: string;
  kind: PollView["kind"];
  question: string;
  voting: PollView["voting"];
  open: boolean;
  closesAt: string | null;
  closedAt: string | null;
  timeZone: string;
  voterCount: number;
  optionCount: number;
  viewerVoted: boolean;
  proposalsOpen: boolean;
  adopted: boolean;
};

/** The club's Polls page: open polls (soonest to close first) and closed ones (most recent first). */
export const loadPollsPage = door({
  params: clubPollsParams,
  what: "club",
  resolve: async ({ params, userId }) => {
    const access = await resolveClub({ clubId: params.clubId, userId });
    if (!can(access.role, "poll:view")) throw notFound("club");
    return access;
  },
  act: async ({ params, userId, target, now }) => {
    const [club, rows] = await Promise.all([requireClubName(params.clubId), listClubPolls({ clubId: params.clubId, userId, limit: 200 })]);
    const items: PollListItem[] = rows.map((row) => {
      const open = isPollOpen(row, now);
      return {
        id: row.id,
        kind: row.kind,
        question: row.question,
        voting: row.voting,
        open,
        closesAt: row.closesAt?.toISOString() ?? null,
        closedAt: (row.closedAt ?? (open ? null : row.closesAt))?.toISOString() ?? null,
        timeZone: row.timeZone,
        voterCount: row.voterCount,
        optionCount: row.optionCount,
        viewerVoted: row.viewerVoted,
        proposalsOpen: open && row.kind === "next_book" && row.proposalsOpen,
        adopted: row.adoptedBookId !== null,
      };
    });
    const closesAt = (item: PollListItem) => (item.closesAt ? Date.parse(item.closesAt) : Number.POSITIVE_INFINITY);
    const closedAt = (item: PollListItem) => (item.closedAt ? Date.parse(item.closedAt) : 0);
    return done({
      club,
      role: target.role,
      open: items.filter((item) => item.open).sort((a, b) => closesAt(a) - closesAt(b)),
      closed: items.filter((item) => !item.open).sort((a, b) => closedAt(b) - closedAt(a)),
    });
  },
});

/** The club page's card: the open poll closing soonest, if any. */
export const loadOpenPollCard = door({
  params: clubPollsParams,
  what: "club",
  resolve: ({ params, userId }) => resolveClub({ clubId: params.clubId, userId }),
  act: async ({ params, userId, now }) => {
    const page = await loadPollsPage({ clubId: params.clubId, userId, now });
    return done({ poll: page.open[0] ?? null, more: Math.max(0, page.open.length - 1) });
  },
});

/** One poll, as this reader may see it; also what a live page reads again when told the poll changed. */
export const loadPollPage = door({
  params: clubPollParams,
  what: "poll",
  resolve: resolvePoll,
  act: async ({ params, target, userId, now }) => {
    const [club, poll] = await Promise.all([requireClubName(params.clubId), readPollView(target, userId, now)]);
    return done({ club, role: target.role, poll });
  },
});

/** The new-poll form: the club, and the zones its closing time may default to (the moderator's, the club's). */
export const loadPollForm = door({
  params: clubPollsParams,
  what: "club",
  resolve: ({ params, userId }) => resolveClub({ clubId: params.clubId, userId }),
  act: async ({ params, target, userId }) => {
    const [club, zones] = await Promise.all([requireClubName(params.clubId), getPollZoneDefaults({ clubId: params.clubId, userId })]);
    return done({ club, role: target.role, ...zones });
  },
});

// ---- writes ----

/** A moderator opens a poll (or a next-book vote) with its options; it closes at `closes` in `timeZone`, or by hand. */
export const createPoll = door({
  params: clubPollsParams,
  what: "club",
  resolve: async ({ params, userId }) => {
    const access = await resolveClub({ clubId: params.clubId, userId });
    ensure(can(access.role, "poll:manage"), manageRefusal);
    return access;
  },
  body: createPollInput,
  act: async ({ params, body, userId, now }) => {
    const closesAt = resolveClosingTime(body.closes, body.timeZone, now);
    if (body.maxChoices !== null && !body.proposalsOpen && body.maxChoices > body.options.length) {
      const message = errorText("poll.maxChoicesOverOptions", { count: body.options.length });
      throw new AppError("bad_request", message, { maxChoices: message });
    }
    const poll = await insertPoll({
      clubId: params.clubId,
      createdById: userId,
      values: {
        kind: body.kind,
        question: body.question,
        description: body.description,
        voting: body.voting,
        maxChoices: body.maxChoices,
        resultsWhileOpen: body.resultsWhileOpen,
        anonymous: body.anonymous,
        proposalsOpen: body.proposalsOpen,
        closesAt,
        timeZone: body.timeZone,
      },
      options: body.options,
    });
    return done({ pollId: poll.id, clubId: params.clubId });
  },
});

/**
 * A member casts or changes their ballot (`choices`, first preference first; empty withdraws it).
 * The new ballot replaces the old in one transaction; refused once the poll has closed, by hand
 * or at its closing instant. Answers with the reader's view of the poll afterwards.
 */
export const castVote = door({
  params: clubPollParams,
  what: "poll",
  resolve: resolvePoll,
  body: voteInput,
  act: async ({ body, target, userId, now }) => {
    const { poll } = target;
    if (!canVoteInPoll(target.role, { open: isPollOpen(poll, now) })) throw new AppError("conflict", errorText("poll.closed"));
    const { choices } = body;
    if (poll.voting === "single" && choices.length > 1) throw ballotError(errorText("poll.chooseOne"));
    if (poll.voting === "multiple" && poll.maxChoices !== null && choices.length > poll.maxChoices) {
      throw ballotError(errorText("poll.tooManyChoices", { maximum: poll.maxChoices }));
    }
    const result = await replaceBallot({ pollId: poll.id, clubId: poll.clubId, userId, choices, now });
    if (result.status === "not_found") throw notFound("poll");
    if (result.status === "closed") throw new AppError("conflict", errorText("poll.closed"));
    if (result.status === "unknown_option") throw ballotError(errorText("poll.chooseOption"));
    return done(await readPollView(target, userId, now), changed(poll));
  },
});

function ballotError(message: ReturnType<typeof errorText>): AppError {
  return new AppError("bad_request", message, { choices: message });
}

/** A member proposes a book for an open next-book vote while proposals are open. */
export const proposeBook = door({
  params: clubPollParams,
  what: "poll",
  resolve: resolvePoll,
  body: bookOptionInput,
  act: async ({ body, target, userId, now }) => {
    const { poll } = target;
    if (poll.kind !== "next_book") throw new AppError("conflict", errorText("poll.notNextBook"));
    const result = await addProposal({ pollId: poll.id, clubId: poll.clubId, userId, values: body, now, maxOptions: pollLimits.options.max });
    switch (result.status) {
      case "not_found":
        throw notFound("poll");
      case "not_next_book":
        throw new AppError("conflict", errorText("poll.notNextBook"));
      case "closed":
        throw new AppError("conflict", errorText("poll.closed"));
      case "proposals_closed":
        throw new AppError("conflict", errorText("poll.proposalsClosed"));
      case "duplicate": {
        const message = errorText("poll.duplicateProposal");
        throw new AppError("conflict", message, { title: message });
      }
      case "too_many":
        throw new AppError("conflict", errorText("poll.tooManyProposals", { maximum: pollLimits.options.max }));
      case "added":
        return done({ optionId: result.optionId, poll: await readPollView(target, userId, now) }, changed(poll));
    }
  },
});

/** A moderator ends proposals for a next-book vote; members keep voting on the books there are. */
export const endPollProposals = door({
  params: clubPollParams,
  what: "poll",
  resolve: resolveManagedPoll,
  act: async ({ target, userId, now }) => {
    const result = await endProposals({ pollId: target.poll.id, clubId: target.poll.clubId });
    if (result === "not_found") throw notFound("poll");
    const view = await readPollView({ ...target, poll: { ...target.poll, proposalsOpen: false } }, userId, now);
    return result === "ended" ? done(view, changed(target.poll)) : done(view);
  },
});

/**
 * The option a closed next-book vote makes the club's book: its winner, or, on a tie, the one the
 * moderator picked among the tied (`chosen`). Refuses when nobody voted, on a tie with no pick,
 * and a pick that did not win.
 */
function chooseAdopted(frozen: FrozenPoll, chosen: string | null): OptionRow {
  const tally = countPoll(frozen.poll, frozen.options.map((option) => option.id), frozen.ballots);
  const title = (id: string) => frozen.options.find((option) => option.id === id)?.title ?? "";
  if (tally.winners.length === 0) throw new AppError("conflict", errorText("poll.noVotes"));
  if (chosen !== null && !tally.winners.includes(chosen)) {
    const message = errorText(tally.tie ? "poll.notAmongTied" : "poll.notTheWinner");
    throw new AppError("conflict", message, { optionId: message });
  }
  if (chosen === null && tally.tie) {
    const message = errorText("poll.tie", { options: tally.winners.map(title).join(" · ") });
    throw new AppError("conflict", message, { optionId: message });
  }
  const id = chosen ?? (tally.winners[0] as string);
  const option = frozen.options.find((candidate) => candidate.id === id);
  if (!option) throw notFound("pollOption");
  return option;
}

/**
 * A moderator closes a poll by hand. With `adopt`, a next-book vote's winner (or `optionId`, the
 * moderator's pick among tied books) also becomes the club's current book, in the same
 * transaction: the book is created in the club and made current, and the poll remembers it.
 * A refused adoption (a tie with no pick) leaves the poll open.
 */
export const closePoll = door({
  params: clubPollParams,
  what: "poll",
  resolve: resolveManagedPoll,
  body: closePollInput,
  act: async ({ body, target, userId, now }) => {
    const { poll } = target;
    if (body.adopt && poll.kind !== "next_book") throw new AppError("conflict", errorText("poll.adoptNotNextBook"));
    const result = await settlePoll({
      pollId: poll.id,
      clubId: poll.clubId,
      userId,
      now,
      close: true,
      adopt: body.adopt ? (frozen) => chooseAdopted(frozen, body.optionId) : null,
    });
    return settled(result, target, userId, now);
  },
});

/** A moderator makes a closed next-book vote's winner (or their pick among tied books) the club's current book. */
export const adoptPollWinner = door({
  params: clubPollParams,
  what: "poll",
  resolve: resolveManagedPoll,
  body: adoptPollInput,
  act: async ({ body, target, userId, now }) => {
    const { poll } = target;
    if (poll.kind !== "next_book") throw new AppError("conflict", errorText("poll.adoptNotNextBook"));
    const result = await settlePoll({ pollId: poll.id, clubId: poll.clubId, userId, now, close: false, adopt: (frozen) => chooseAdopted(frozen, body.optionId) });
    return settled(result, target, userId, now);
  },
});

async function settled(result: Awaited<ReturnType<typeof settlePoll>>, target: PollAccess, userId: string, now: Date) {
  switch (result.status) {
    case "not_found":
      throw notFound("poll");
    case "already_closed":
      throw new AppError("conflict", errorText("poll.alreadyClosed"));
    case "still_open":
      throw new AppError("conflict", errorText("poll.stillOpen"));
    case "already_adopted":
      throw new AppError("conflict", errorText("poll.alreadyAdopted"));
    case "settled": {
      const poll = await getClubPoll({ clubId: target.poll.clubId, pollId: target.poll.id });
      if (!poll) throw notFound("poll");
      const view = await readPollView({ ...target, poll }, userId, now);
      return done({ poll: view, adoptedBookId: result.adoptedBookId }, changed(poll));
    }
  }
}

/**
 * What a live page hears when it (re)joins a poll: the reader's view, read now. Used by the
 * socket's poll:join, which also re-checks membership on every join.
 */
export const loadPollForLive = door({
  params: clubPollParams,
  what: "poll",
  resolve: resolvePoll,
  act: async ({ target, userId, now }) => done(await readPollView(target, userId, now)),
});
