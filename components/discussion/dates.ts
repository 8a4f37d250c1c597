"use client";

import { useLocale } from "next-intl";
import { useMemo } from "react";

/**
 * The room's dates in the reader's language: the full date and time ("1 Dec 2026, 10:31" /
 * "1 dic 2026, 10:31") for edits and history, and relative times ("5 minutes ago", "hace 5
 * minutos"). Intl with the page's locale, in the browser's own time zone as before.
 */
export function useRoomDates() {
  const locale = useLocale();
  return useMemo(() => {
    const absolute = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    return {
      dateTime: (iso: string) => absolute.format(new Date(iso)),
      /** Relative to `now`; null under 45 seconds (the caller says "just now" in its words). */
      relative: (iso: string, now: number): string | null => {
        const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
        if (Math.abs(seconds) < 45) return null;
        for (const [unit, size] of units) {
          if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
        }
        return relative.format(Math.round(seconds / 60), "minute");
      },
    };
  }, [locale]);
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];
