import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Breadcrumb } from "@/components/book/breadcrumb";
import { PollForm } from "@/components/polls/poll-form";
import { requireUser } from "@/lib/auth";
import { loadOrNotFound } from "@/lib/doors/page";
import { can } from "@/lib/permissions";
import { loadPollForm } from "@/lib/polls/polls";
import { createPollAction } from "../actions";

type Props = { params: Promise<{ clubId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("polls.titles");
  return { title: t("new") };
}

export default async function NewPollPage({ params }: Props) {
  const { clubId } = await params;
  const t = await getTranslations("polls");
  const user = await requireUser(`/clubs/${clubId}/polls/new`);
  const { club, role, userZone, clubZone } = await loadOrNotFound(() => loadPollForm({ clubId, userId: user.id }));
  const pollsHref = `/clubs/${club.id}/polls`;
  if (!can(role, "poll:manage")) {
    return (
      <div className="space-y-3 rounded-lg border border-line bg-white p-5 shadow-sm">
        <h1 className="font-serif text-2xl font-semibold">{t("moderatorsOnly.heading")}</h1>
        <p className="text-muted">{t("moderatorsOnly.text")}</p>
        <Link href={pollsHref} className="inline-block text-accent hover:underline">
          {t("moderatorsOnly.back")}
        </Link>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <Breadcrumb items={[{ label: club.name, href: `/clubs/${club.id}` }, { label: t("breadcrumb.polls"), href: pollsHref }, { label: t("breadcrumb.new") }]} />
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold">{t("newPage.heading")}</h1>
        <p className="text-muted">{t("newPage.intro")}</p>
      </header>
      <PollForm action={createPollAction.bind(null, club.id)} defaultZone={userZone ?? clubZone} cancelHref={pollsHref} />
    </div>
  );
}
