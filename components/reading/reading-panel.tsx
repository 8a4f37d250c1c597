import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pointFromRank, type BookShape } from "@/lib/books/points";
import { rankWords } from "@/lib/discussion/point-words";
import type { Outcome } from "@/lib/doors/outcome";
import { formatInZone } from "@/lib/meetings/time";
import { ProgressControl } from "./progress-control";

type Props = {
  clubId: string;
  progress: { shape: BookShape | null; reached: number | null; shared: boolean };
  /** Other members' progress the viewer may see (`reached`, a rank); `shared: false` only reaches moderators. */
  others: { name: string; reached: number; shared: boolean }[];
  /** The book's meetings in order, each with how far to have read by then (`target`, a rank). */
  schedule: { meetingId: string; title: string; startsAt: Date; timeZone: string; target: number; done: boolean }[];
  action: (values: { reached: number; shared?: boolean }) => Promise<Outcome<{ reached: number }>>;
  /** Moderators are offered the shape form when the book has none. */
  shapeHref: string | null;
};

/** "Your reading": where the member is, the club's schedule against it, and where the others are. */
export async function ReadingPanel({ clubId, progress, others, schedule, action, shapeHref }: Props) {
  const [t, locale] = await Promise.all([getTranslations("discussion"), getLocale()]);
  const { shape } = progress;
  const next = schedule.find((item) => !item.done);
  const nextLine = next
    ? t.rich("reading.next", { target: rankWords(t, next.target, shape, "reach"), title: next.title, b: (chunks) => <strong className="font-medium">{chunks}</strong> })
    : null;
  // "Ruth hasn't started" and "Ruth has finished" read as sentences of their own; a chapter is "Ruth is at …".
  const otherLine = (other: { name: string; reached: number }) => {
    if (other.reached === 0) return t("reading.otherNotStarted", { name: other.name });
    if (pointFromRank(other.reached, shape).kind === "end") return t("reading.otherFinished", { name: other.name });
    return t("reading.otherAt", { name: other.name, point: rankWords(t, other.reached, shape, "progress") });
  };
  return (
    <section aria-labelledby="reading-heading" className="space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
      <h2 id="reading-heading" className="font-serif text-xl font-semibold">
        {t("reading.yourReading")}
      </h2>
      <ProgressControl action={action} shape={progress.shape} reached={progress.reached} shared={progress.shared} />
      {shape === null ? (
        <p className="text-sm text-muted">
          {t("reading.noChapters")}
          {shapeHref ? (
            <>
              {" "}
              <Link href={shapeHref} className="text-accent hover:underline">
                {t("reading.addChapters")}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {schedule.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-xs font-medium uppercase tracking-wider text-muted">{t("reading.schedule")}</h3>
          {next ? (
            <p className="text-sm">{nextLine}</p>
          ) : (
            <p className="text-sm">{t("reading.upToDate")}</p>
          )}
          <ol className="divide-y divide-line rounded-md border border-line text-sm">
            {schedule.map((item) => (
              <li key={item.meetingId} className="flex flex-wrap items-baseline justify-between gap-x-3 px-3 py-2">
                <span>
                  <Link href={`/clubs/${clubId}/meetings/${item.meetingId}`} className="text-ink hover:text-accent hover:underline">
                    {item.title}
                  </Link>
                  <span className="text-muted"> · {formatInZone(item.startsAt, item.timeZone, locale)}</span>
                  <span className="block text-muted">{t("reading.readUpTo", { target: rankWords(t, item.target, shape, "reach") })}</span>
                </span>
                <span className={item.done ? "text-accent" : "text-muted"}>{item.done ? t("reading.done") : t("reading.toRead")}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {others.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-xs font-medium uppercase tracking-wider text-muted">{t("reading.others")}</h3>
          <ul className="space-y-1 text-sm">
            {others.map((other) => (
              <li key={other.name}>
                {otherLine(other)}
                {other.shared ? null : <span className="text-muted">{t("reading.moderatorsOnly")}</span>}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
