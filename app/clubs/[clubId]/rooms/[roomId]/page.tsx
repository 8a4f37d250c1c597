import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RoomDiscussion } from "@/components/discussion/room-discussion";
import { ProgressControl } from "@/components/reading/progress-control";
import { RoomVeil } from "@/components/reading/room-veil";
import { requireUser } from "@/lib/auth";
import type { BookShape } from "@/lib/books/points";
import { loadRoomVeil } from "@/lib/books/reading";
import { rankWords, type PointTranslate } from "@/lib/discussion/point-words";
import { loadRoomPage } from "@/lib/discussion/room-reading";
import { loadReadPosition } from "@/lib/discussion/unread";
import { loadOrNotFound } from "@/lib/doors/page";
import { setReadingProgressAction } from "../../books/[bookId]/actions";
import { liftRoomVeilAction } from "./actions";

type Props = { params: Promise<{ clubId: string; roomId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("discussion");
  return { title: t("page.title") };
}

export default async function RoomPage({ params, searchParams }: Props) {
  const { clubId, roomId } = await params;
  const search = await searchParams;
  const t = await getTranslations("discussion");
  const user = await requireUser(`/clubs/${clubId}/rooms/${roomId}`);
  // The veil is decided first: a veiled room loads no replies, so their text is nowhere in the page.
  const veil = await loadOrNotFound(() => loadRoomVeil({ roomId, userId: user.id }));
  if (veil.progress.clubId !== clubId) notFound();
  const { progress } = veil;
  const reach = veil.reach === null ? null : rankWords(t, veil.reach, progress.shape, "reach");
  const progressControl = (
    <ProgressControl
      action={setReadingProgressAction.bind(null, clubId, progress.bookId)}
      shape={progress.shape}
      reached={progress.reached}
      shared={progress.shared}
      compact
    />
  );
  if (veil.veiled) return <VeiledRoom clubId={clubId} roomId={roomId} room={veil.room} reach={reach ?? ""} progressLabel={progressLabelOf(t, progress)} progressControl={progressControl} />;
  // The read position first: the page loads the thread of the first new reply with the first screen.
  const { lastReadSeq } = await loadOrNotFound(() => loadReadPosition({ roomId, userId: user.id }));
  // `?reply=<id>` (a notification's link) opens the room at that reply, `?sort=` in that order; anything else is ignored.
  const { room, role, members, reader, ...page } = await loadOrNotFound(() =>
    loadRoomPage({ roomId, userId: user.id, body: { reply: search.reply, sort: search.sort, readSeq: lastReadSeq } }),
  );
  if (room.clubId !== clubId) notFound();

  return (
    <div className="space-y-8">
      <nav aria-label={t("page.breadcrumb")} className="text-sm text-muted">
        <Link href={`/clubs/${room.club.id}`} className="hover:text-accent hover:underline">
          {room.club.name}
        </Link>
        <span aria-hidden> / </span>
        <cite className="not-italic">{room.book.title}</cite>
      </nav>
      <header className="space-y-3 border-b border-line pb-6">
        <p className="text-xs font-medium uppercase tracking-wider text-muted">{t("page.question", { position: room.position })}</p>
        <h1 id="room-title" tabIndex={-1} className="font-serif text-2xl font-semibold leading-snug focus:outline-none sm:text-3xl">
          {room.question}
        </h1>
        {reach ? <p className="text-sm text-muted">{t("page.reach", { reach })}</p> : null}
        {progressControl}
      </header>
      {room.archivedAt ? (
        <p role="note" className="rounded-lg border border-line bg-white px-4 py-3 text-sm text-muted">
          {t("page.archived")}
        </p>
      ) : null}
      {/* The viewer's id and role only choose which controls to offer; every action is checked on the server. */}
      <RoomDiscussion
        roomId={room.id}
        clubId={room.clubId}
        viewer={{ id: user.id, role }}
        initialPage={page}
        initialLocked={room.lockedAt !== null || room.archivedAt !== null}
        initialReadSeq={lastReadSeq}
        members={members}
        reader={{ bookId: progress.bookId, shape: progress.shape, reached: reader.reached, liftedTo: reader.liftedTo, revealed: reader.revealed }}
      />
    </div>
  );
}

/** Where the reader is, for the veil's "you're at …": a reader at the start is "at the start", not "at not started". */
function progressLabelOf(t: PointTranslate & ((key: "page.progressUnknown" | "page.progressStart") => string), progress: { shape: BookShape | null; reached: number | null }): string {
  if (progress.reached === null) return t("page.progressUnknown");
  if (progress.reached === 0) return t("page.progressStart");
  return rankWords(t, progress.reached, progress.shape, "progress");
}

/** The room as a reader behind its reach first sees it: the question, the veil, no replies. */
async function VeiledRoom({ clubId, roomId, room, reach, progressLabel, progressControl }: { clubId: string; roomId: string; room: { position: number; question: string }; reach: string; progressLabel: string; progressControl: ReactNode }) {
  const t = await getTranslations("discussion");
  return (
    <div className="space-y-8">
      <nav aria-label={t("page.breadcrumb")} className="text-sm text-muted">
        <Link href={`/clubs/${clubId}`} className="hover:text-accent hover:underline">
          {t("page.backToClub")}
        </Link>
      </nav>
      <header className="space-y-3 border-b border-line pb-6">
        <p className="text-xs font-medium uppercase tracking-wider text-muted">{t("page.question", { position: room.position })}</p>
        <h1 id="room-title" tabIndex={-1} className="font-serif text-2xl font-semibold leading-snug focus:outline-none sm:text-3xl">
          {room.question}
        </h1>
        {progressControl}
      </header>
      <RoomVeil reach={reach} progress={progressLabel} lift={liftRoomVeilAction.bind(null, clubId, roomId)} />
    </div>
  );
}
