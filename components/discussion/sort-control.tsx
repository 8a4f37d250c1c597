"use client";

import { useTranslations } from "next-intl";
import { threadSorts, type ThreadSort } from "@/lib/discussion/threads";

const sortKeys = { oldest: "room.sortOldest", newest: "room.sortNewest", most_reacted: "room.sortMostReacted" } as const;

/** Oldest / newest / most-reacted first, for the room's threads. */
export function SortControl({ value, onChange }: { value: ThreadSort; onChange: (sort: ThreadSort) => void }) {
  const t = useTranslations("discussion");
  return (
    <label className="flex items-center gap-2 text-muted">
      {t("room.sort")}
      <select value={value} onChange={(event) => onChange(event.target.value as ThreadSort)} className="rounded-md border border-line bg-white px-2 py-1 text-ink focus-visible:outline-2 focus-visible:outline-accent">
        {threadSorts.map((option) => (
          <option key={option} value={option}>
            {t(sortKeys[option])}
          </option>
        ))}
      </select>
    </label>
  );
}
