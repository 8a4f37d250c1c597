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

function formatRelative(relative: Intl.RelativeTimeFormat, justNow: string, date: Date, now: number): string {
  const seconds = Math.round((date.getTime() - now) / 1000);
  if (Math.abs(seconds) < 45) return justNow;
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(Math.round(seconds / 60), "minute");
}

/**
 * "5 minutes ago" / "hace 5 minutos" / "in 3 days" / "dentro de 3 días", in the page's locale,
 * kept fresh each minute, with the full date on hover and for assistive tech.
 */
export function RelativeTime({ iso, className = "" }: { iso: string; className?: string }) {
  const locale = useLocale();
  const t = useTranslations("common");
  const [relative, absolute] = useMemo(
    () => [new Intl.RelativeTimeFormat(locale, { numeric: "auto" }), new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" })],
    [locale],
  );
  const date = new Date(iso);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={iso} title={absolute.format(date)} className={className} suppressHydrationWarning>
      {formatRelative(relative, t("justNow"), date, now)}
    </time>
  );
}
