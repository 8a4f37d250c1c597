import Link from "next/link";
import { useTranslations } from "next-intl";
import type { BookShape } from "@/lib/books/points";
import { rankWords } from "@/lib/discussion/point-words";
import { RelativeTime } from "@/components/ui/relative-time";
import { RoomUnreadCount } from "@/components/unread/unread-live";

export type RoomListItem = {
  id: string;
  position: number;
  question: string;
  section: string | null;
  replyCount: number;
  lastReplyAt: Date | null;
};

/**
 * A book's questions, each a link into its room; a section name is shown where a new section
 * starts. With `unread`, each shows the viewer's new replies (inside a ClubUnreadProvider).
 * `warnings` (by room id: the reach, as a rank in `shape`) marks rooms that reach past the
 * reader's progress.
 */
export function RoomList({
  clubId,
  rooms,
  unread = false,
  warnings = {},
  shape = null,
}: {
  clubId: string;
  rooms: RoomListItem[];
  unread?: boolean;
  warnings?: Record<string, number>;
  shape?: BookShape | null;
}) {
  const t = useTranslations("book");
  const tPoints = useTranslations("discussion");
  const lastReply = (at: Date) => t.rich("rooms.lastReply", { time: () => <RelativeTime iso={at.toISOString()} /> });
  return (
    <ol className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white shadow-sm">
      {rooms.map((room, index) => {
        const startsSection = room.section !== null && room.section !== rooms[index - 1]?.section;
        return (
          <li key={room.id}>
            {startsSection ? (
              <p className="border-b border-line bg-paper/60 px-4 py-2 text-xs font-medium uppercase tracking-wider text-muted sm:px-5">{room.section}</p>
            ) : null}
            <Link href={`/clubs/${clubId}/rooms/${room.id}`} className="flex gap-4 p-4 hover:bg-paper sm:p-5">
              <span aria-hidden className="w-6 shrink-0 pt-0.5 text-right font-serif text-lg text-muted">
                {room.position}
              </span>
              <span className="min-w-0 flex-1">
                <span className="flex items-start justify-between gap-3">
                  <span className="block font-serif text-lg leading-snug text-ink">
                    <span className="sr-only">{t("rooms.questionNumber", { number: room.position })}</span>
                    {room.question}
                  </span>
                  {unread ? <RoomUnreadCount roomId={room.id} /> : null}
                </span>
                {warnings[room.id] !== undefined ? (
                  <span className="mt-1.5 block text-sm text-amber-800">
                    {t("rooms.beyond", { reach: rankWords(tPoints, warnings[room.id] ?? 0, shape, "reach") })}
                  </span>
                ) : null}
                <span className="mt-1.5 block text-sm text-muted">
                  {t("rooms.replies", { count: room.replyCount })}
                  {room.lastReplyAt ? (
                    <>
                      <span aria-hidden> · </span>
                      <span className="sr-only">, </span>
                      {lastReply(room.lastReplyAt)}
                    </>
                  ) : null}
                </span>
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}
