"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useDateWords } from "@/components/ui/relative-time";

/** "5 minutes ago" in the reader's language, kept fresh each minute, with the full date on hover. */
export function ReplyTime({ iso, className = "" }: { iso: string; className?: string }) {
  const t = useTranslations("discussion");
  const dates = useDateWords();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <time dateTime={iso} title={dates.dateTime(iso)} className={className} suppressHydrationWarning>
      {dates.relative(iso, now) ?? t("reply.justNow")}
    </time>
  );
}
