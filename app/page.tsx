import Link from "next/link";
import { rsvpLabel } from "@/components/meeting/meeting-list";
import { MeetingTimeCompact } from "@/components/meeting/meeting-time";
import { RelativeTime } from "@/components/ui/relative-time";
import { ClubUnreadCount, ClubUnreadProvider } from "@/components/unread/unread-live";
import { getCurrentUser } from "@/lib/auth";
import { listMyClubs } from "@/lib/clubs/clubs";
import { loadMyUnreadCounts } from "@/lib/discussion/unread";
import { loadNextMeetingsByClub } from "@/lib/meetings/pages";

const createClubLinkClass =
  "inline-flex items-center justify-center rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent";

export default async function HomePage() {
  const user = await getCurrentUser();
  if (!user) return <Welcome />;
  const [clubs, nextMeetings, unread] = await Promise.all([
    listMyClubs({ userId: user.id }),
    loadNextMeetingsByClub({ userId: user.id }),
    loadMyUnreadCounts({ userId: user.id }),
  ]);
  return (
    <section className="space-y-6" aria-labelledby="clubs-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 id="clubs-heading" className="font-serif text-3xl font-semibold">
          Your clubs
        </h1>
        {clubs.length > 0 ? (
          <Link href="/clubs/new" className={createClubLinkClass}>
            Create a club
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
                      Reading <cite className="not-italic text-ink">{club.bookTitle}</cite> by {club.bookAuthor}
                    </span>
                  ) : (
                    <span className="mt-1 block text-muted">No book picked yet</span>
                  )}
                  {next ? (
                    <span className="mt-3 block rounded-md bg-accent-soft/60 px-3 py-2 text-sm">
                      <span className="block font-medium text-accent-strong">
                        {next.phase === "live" ? "Meeting now" : "Next meeting"}: {next.title}
                      </span>
                      <span className="block text-ink/80">
                        <MeetingTimeCompact startsAt={next.startsAt} durationMinutes={next.durationMinutes} timeZone={next.timeZone} />
                      </span>
                      {next.viewerRsvp ? <span className="block text-muted">{rsvpLabel[next.viewerRsvp]}</span> : null}
                    </span>
                  ) : null}
                  {club.lastActivityAt ? (
                    <span className="mt-2 block text-sm text-muted">
                      Last reply <RelativeTime iso={club.lastActivityAt.toISOString()} />
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

function NoClubsYet() {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
        <h2 className="font-serif text-xl font-semibold">Joining a club?</h2>
        <p className="mt-2 leading-relaxed text-muted">
          Clubs are private, so they can&apos;t be searched for. Ask someone in the club to send you an invite link: open it while
          you&apos;re signed in and it brings you straight in.
        </p>
      </div>
      <div className="flex flex-col rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
        <h2 className="font-serif text-xl font-semibold">Starting one?</h2>
        <p className="mt-2 flex-1 leading-relaxed text-muted">
          Create a club and you&apos;ll be its owner. Then make an invite link from the club&apos;s Invites page and share it with
          your readers.
        </p>
        <div className="mt-4">
          <Link href="/clubs/new" className={createClubLinkClass}>
            Create a club
          </Link>
        </div>
      </div>
    </div>
  );
}

function Welcome() {
  return (
    <section className="space-y-6 py-6" aria-labelledby="welcome-heading">
      <h1 id="welcome-heading" className="font-serif text-4xl font-semibold leading-tight sm:text-5xl">
        Talk about the book, <span className="text-accent">one question at a time.</span>
      </h1>
      <p className="max-w-xl text-lg leading-relaxed text-muted">
        Chapterhouse turns your club&apos;s discussion guide into quiet, threaded rooms. Answer when you have time; when the club
        meets, replies arrive for everyone as they are posted. Only members ever see a club.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href="/sign-up" className="rounded-md bg-accent px-5 py-2.5 font-medium text-white hover:bg-accent-strong">
          Create an account
        </Link>
        <Link href="/sign-in" className="rounded-md border border-line bg-white px-5 py-2.5 font-medium text-ink hover:bg-paper">
          Sign in
        </Link>
      </div>
    </section>
  );
}
