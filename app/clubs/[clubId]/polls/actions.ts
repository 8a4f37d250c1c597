"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/doors/action";
import type { Outcome } from "@/lib/doors/outcome";
import { adoptPollWinner, castVote, closePoll, createPoll, endPollProposals, proposeBook } from "@/lib/polls/polls";
import type { PollView } from "@/lib/polls/views";
import type { AdoptPollValues, BookOptionValues, ClosePollValues, CreatePollValues, VoteValues } from "@/lib/validation/polls";

function refreshPolls(clubId: string) {
  // The Polls list, the poll page and the club page's card show what changed.
  revalidatePath(`/clubs/${clubId}`, "layout");
}

export async function createPollAction(clubId: string, values: CreatePollValues): Promise<Outcome<{ href: string }>> {
  const result = await runAction((user) => createPoll({ clubId, userId: user.id, body: values }));
  if (!result.ok) return result;
  refreshPolls(result.data.clubId);
  return { ok: true, data: { href: `/clubs/${result.data.clubId}/polls/${result.data.pollId}` } };
}

export async function castVoteAction(clubId: string, pollId: string, values: VoteValues): Promise<Outcome<PollView>> {
  const result = await runAction((user) => castVote({ clubId, pollId, userId: user.id, body: values }));
  if (result.ok) refreshPolls(clubId);
  return result;
}

export async function proposeBookAction(clubId: string, pollId: string, values: BookOptionValues): Promise<Outcome<PollView>> {
  const result = await runAction((user) => proposeBook({ clubId, pollId, userId: user.id, body: values }));
  if (!result.ok) return result;
  refreshPolls(clubId);
  return { ok: true, data: result.data.poll };
}

export async function endProposalsAction(clubId: string, pollId: string): Promise<Outcome<PollView>> {
  const result = await runAction((user) => endPollProposals({ clubId, pollId, userId: user.id }));
  if (result.ok) refreshPolls(clubId);
  return result;
}

export async function closePollAction(clubId: string, pollId: string, values: ClosePollValues): Promise<Outcome<PollView>> {
  const result = await runAction((user) => closePoll({ clubId, pollId, userId: user.id, body: values }));
  if (!result.ok) return result;
  refreshPolls(clubId);
  return { ok: true, data: result.data.poll };
}

export async function adoptPollWinnerAction(clubId: string, pollId: string, values: AdoptPollValues): Promise<Outcome<PollView>> {
  const result = await runAction((user) => adoptPollWinner({ clubId, pollId, userId: user.id, body: values }));
  if (!result.ok) return result;
  refreshPolls(clubId);
  return { ok: true, data: result.data.poll };
}
