"use client";

import { formatTimeRange, relativeHint, meetingPhase, zoneLabel } from "@/lib/meetings/time";
import { useNow, useViewerZone } from "./use-viewer-clock";

type Props = {
  startsAt: string;
  durationMinutes: number;
  /** The zone the organiser planned the meeting in. */
  timeZone: string;
  cancelled?: boolean;
};

type MeetingTimeProps = Props & {
  /** "large" heads a meeting's own page; "medium" sits under a card's title. */
  size?: "large" | "medium";
};

/** "1 hour 30 minutes", "45 minutes", "2 hours". */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [hours > 0 ? `${hours} hour${hours === 1 ? "" : "s"}` : null, rest > 0 ? `${rest} minute${rest === 1 ? "" : "s"}` : null];
  return parts.filter(Boolean).join(" ");
}

function clockTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en", { timeZone, hour: "numeric", minute: "2-digit" }).format(at);
}

function dayOf(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

function weekday(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en", { timeZone, weekday: "long" }).format(at);
}

function longDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en", { timeZone, weekday: "long", year: "numeric", month: "long", day: "numeric" }).format(at);
}

/** "Scheduled for 7:00 PM in Europe/Madrid", naming the day too when it is not the reader's day. */
function organiserLine(at: Date, organiserZone: string, viewerZone: string): string {
  if (organiserZone === viewerZone) return "It was scheduled in that zone too.";
  const sameDay = dayOf(at, organiserZone) === dayOf(at, viewerZone);
  const when = sameDay ? clockTime(at, organiserZone) : `${clockTime(at, organiserZone)} on ${weekday(at, organiserZone)}`;
  return `Scheduled for ${when} in ${organiserZone}.`;
}

/**
 * A meeting's time as the reader lives it: their zone, named, with "in 3 days" beside it, and
 * the organiser's own time underneath. Until the browser has said which zone it is in (the
 * server can't know), it shows the organiser's time, which is correct, just not yet local.
 */
export function MeetingTime({ startsAt, durationMinutes, timeZone, cancelled = false, size = "large" }: MeetingTimeProps) {
  const viewerZone = useViewerZone();
  const now = useNow();
  const start = new Date(startsAt);
  const zone = viewerZone ?? timeZone;
  const phase = now ? meetingPhase({ startsAt: start, durationMinutes }, now) : null;
  const hint = cancelled || !now ? null : phase === "live" ? "Happening now" : relativeHint(start, now);

  return (
    <div className="space-y-1.5">
      <p
        className={`font-semibold leading-snug text-ink ${size === "large" ? "font-serif text-xl sm:text-2xl" : "text-lg"}`}
        suppressHydrationWarning
      >
        <time dateTime={startsAt} className={cancelled ? "line-through decoration-1" : undefined} suppressHydrationWarning>
          {longDate(start, zone)}
        </time>
      </p>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-ink" suppressHydrationWarning>
        <span suppressHydrationWarning>{formatTimeRange(start, durationMinutes, zone)}</span>
        <span aria-hidden className="text-line">
          ·
        </span>
        <span className="text-muted">{formatDuration(durationMinutes)}</span>
        {hint ? (
          <span
            className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${phase === "live" ? "bg-accent text-white" : "bg-accent-soft text-accent-strong"}`}
          >
            {hint}
          </span>
        ) : null}
      </p>
      <p className="text-sm text-muted" suppressHydrationWarning>
        {viewerZone ? (
          <>
            In your time zone, {zoneLabel(viewerZone, start)}. {organiserLine(start, timeZone, viewerZone)}
          </>
        ) : (
          <>Scheduled in {zoneLabel(timeZone, start)}.</>
        )}
      </p>
    </div>
  );
}

/** One line for lists: "Thu, Mar 12 · 7:00 – 8:30 PM CET", in the reader's zone, with "in 3 days". */
export function MeetingTimeCompact({ startsAt, durationMinutes, timeZone, cancelled = false }: Props) {
  const viewerZone = useViewerZone();
  const now = useNow();
  const start = new Date(startsAt);
  const zone = viewerZone ?? timeZone;
  const showYear = now ? dayOf(start, zone).slice(0, 4) !== dayOf(now, zone).slice(0, 4) : true;
  const day = new Intl.DateTimeFormat("en", {
    timeZone: zone,
    weekday: "short",
    month: "short",
    day: "numeric",
    year: showYear ? "numeric" : undefined,
  }).format(start);
  const phase = now ? meetingPhase({ startsAt: start, durationMinutes }, now) : null;
  const hint = cancelled || !now ? null : phase === "live" ? "happening now" : relativeHint(start, now);

  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-1.5" suppressHydrationWarning>
      <time dateTime={startsAt} className={cancelled ? "line-through decoration-1" : undefined} suppressHydrationWarning>
        {day} · {formatTimeRange(start, durationMinutes, zone)}
      </time>
      {hint ? <span className="text-muted">({hint})</span> : null}
    </span>
  );
}
