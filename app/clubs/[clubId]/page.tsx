import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BookCover } from "@/components/book/book-cover";
import { RoomList } from "@/components/book/room-list";
import { MarkClubReadButton } from "@/components/unread/mark-club-read-button";
import { ClubUnreadProvider } from "@/components/unread/unread-live";
import { loadClubUnread } from "@/lib/discussion/unread";
import { markClubReadAction } from "./actions";
import { NextMeetingCard } from "@/components/meeting/next-meeting-card";
import { OpenPollCard } from "@/components/polls/open-poll-card";
import { loadOpenPollCard } from "@/lib/polls/polls";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("club.page");
  return { title: t("title") };
}

export default async function ClubPage({ params }: Props) {
  const { clubId } = await params;
  const user = await requireUser(`/clubs/${clubId}`);
  const { club, book, rooms, pastBooks, role } = await loadOrNotFound(() => loadClubOverview({ clubId, userId: user.id }));
  const [nextMeeting, pastMeetings, unread, reading, openPoll] = await Promise.all([
    loadNextMeeting({ clubId: club.id, userId: user.id }),
    loadRecentPastMeetings({ clubId: club.id, userId: user.id, body: { limit: 3 } }),
    loadClubUnread({ clubId: club.id, userId: user.id }),
    book ? loadBookReading({ clubId: club.id, bookId: book.id, userId: user.id }) : null,
    loadOpenPollCard({ clubId: club.id, userId: user.id }),
  ]);
  const t = await getTranslations("club.page");
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
      {openPoll.poll ? <OpenPollCard clubId={club.id} poll={openPoll.poll} more={openPoll.more} /> : null}
      {pastMeetings.length > 0 ? (
        <section aria-labelledby="past-meetings-heading" className="space-y-3">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4">
            <h2 id="past-meetings-heading" className="text-xs font-medium uppercase tracking-wider text-muted">
              {t("pastMeetings")}
            </h2>
            <Link href={`/clubs/${club.id}/meetings`} className="text-sm text-accent hover:underline">
              {t("allMeetings")}
            </Link>
          </div>
          <MeetingList meetings={pastMeetings} showRsvp={false} />
        </section>
      ) : null}

      {book ? (
        <section aria-labelledby="book-heading" className="flex gap-5 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
          <BookCover url={book.coverUrl} title={book.title} />
          <div className="min-w-0 flex-1">
            <p className="text-xs font-medium uppercase tracking-wider text-muted">{t("nowReading")}</p>
            <h2 id="book-heading" className="mt-1 font-serif text-2xl font-semibold">
              <cite className="not-italic">{book.title}</cite>
            </h2>
            <p className="text-muted">{book.year !== null ? t("authorYear", { author: book.author, year: String(book.year) }) : book.author}</p>
            {book.description ? <p className="mt-3 leading-relaxed">{book.description}</p> : null}
          </div>
        </section>
      ) : managesBooks ? (
        <section aria-labelledby="no-book-heading" className="space-y-3 rounded-lg border border-dashed border-line bg-white/60 p-6 text-center">
          <h2 id="no-book-heading" className="font-serif text-xl font-semibold">
            {t("noBookTitle")}
          </h2>
          <p className="text-muted">{t("noBookBody")}</p>
          <Link href={`/clubs/${club.id}/books/new`} className="inline-block rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong">
            {t("addBook")}
          </Link>
        </section>
      ) : (
        <p className="text-muted">{t("noBookMember")}</p>
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
                {t("questions")}
              </h2>
              <div className="flex flex-wrap items-baseline gap-x-4">
                <MarkClubReadButton markRead={markClubReadAction} />
                {managesQuestions && bookHref ? (
                  <Link href={`${bookHref}/questions`} className="text-sm text-accent hover:underline">
                    {t("manageQuestions")}
                  </Link>
                ) : null}
              </div>
            </div>
            <RoomList clubId={club.id} rooms={rooms} unread warnings={reading?.warnings} shape={reading?.progress.shape ?? null} />
          </section>
        </ClubUnreadProvider>
      ) : book && managesQuestions && bookHref ? (
        <section aria-labelledby="rooms-heading" className="space-y-3 rounded-lg border border-dashed border-line bg-white/60 p-6">
          <h2 id="rooms-heading" className="font-serif text-xl font-semibold">
            {t("questions")}
          </h2>
          <p className="text-muted">{t("noQuestionsBody")}</p>
          <div className="flex flex-wrap gap-3">
            <Link href={`${bookHref}/import`} className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong">
              {t("importGuide")}
            </Link>
            <Link href={`${bookHref}/questions#add-question`} className="rounded-md border border-line bg-white px-4 py-2 text-sm font-medium text-ink hover:bg-paper">
              {t("addQuestion")}
            </Link>
          </div>
        </section>
      ) : book ? (
        <p className="text-muted">{t("questionsSoon")}</p>
      ) : null}

      {pastBooks.length > 0 ? (
        <section aria-labelledby="past-heading" className="space-y-3">
          <h2 id="past-heading" className="text-xs font-medium uppercase tracking-wider text-muted">
            {t("earlierBooks")}
          </h2>
          <ul className="flex flex-wrap gap-2">
            {pastBooks.map((past) => (
              <li key={past.id}>
                <Link
                  href={`/clubs/${club.id}/books/${past.id}`}
                  className="inline-block rounded-md border border-line bg-white px-3 py-1.5 text-sm hover:border-accent/40 hover:bg-paper"
                >
                  <cite className="not-italic text-ink">{past.title}</cite>
                  <span className="text-muted">
                    <span aria-hidden> · </span>
                    <span className="sr-only">, </span>
                    {past.author}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
