import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/book/breadcrumb";
import { PollLiveView } from "@/components/polls/poll-live-view";
import { requireUser } from "@/lib/auth";
import { loadOrNotFound } from "@/lib/doors/page";
import { loadPollPage } from "@/lib/polls/polls";
import { adoptPollWinnerAction, castVoteAction, closePollAction, endProposalsAction, proposeBookAction } from "../actions";

type Props = { params: Promise<{ clubId: string; pollId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("polls.titles");
  return { title: t("poll") };
}

export default async function PollPage({ params }: Props) {
  const { clubId, pollId } = await params;
  const t = await getTranslations("polls");
  const user = await requireUser(`/clubs/${clubId}/polls/${pollId}`);
  const { club, poll } = await loadOrNotFound(() => loadPollPage({ clubId, pollId, userId: user.id }));

  return (
    <div className="space-y-6">
      <Breadcrumb items={[{ label: club.name, href: `/clubs/${club.id}` }, { label: t("breadcrumb.polls"), href: `/clubs/${club.id}/polls` }, { label: poll.question }]} />
      <header className="space-y-2">
        <p className="text-xs font-medium uppercase tracking-wider text-muted">{poll.kind === "next_book" ? t("list.nextBook") : t("list.poll")}</p>
        <h1 className="font-serif text-3xl font-semibold leading-tight">{poll.question}</h1>
        {poll.description ? <p className="whitespace-pre-line text-muted">{poll.description}</p> : null}
      </header>
      <PollLiveView
        initial={poll}
        actions={{
          vote: castVoteAction.bind(null, club.id, poll.id),
          propose: proposeBookAction.bind(null, club.id, poll.id),
          endProposals: endProposalsAction.bind(null, club.id, poll.id),
          close: closePollAction.bind(null, club.id, poll.id),
          adopt: adoptPollWinnerAction.bind(null, club.id, poll.id),
        }}
      />
    </div>
  );
}
