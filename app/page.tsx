import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DeleteAccountFarewell } from "@/components/profile/delete-account-farewell";
import { MeetingTimeCompact } from "@/components/meeting/meeting-time";
import { RelativeTime } from "@/components/ui/relative-time";
import { ClubUnreadCount, ClubUnreadProvider } from "@/components/unread/unread-live";
import { getCurrentUser } from "@/lib/auth";
import { listMyClubs } from "@/lib/clubs/clubs";
import { loadMyUnreadCounts } from "@/lib/discussion/unread";
import { loadNextMeetingsByClub } from "@/lib/meetings/pages";

const createClubLinkClass =
  "inline-flex items-center justify-center rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent";

export async function generateMetadata(): Promise<Metadata> {
  const user = await getCurrentUser();
  return user ? { title: (await getTranslations("home"))("yourClubs") } : {};
}

export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) {
    return (
      <>
        <DeleteAccountFarewell />
        <Welcome />
      </>
    );
  }
  const t = await getTranslations("home");
  // Rich messages are built here, outside the markup, so the markup holds no message keys of its own.
  const reading = (title: string, author: string) =>
    t.rich("reading", { title, author, cite: (chunks) => <cite className="not-italic text-ink">{chunks}</cite> });
  const lastReply = (iso: string) => t.rich("lastReply", { time: () => <RelativeTime iso={iso} /> });
  const [clubs, nextMeetings, unread] = await Promise.all([
    listMyClubs({ userId: user.id }),
    loadNextMeetingsByClub({ userId: user.id }),
    loadMyUnreadCounts({ userId: user.id }),
  ]);
  return (
    <section className="space-y-6" aria-labelledby="clubs-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="clubs-heading" className="font-serif text-3xl font-semibold">
          {t("yourClubs")}
        </h1>
        {clubs.length > 0 ? (
          <Link href="/clubs/new" className={createClubLinkClass}>
            {t("createClub")}
          </Link>
        ) : null}
      </div>
      {clubs.length === 0 ? (
        <NoClubsYet />
      ) : (
        <ul className="space-y-3">
          {clubs.map((club) => {
            const next = nextMeetings[club.id];
            return (
              <li key={club.id}>
                <Link
                  href={`/clubs/${club.id}`}
                  className="block rounded-lg border border-line bg-white p-5 shadow-sm transition hover:border-accent/40 hover:shadow"
                >
                  <span className="flex items-start justify-between gap-3">
                    <span className="block font-serif text-xl font-semibold text-ink">{club.name}</span>
                    <ClubUnreadProvider initial={{ clubId: club.id, total: unread[club.id] ?? 0, rooms: {} }}>
                      <ClubUnreadCount />
                    </ClubUnreadProvider>
                  </span>
                  {club.bookTitle ? (
                    <span className="mt-1 block text-muted">
                      {reading(club.bookTitle, club.bookAuthor ?? "")}
                    </span>
                  ) : (
                    <span className="mt-1 block text-muted">{t("noBook")}</span>
                  )}
                  {next ? (
                    <span className="mt-3 block rounded-md bg-accent-soft/60 px-3 py-2 text-sm">
                      <span className="block font-medium text-accent-strong">
                        {t(next.phase === "live" ? "meetingNow" : "nextMeeting", { title: next.title })}
                      </span>
                      <span className="block text-ink/80">
                        <MeetingTimeCompact startsAt={next.startsAt} durationMinutes={next.durationMinutes} timeZone={next.timeZone} />
                      </span>
                      {next.viewerRsvp ? <span className="block text-muted">{t(`rsvp.${next.viewerRsvp}`)}</span> : null}
                    </span>
                  ) : null}
                  {club.lastActivityAt ? (
                    <span className="mt-2 block text-sm text-muted">
                      {lastReply(club.lastActivityAt.toISOString())}
                    </span>
                  ) : null}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

async function NoClubsYet() {
  const t = await getTranslations("home");
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
        <h2 className="font-serif text-xl font-semibold">{t("joining.heading")}</h2>
        <p className="mt-2 leading-relaxed text-muted">{t("joining.body")}</p>
      </div>
      <div className="flex flex-col rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
        <h2 className="font-serif text-xl font-semibold">{t("starting.heading")}</h2>
        <p className="mt-2 flex-1 leading-relaxed text-muted">{t("starting.body")}</p>
        <div className="mt-4">
          <Link href="/clubs/new" className={createClubLinkClass}>
            {t("createClub")}
          </Link>
        </div>
      </div>
    </div>
  );
}

async function Welcome() {
  const t = await getTranslations("home.welcome");
  const heading = t.rich("heading", { accent: (chunks) => <span className="text-accent">{chunks}</span> });
  return (
    <section className="space-y-6 py-6" aria-labelledby="welcome-heading">
      <h1 id="welcome-heading" className="font-serif text-4xl font-semibold leading-tight sm:text-5xl">
        {heading}
      </h1>
      <p className="max-w-xl text-lg leading-relaxed text-muted">
        {t("body")}
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href="/sign-up" className="rounded-md bg-accent px-5 py-2.5 font-medium text-white hover:bg-accent-strong">
          {t("createAccount")}
        </Link>
        <Link href="/sign-in" className="rounded-md border border-line bg-white px-5 py-2.5 font-medium text-ink hover:bg-paper">
          {t("signIn")}
        </Link>
      </div>
    </section>
  );
}
