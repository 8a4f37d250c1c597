"use client";

import { useLocale, useTranslations } from "next-intl";
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

/** A meeting's length in the reader's words: "1 hour 30 minutes", "1 hora 30 minutos". */
export function useFormatDuration(): (minutes: number) => string {
  const t = useTranslations("meeting.time");
  return (minutes) => {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    const parts = [hours > 0 ? t("hours", { count: hours }) : null, rest > 0 ? t("minutes", { count: rest }) : null];
    return parts.filter(Boolean).join(" ");
  };
}

function clockTime(at: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: "numeric", minute: "2-digit" }).format(at);
}

// A machine-readable day (YYYY-MM-DD) to compare days with; never shown.
function dayOf(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

function weekday(at: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: "long" }).format(at);
}

function longDate(at: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: "long", year: "numeric", month: "long", day: "numeric" }).format(at);
}

/**
 * A meeting's time as the reader lives it: their zone, named, with "in 3 days" beside it, and
 * the organiser's own time underneath. Until the browser has said which zone it is in (the
 * server can't know), it shows the organiser's time, which is correct, just not yet local.
 */
export function MeetingTime({ startsAt, durationMinutes, timeZone, cancelled = false, size = "large" }: MeetingTimeProps) {
  const t = useTranslations("meeting.time");
  const locale = useLocale();
  const formatDuration = useFormatDuration();
  const viewerZone = useViewerZone();
  const now = useNow();
  const start = new Date(startsAt);
  const zone = viewerZone ?? timeZone;
  const phase = now ? meetingPhase({ startsAt: start, durationMinutes }, now) : null;
  const hint = cancelled || !now ? null : phase === "live" ? t("happeningNow") : relativeHint(start, now, locale);

  // "Scheduled for 7:00 PM in Europe/Madrid", naming the day too when it is not the reader's day.
  function zoneLine(viewer: string): string {
    const zoneName = zoneLabel(viewer, start, locale);
    if (timeZone === viewer) return t("viewerSameZone", { zone: zoneName });
    const time = clockTime(start, timeZone, locale);
    const when = dayOf(start, timeZone) === dayOf(start, viewer) ? time : t("clockOnDay", { time, day: weekday(start, timeZone, locale) });
    return t("viewerOtherZone", { zone: zoneName, when, organiserZone: timeZone });
  }

  return (
    <div className="space-y-1.5">
      <p
        className={`font-semibold leading-snug text-ink ${size === "large" ? "font-serif text-xl sm:text-2xl" : "text-lg"}`}
        suppressHydrationWarning
      >
        <time dateTime={startsAt} className={cancelled ? "line-through decoration-1" : undefined} suppressHydrationWarning>
          {longDate(start, zone, locale)}
        </time>
      </p>
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-ink" suppressHydrationWarning>
        <span suppressHydrationWarning>{formatTimeRange(start, durationMinutes, zone, locale)}</span>
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
        {viewerZone ? zoneLine(viewerZone) : t("scheduledIn", { zone: zoneLabel(timeZone, start, locale) })}
      </p>
    </div>
  );
}

/** One line for lists: "Thu, Mar 12 · 7:00 – 8:30 PM CET", in the reader's zone, with "in 3 days". */
export function MeetingTimeCompact({ startsAt, durationMinutes, timeZone, cancelled = false }: Props) {
  const t = useTranslations("meeting.time");
  const locale = useLocale();
  const viewerZone = useViewerZone();
  const now = useNow();
  const start = new Date(startsAt);
  const zone = viewerZone ?? timeZone;
  const showYear = now ? dayOf(start, zone).slice(0, 4) !== dayOf(now, zone).slice(0, 4) : true;
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    weekday: "short",
    month: "short",
    day: "numeric",
    year: showYear ? "numeric" : undefined,
  }).format(start);
  const phase = now ? meetingPhase({ startsAt: start, durationMinutes }, now) : null;
  const hint = cancelled || !now ? null : phase === "live" ? t("happeningNowShort") : relativeHint(start, now, locale);

  return (
    <span className="inline-flex flex-wrap items-baseline gap-x-1.5" suppressHydrationWarning>
      <time dateTime={startsAt} className={cancelled ? "line-through decoration-1" : undefined} suppressHydrationWarning>
        {day} · {formatTimeRange(start, durationMinutes, zone, locale)}
      </time>
      {hint ? <span className="text-muted">({hint})</span> : null}
    </span>
  );
}
