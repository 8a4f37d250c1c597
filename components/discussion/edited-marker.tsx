"use client";

import { useTranslations } from "next-intl";
import { useDateWords } from "@/components/ui/relative-time";

/**
 * "edited", short in the reply's header; the full date shows on hover and on keyboard focus (a
 * title alone never shows on focus), and screen readers hear it with the word.
 */
export function EditedMarker({ iso }: { iso: string }) {
  const t = useTranslations("discussion");
  const when = useDateWords().dateTime(iso);
  const full = t("reply.editedOn", { date: when });
  // Two items, so the header's own spacing sets them apart like its other "·" separators.
  return (
    <>
      <span aria-hidden className="text-muted">
        ·
      </span>
      <span className="group relative text-muted">
        {/* Focusable only so keyboard users can open the date too; it does nothing else. */}
        <time
          dateTime={iso}
          title={full}
          tabIndex={0}
          className="cursor-help rounded-sm underline decoration-dotted decoration-line underline-offset-4 focus-visible:outline-2 focus-visible:outline-accent"
          suppressHydrationWarning
        >
          {t("reply.edited")}
        </time>
        <span className="sr-only" suppressHydrationWarning>
          {` ${when}`}
        </span>
        <span
          aria-hidden
          className="pointer-events-none absolute left-0 top-full z-10 mt-1 hidden whitespace-nowrap rounded-md bg-ink px-2 py-1 text-xs text-white shadow-sm group-hover:block group-focus-within:block"
          suppressHydrationWarning
        >
          {full}
        </span>
      </span>
    </>
  );
}
