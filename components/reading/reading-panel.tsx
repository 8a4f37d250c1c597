import Link from "next/link";
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
export function ReadingPanel({ clubId, progress, others, schedule, action, shapeHref }: Props) {
  const next = schedule.find((item) => !item.done);
  return (
    <section aria-labelledby="reading-heading" className="space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
      <h2 id="reading-heading" className="font-serif text-xl font-semibold">
        Your reading
      </h2>
      <ProgressControl action={action} shape={progress.shape} reached={progress.reached} shared={progress.shared} />
      {progress.shape === null ? (
        <p className="text-sm text-muted">
          This book has no chapters yet, so you can only say whether you&apos;ve finished.
          {shapeHref ? (
            <>
              {" "}
              <Link href={shapeHref} className="text-accent hover:underline">
                Add its chapters
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {schedule.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-xs font-medium uppercase tracking-wider text-muted">Reading schedule</h3>
          {next ? (
            <p className="text-sm">
              Next: up to <strong className="font-medium">{next.target}</strong> for {next.title}.
            </p>
          ) : (
            <p className="text-sm">You&apos;re up to date with the schedule.</p>
          )}
          <ol className="divide-y divide-line rounded-md border border-line text-sm">
            {schedule.map((item) => (
              <li key={item.meetingId} className="flex flex-wrap items-baseline justify-between gap-x-3 px-3 py-2">
                <span>
                  <Link href={`/clubs/${clubId}/meetings/${item.meetingId}`} className="text-ink hover:text-accent hover:underline">
                    {item.title}
                  </Link>
                  <span className="text-muted"> · {formatInZone(item.startsAt, item.timeZone)}</span>
                  <span className="block text-muted">Read up to {item.target}</span>
                </span>
                <span className={item.done ? "text-accent" : "text-muted"}>{item.done ? "Read ✓" : "Still to read"}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {others.length > 0 ? (
        <div className="space-y-2">
          <h3 className="text-xs font-medium uppercase tracking-wider text-muted">Where others are</h3>
          <ul className="space-y-1 text-sm">
            {others.map((other) => (
              <li key={other.name}>
                {other.name} is {other.label === "finished" || other.label === "not started" ? other.label : `at ${other.label}`}
                {other.shared ? null : <span className="text-muted"> (shown to moderators only)</span>}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
