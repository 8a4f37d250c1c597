"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";

type Unit = "month" | "week" | "day" | "hour" | "minute";

const units: [Unit, number][] = [
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

const fullDate = { dateStyle: "medium", timeStyle: "short" } as const;

/** The largest whole unit that fits, rounded; under a minute is "now". */
function distance(date: Date, now: number): { unit: Unit | "now"; count: number; future: boolean } {
  const seconds = Math.round((date.getTime() - now) / 1000);
  const future = seconds > 0;
  if (Math.abs(seconds) < 45) return { unit: "now", count: 0, future };
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return { unit, count: Math.round(Math.abs(seconds) / size), future };
  }
  return { unit: "minute", count: 1, future };
}

/**
 * An invite's time as a phrase that slots into a sentence of the invite messages ("in 3 days",
 * "2 hours ago"; "en 3 días", "hace 2 horas"), so "Expires" + it reads as one phrase in either
 * language, kept fresh each minute, with the full date on hover.
 */
export function InviteTime({ iso }: { iso: string }) {
  const t = useTranslations("invite.time");
  const format = useFormatter();
  const date = new Date(iso);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const { unit, count, future } = distance(date, now);
  return (
    <time dateTime={iso} title={format.dateTime(date, fullDate)} suppressHydrationWarning>
      {t(future ? "future" : "past", { unit, count })}
    </time>
  );
}
