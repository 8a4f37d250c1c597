import type { Metadata } from "next";
import Link from "next/link";
import { ClubNav } from "@/components/club/club-nav";
import { RelativeTime } from "@/components/ui/relative-time";
import { requireUser } from "@/lib/auth";
import { loadClubPage } from "@/lib/discussion";
import { loadOrNotFound } from "@/lib/page-data";

type Props = { params: Promise<{ clubId: string }> };

export const metadata: Metadata = { title: "Club" };

export default async function ClubPage({ params }: Props) {
  const { clubId } = await params;
  const user = await requireUser(`/clubs/${clubId}`);
  const { club, rooms, role } = await loadOrNotFound(() => loadClubPage({ clubId, userId: user.id }));

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold sm:text-4xl">{club.name}</h1>
        {club.description ? <p className="text-muted">{club.description}</p> : null}
      </header>
      <ClubNav clubId={club.id} role={role} current="discussion" />

      {club.book ? (
        <section aria-labelledby="book-heading" className="rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
          <p className="text-xs font-medium uppercase tracking-wider text-muted">Now reading</p>
          <h2 id="book-heading" className="mt-1 font-serif text-2xl font-semibold">
            <cite className="not-italic">{club.book.title}</cite>
          </h2>
          <p className="text-muted">
            {club.book.author}
            {club.book.year ? `, ${club.book.year}` : ""}
          </p>
          {club.book.description ? <p className="mt-3 leading-relaxed">{club.book.description}</p> : null}
        </section>
      ) : (
        <p className="text-muted">This club hasn&apos;t picked a book yet.</p>
      )}

      {rooms.length > 0 ? (
        <section aria-labelledby="rooms-heading" className="space-y-4">
          <h2 id="rooms-heading" className="font-serif text-2xl font-semibold">
            Discussion questions
          </h2>
          <ol className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white shadow-sm">
            {rooms.map((room) => (
              <li key={room.id}>
                <Link href={`/clubs/${club.id}/rooms/${room.id}`} className="flex gap-4 p-4 hover:bg-paper sm:p-5">
                  <span aria-hidden className="w-6 shrink-0 pt-0.5 text-right font-serif text-lg text-muted">
                    {room.position}
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className="block font-serif text-lg leading-snug text-ink">
                      <span className="sr-only">Question {room.position}: </span>
                      {room.question}
                    </span>
                    <span className="mt-1.5 block text-sm text-muted">
                      {room.replyCount === 0 ? "No replies yet" : `${room.replyCount} ${room.replyCount === 1 ? "reply" : "replies"}`}
                      {room.lastReplyAt ? (
                        <>
                          {" · last "}
                          <RelativeTime iso={room.lastReplyAt.toISOString()} />
                        </>
                      ) : null}
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
