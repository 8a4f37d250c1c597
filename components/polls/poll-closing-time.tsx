"use client";

import { useLocale, useTranslations } from "next-intl";
import { useViewerZone, useNow } from "@/components/meeting/use-viewer-clock";
import { relativeHint } from "@/lib/meetings/time";

type Props = {
  /** ISO instants, as PollView gives them. */
  closesAt: string | null;
  closedAt: string | null;
  open: boolean;
  /** The zone the closing time was set in: the club's, as the moderator chose it. */
  timeZone: string;
};

function dayAndTime(at: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: "long", month: "long", day: "numeric", hour: "numeric", minute: "2-digit" }).format(at);
}

function clockTime(at: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: "numeric", minute: "2-digit" }).format(at);
}

// A machine-readable day, to say the other zone's weekday only when it differs; never shown.
function dayOf(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** "Madrid" from "Europe/Madrid", "New York" from "America/New_York": how people name a zone in passing. */
function placeOf(timeZone: string): string {
  return (timeZone.split("/").pop() ?? timeZone).replace(/_/g, " ");
}

/**
 * When a poll closes, as each reader lives it: "Closes Friday, January 15, 8:00 PM your time
 * (9:00 PM in Madrid) · in 3 days". Until the browser has said its zone (the server can't know),
 * the poll's own zone is shown, which is right, just not yet local. Closed polls say when.
 */
export function PollClosingTime({ closesAt, closedAt, open, timeZone }: Props) {
  const t = useTranslations("polls.time");
  const locale = useLocale();
  const viewerZone = useViewerZone();
  const now = useNow();
  if (!open) {
    if (!closedAt) return <span>{t("closed")}</span>;
    const at = new Date(closedAt);
    return (
      <span suppressHydrationWarning>
        {t("closedAt", { when: dayAndTime(at, viewerZone ?? timeZone, locale) })}
      </span>
    );
  }
  if (!closesAt) return <span>{t("byHand")}</span>;
  const at = new Date(closesAt);
  const hint = now ? relativeHint(at, now, locale) : null;
  const sameZone = !viewerZone || viewerZone === timeZone;
  const other = dayOf(at, timeZone) === dayOf(at, viewerZone ?? timeZone) ? clockTime(at, timeZone, locale) : dayAndTime(at, timeZone, locale);
  return (
    <span suppressHydrationWarning>
      <time dateTime={closesAt} suppressHydrationWarning>
        {sameZone
          ? t("closesIn", { when: dayAndTime(at, timeZone, locale), place: placeOf(timeZone) })
          : t("closesYourTime", { when: dayAndTime(at, viewerZone, locale), other, place: placeOf(timeZone) })}
      </time>
      {hint ? <span className="text-muted"> · {hint}</span> : null}
    </span>
  );
}
