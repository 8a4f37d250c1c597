import Link from "next/link";
import { useTranslations } from "next-intl";

export type AgendaListItem = { roomId: string; position: number; question: string; archived: boolean };

/** The meeting's questions in order, each linking to its room (where the discussion lives, before, during and after). */
export function AgendaList({ clubId, items }: { clubId: string; items: AgendaListItem[] }) {
  const t = useTranslations("meeting.agenda");
  return (
    <ol className="space-y-2">
      {items.map((item) => (
        <li key={item.roomId}>
          <Link
            href={`/clubs/${clubId}/rooms/${item.roomId}`}
            className="flex gap-3 rounded-lg border border-line bg-white p-4 shadow-sm transition hover:border-accent/40 hover:shadow focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            <span aria-hidden className="mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-accent-soft text-xs font-semibold text-accent-strong">
              {item.position}
            </span>
            <span className="min-w-0 leading-relaxed text-ink">
              <span className="sr-only">{t("questionSr", { position: item.position })}</span>
              {item.question}
              {item.archived ? <span className="ml-2 text-xs text-muted">{t("removed")}</span> : null}
            </span>
          </Link>
        </li>
      ))}
    </ol>
  );
}
