import type { Metadata } from "next";
import Link from "next/link";
import { BookCover } from "@/components/book/book-cover";
import { RoomList } from "@/components/book/room-list";
import { MarkClubReadButton } from "@/components/unread/mark-club-read-button";
import { ClubUnreadProvider } from "@/components/unread/unread-live";
import { loadClubUnread } from "@/lib/discussion/unread";
import { markClubReadAction } from "./actions";
import { NextMeetingCard } from "@/components/meeting/next-meeting-card";
import { ReadingPanel } from "@/components/reading/reading-panel";
import { MeetingList } from "@/components/meeting/meeting-list";
import { requireUser } from "@/lib/auth";
import { loadClubOverview } from "@/lib/books/books";
import { loadBookReading } from "@/lib/books/reading";
import { loadOrNotFound } from "@/lib/doors/page";
import { can } from "@/lib/permissions";
import { loadNextMeeting, loadRecentPastMeetings } from "@/lib/meetings/pages";
import { setReadingProgressAction } from "./books/[bookId]/actions";

type Props = { params: Promise<{ clubId: string }> };

export const metadata: Metadata = { title: "Club" };

export default async function ClubPage({ params }: Props) {
  const { clubId } = await params;
  const user = await requireUser(`/clubs/${clubId}`);
  const { club, book, rooms, pastBooks, role } = await loadOrNotFound(() => loadClubOverview({ clubId, userId: user.id }));
  const [nextMeeting, pastMeetings, unread, reading] = await Promise.all([
    loadNextMeeting({ clubId: club.id, userId: user.id }),
    loadRecentPastMeetings({ clubId: club.id, userId: user.id, body: { limit: 3 } }),
    loadClubUnread({ clubId: club.id, userId: user.id }),
    book ? loadBookReading({ clubId: club.id, bookId: book.id, userId: user.id }) : null,
  ]);
  const managesBooks = can(role, "book:manage");
  const managesQuestions = can(role, "room:manage");
  const bookHref = book ? `/clubs/${club.id}/books/${book.id}` : null;

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold sm:text-4xl">{club.name}</h1>
        {club.description ? <p className="text-muted">{club.description}</p> : null}
      </header>
      <NextMeetingCard meeting={nextMeeting} clubId={club.id} canSchedule={can(role, "meeting:schedule")} />
      {pastMeetings.length > 0 ? (
        <section aria-labelledby="past-meetings-heading" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4">
            <h2 id="past-meetings-heading" className="text-xs font-medium uppercase tracking-wider text-muted">
              Past meetings
            </h2>
            <Link href={`/clubs/${club.id}/meetings`} className="text-sm text-accent hover:underline">
              All meetings
            </Link>
          </div>
          <MeetingList meetings={pastMeetings} showRsvp={false} />
        </section>
      ) : null}

      {book ? (
        <section aria-labelledby="book-heading" className="flex gap-5 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
          <BookCover url={book.coverUrl} title={book.title} />
          <div className="min-w-0 flex-1">
            <p className="text-xs font-medium uppercase tracking-wider text-muted">Now reading</p>
            <h2 id="book-heading" className="mt-1 font-serif text-2xl font-semibold">
              <cite className="not-italic">{book.title}</cite>
            </h2>
            <p className="text-muted">
              {book.author}
              {book.year !== null ? `, ${book.year}` : ""}
            </p>
            {book.description ? <p className="mt-3 leading-relaxed">{book.description}</p> : null}
          </div>
        </section>
      ) : managesBooks ? (
        <section aria-labelledby="no-book-heading" className="space-y-3 rounded-lg border border-dashed border-line bg-white/60 p-6 text-center">
          <h2 id="no-book-heading" className="font-serif text-xl font-semibold">
            No book yet
          </h2>
          <p className="text-muted">Add the book the club is reading; its discussion questions come next.</p>
          <Link href={`/clubs/${club.id}/books/new`} className="inline-block rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong">
            Add the book you&apos;re reading
          </Link>
        </section>
      ) : (
        <p className="text-muted">This club hasn&apos;t picked a book yet.</p>
      )}

      {book && reading ? (
        <ReadingPanel
          clubId={club.id}
          progress={reading.progress}
          others={reading.others}
          schedule={reading.schedule}
          action={setReadingProgressAction.bind(null, club.id, book.id)}
          shapeHref={managesBooks && bookHref ? `${bookHref}/edit` : null}
        />
      ) : null}

      {rooms.length > 0 ? (
        <ClubUnreadProvider initial={unread}>
          <section aria-labelledby="rooms-heading" className="space-y-4">
            <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <h2 id="rooms-heading" className="font-serif text-2xl font-semibold">
                Discussion questions
              </h2>
              <div className="flex flex-wrap items-baseline gap-x-4">
                <MarkClubReadButton markRead={markClubReadAction} />
                {managesQuestions && bookHref ? (
                  <Link href={`${bookHref}/questions`} className="text-sm text-accent hover:underline">
                    Manage questions
                  </Link>
                ) : null}
              </div>
            </div>
            <RoomList clubId={club.id} rooms={rooms} unread warnings={reading?.warnings} />
          </section>
        </ClubUnreadProvider>
      ) : book && managesQuestions && bookHref ? (
        <section aria-labelledby="rooms-heading" className="space-y-3 rounded-lg border border-dashed border-line bg-white/60 p-6">
          <h2 id="rooms-heading" className="font-serif text-xl font-semibold">
            Discussion questions
          </h2>
          <p className="text-muted">
            Each question becomes a room members can answer in. Paste the guide you&apos;re using, or write the questions yourself.
          </p>
          <div className="flex flex-wrap gap-3">
            <Link href={`${bookHref}/import`} className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong">
              Import a discussion guide
            </Link>
            <Link href={`${bookHref}/questions#add-question`} className="rounded-md border border-line bg-white px-4 py-2 text-sm font-medium text-ink hover:bg-paper">
              Add a question
            </Link>
          </div>
        </section>
      ) : book ? (
        <p className="text-muted">The discussion questions for this book aren&apos;t up yet. A moderator will add them soon.</p>
      ) : null}

      {pastBooks.length > 0 ? (
        <section aria-labelledby="past-heading" className="space-y-3">
          <h2 id="past-heading" className="text-xs font-medium uppercase tracking-wider text-muted">
            Earlier books
          </h2>
          <ul className="flex flex-wrap gap-2">
            {pastBooks.map((past) => (
              <li key={past.id}>
                <Link
                  href={`/clubs/${club.id}/books/${past.id}`}
                  className="inline-block rounded-md border border-line bg-white px-3 py-1.5 text-sm hover:border-accent/40 hover:bg-paper"
                >
                  <cite className="not-italic text-ink">{past.title}</cite>
                  <span className="text-muted"> · {past.author}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
