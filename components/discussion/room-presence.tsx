"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { PresentMember } from "@/lib/realtime/events";

/** Who has the room open now, one name per member however many tabs they have. Nothing until the first list arrives. */
export function HereNow({ present, viewerId }: { present: PresentMember[]; viewerId: string }) {
  const t = useTranslations("discussion");
  const format = useFormatter();
  if (present.length === 0) return null;
  const others = present.filter((person) => person.id !== viewerId);
  // "Ruth, Tommy and you": names in the order given, the viewer as "you", last.
  const names = format.list([...others.map((person) => person.name), ...(others.length < present.length ? [t("presence.you")] : [])], { type: "conjunction" });
  return (
    <p className="flex min-w-0 items-center gap-1.5 text-muted" data-testid="here-now">
      <span aria-hidden className="inline-block h-2 w-2 shrink-0 rounded-full border border-emerald-600 bg-emerald-100" />
      {others.length === 0 ? (
        <span>{t("presence.onlyYou")}</span>
      ) : (
        <span className="min-w-0">
          <span className="font-medium text-ink">{t("presence.hereNow")}</span> {names}
        </span>
      )}
    </p>
  );
}

/**
 * "Ruth is typing…", "Ruth and Tommy are typing…", "4 people are typing…". Not announced to
 * screen readers (it would talk over what they are reading); the replies are, counted, when they
 * come. Keeps its line's height so the page does not jump as people start and stop.
 */
export function TypingLine({ typing }: { typing: PresentMember[] }) {
  const t = useTranslations("discussion");
  const format = useFormatter();
  const names = typing.map((person) => person.name);
  const text =
    names.length === 0
      ? ""
      : names.length <= 3
        ? t("presence.typing", { count: names.length, names: format.list(names, { type: "conjunction" }) })
        : t("presence.manyTyping", { count: names.length });
  return (
    <p aria-live="off" className="min-h-5 text-sm italic text-muted">
      {text}
    </p>
  );
}
