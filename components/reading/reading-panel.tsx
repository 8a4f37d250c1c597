import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { BookShape } from "@/lib/books/points";
import type { Outcome } from "@/lib/doors/outcome";
import { formatInZone } from "@/lib/meetings/time";
import { ProgressControl } from "./progress-control";

type Props = {
  clubId: string;
  progress: { shape: BookShape | null; reached: number | null; shared: boolean };
  /** Other members' progress the viewer may see; `shared: false` only reaches moderators. */
  others: { name: string; label: string; shared: boolean }[];
  schedule: { meetingId: string; title: string; startsAt: Date; timeZone: string; target: string; done: boolean }[];
  action: (values: { reached: number; shared?: boolean }) => Promise<Outcome<{ label: string }>>;
  /** Moderators are offered the shape form when the book has none. */
  shapeHref: string | null;
};

/** "Your reading": where the member is, the club's schedule against it, and where the others are. */
export async function ReadingPanel({ clubId, progress, others, schedule, action, shapeHref }: Props) {
  const t = await getTranslations("discussion");
  const next = schedule.find((item) => !item.done);
  const nextLine = next ? t.rich("reading.next", { target: next.target, title: next.title, b: (chunks) => <strong className="font-medium">{chunks}</strong> }) : null;
  return (
    <section aria-labelledby="reading-heading" className="space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
      <h2 id="reading-heading" className="font-serif text-xl font-semibold">
        {t("reading.yourReading")}
      </h2>
      <ProgressControl action={action} shape={progress.shape} reached={progress.reached} shared={progress.shared} />
      {progress.shape === null ? (
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
                  <span className="text-muted"> · {formatInZone(item.startsAt, item.timeZone)}</span>
                  <span className="block text-muted">{t("reading.readUpTo", { target: item.target })}</span>
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
                {other.label === "finished" || other.label === "not started" ? t("reading.otherIs", { name: other.name, point: other.label }) : t("reading.otherAt", { name: other.name, point: other.label })}
                {other.shared ? null : <span className="text-muted">{t("reading.moderatorsOnly")}</span>}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
