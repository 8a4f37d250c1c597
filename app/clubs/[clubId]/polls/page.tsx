import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PollList } from "@/components/polls/poll-list";
import { requireUser } from "@/lib/auth";
import { loadOrNotFound } from "@/lib/doors/page";
import { can } from "@/lib/permissions";
import { loadPollsPage } from "@/lib/polls/polls";

type Props = { params: Promise<{ clubId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("polls.titles");
  return { title: t("list") };
}

export default async function PollsPage({ params }: Props) {
  const { clubId } = await params;
  const t = await getTranslations("polls.list");
  const user = await requireUser(`/clubs/${clubId}/polls`);
  const { club, role, open, closed } = await loadOrNotFound(() => loadPollsPage({ clubId, userId: user.id }));
  const manages = can(role, "poll:manage");

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold sm:text-4xl">{club.name}</h1>
      </header>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="font-serif text-2xl font-semibold">{t("heading")}</h2>
        {manages ? (
          <Link
            href={`/clubs/${club.id}/polls/new`}
            className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            {t("new")}
          </Link>
        ) : null}
      </div>

      <section aria-labelledby="open-polls-heading" className="space-y-3">
        <h2 id="open-polls-heading" className="text-xs font-medium uppercase tracking-wider text-muted">
          {t("open")}
        </h2>
        {open.length > 0 ? (
          <PollList clubId={club.id} polls={open} />
        ) : (
          <p className="rounded-lg border border-dashed border-line bg-white/60 p-5 text-muted">{manages ? t("noneOpenModerator") : t("noneOpen")}</p>
        )}
      </section>

      <section aria-labelledby="closed-polls-heading" className="space-y-3">
        <h2 id="closed-polls-heading" className="text-xs font-medium uppercase tracking-wider text-muted">
          {t("closed")}
        </h2>
        {closed.length > 0 ? <PollList clubId={club.id} polls={closed} /> : <p className="text-sm text-muted">{t("noneClosed")}</p>}
      </section>
    </div>
  );
}
