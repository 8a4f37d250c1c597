"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/**
 * Dates in the reader's language, the one place the app words them on the client: the full date
 * and time ("1 Dec 2026, 10:31" / "1 dic 2026, 10:31") and relative times ("5 minutes ago",
 * "hace 5 minutos", "dentro de 3 días"). Intl with the page's locale, in the browser's own zone.
 */
export function useDateWords() {
  const locale = useLocale();
  return useMemo(() => {
    const absolute = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    return {
      dateTime: (iso: string) => absolute.format(new Date(iso)),
      /** Relative to `now` (ms since the epoch); null under 45 seconds (the caller says "just now" in its words). */
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

/**
 * "5 minutes ago" / "hace 5 minutos" / "in 3 days" / "dentro de 3 días", in the page's locale,
 * kept fresh each minute, with the full date on hover and for assistive tech.
 */
export function RelativeTime({ iso, className = "" }: { iso: string; className?: string }) {
  const t = useTranslations("common");
  const dates = useDateWords();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={iso} title={dates.dateTime(iso)} className={className} suppressHydrationWarning>
      {dates.relative(iso, now) ?? t("justNow")}
    </time>
  );
}
