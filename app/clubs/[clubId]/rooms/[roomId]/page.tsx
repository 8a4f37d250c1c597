import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RoomDiscussion } from "@/components/discussion/room-discussion";
import { requireUser } from "@/lib/auth";
import { loadRoomPage } from "@/lib/discussion/replies";
import { loadReadPosition } from "@/lib/discussion/unread";
import { loadOrNotFound } from "@/lib/doors/page";

type Props = { params: Promise<{ clubId: string; roomId: string }> };

export const metadata: Metadata = { title: "Discussion" };

export default async function RoomPage({ params }: Props) {
  const { clubId, roomId } = await params;
  const user = await requireUser(`/clubs/${clubId}/rooms/${roomId}`);
  const [{ room, replies, role, members }, { lastReadSeq }] = await loadOrNotFound(() =>
    Promise.all([loadRoomPage({ roomId, userId: user.id }), loadReadPosition({ roomId, userId: user.id })]),
  );
  if (room.clubId !== clubId) notFound();

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href={`/clubs/${room.club.id}`} className="hover:text-accent hover:underline">
          {room.club.name}
        </Link>
        <span aria-hidden> / </span>
        <cite className="not-italic">{room.book.title}</cite>
      </nav>
      <header className="space-y-3 border-b border-line pb-6">
        <p className="text-xs font-medium uppercase tracking-wider text-muted">Question {room.position}</p>
        <h1 className="font-serif text-2xl font-semibold leading-snug sm:text-3xl">{room.question}</h1>
      </header>
      {room.archivedAt ? (
        <p role="note" className="rounded-lg border border-line bg-white px-4 py-3 text-sm text-muted">
          This question was archived by a moderator. Its replies are kept here to read; it no longer takes new ones.
        </p>
      ) : null}
      {/* The viewer's id and role only choose which controls to offer; every action is checked on the server. */}
      <RoomDiscussion
        roomId={room.id}
        clubId={room.clubId}
        viewer={{ id: user.id, role }}
        initialReplies={replies}
        initialLocked={room.lockedAt !== null || room.archivedAt !== null}
        initialReadSeq={lastReadSeq}
        members={members}
      />
    </div>
  );
}
