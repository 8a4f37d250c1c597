"use client";

import { useTranslations } from "next-intl";
import { pointChoiceWords } from "@/lib/discussion/point-words";
import { useDiscussion } from "./discussion-context";

/**
 * "Spoilers up to": how far into the book a reply may spoil, from "No spoilers" to the writer's
 * own progress (the server clamps whatever is sent). Nothing where the room doesn't know the
 * writer's progress, or where only "No spoilers" is possible.
 */
export function SpoilerLevelSelect({ id, value, onChange }: { id: string; value: number; onChange: (level: number) => void }) {
  const t = useTranslations("discussion");
  const { spoilers } = useDiscussion();
  if (!spoilers) return null;
  const choices = pointChoiceWords(t, spoilers.shape, "reach").filter((choice) => choice.rank <= Math.max(spoilers.reached, value));
  if (choices.length < 2) return null;
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={id} className="text-muted">
        {t("spoiler.levelLabel")}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
        className="min-h-9 max-w-full rounded-md border border-line bg-white px-2 py-1 text-sm text-ink focus:border-accent focus:outline-2 focus:outline-accent/30"
      >
        {choices.map((choice) => (
          <option key={choice.rank} value={choice.rank}>
            {choice.label}
          </option>
        ))}
      </select>
    </p>
  );
}
