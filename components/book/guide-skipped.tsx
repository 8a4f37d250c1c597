"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { IconButton } from "@/components/ui/icon-button";
import { MAX_SKIPPED, type SkipReason } from "@/lib/guides/parse";
import type { PlacedSkip } from "./guide-places";

// A disclosure triangle, a glyph rather than a word.
const chevron = "▸";

/** A line the parser left out, as the review lists it, with a key that stays with it. */
export type SkippedItem = PlacedSkip & { key: number };

type Props = {
  entries: readonly SkippedItem[];
  /** The parser stopped listing at MAX_SKIPPED: say that more lines were left out. */
  truncated: boolean;
  /** Brings a line back as a question; `position` is its place in `entries`. */
  onUse: (entry: SkippedItem, position: number) => void;
};

// In a moderator's words rather than the parser's: keys under book.skipped.reasons.
const REASONS: Record<SkipReason, "notQuestion" | "outsideList" | "quotation" | "advertisement" | "metadata" | "heading"> = {
  "not a question": "notQuestion",
  "outside the list": "outsideList",
  quotation: "quotation",
  advertisement: "advertisement",
  metadata: "metadata",
  heading: "heading",
};

/**
 * The lines of the pasted guide that did not become questions, folded away under one line
 * ("12 lines weren't used — show them"), each with why and a button to use it after all.
 * Nothing is shown when every line was used.
 */
export function GuideSkipped({ entries, truncated, onUse }: Props) {
  const t = useTranslations("book.skipped");
  const [open, setOpen] = useState(false);
  const listId = useId();
  const count = entries.length;
  if (count === 0) return null;

  const summary = truncated ? t("summaryTruncated", { count }) : t("summary", { count });
  /** "line 12" or "lines 12–14", starting a sentence or inside one. */
  const lineLabel = (entry: Pick<SkippedItem, "line" | "lastLine">, start: boolean) =>
    entry.lastLine === undefined
      ? t(start ? "lineStart" : "line", { line: entry.line })
      : t(start ? "linesStart" : "lines", { line: entry.line, lastLine: entry.lastLine });
  return (
    <section className="rounded-lg border border-line bg-white/60">
      <h3 className="text-base">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
          data-skipped-toggle
          className="flex w-full items-center gap-2 rounded-lg px-3 py-3 text-left text-sm text-muted hover:text-ink focus-visible:outline-2 focus-visible:outline-accent sm:px-4"
        >
          <span aria-hidden className={`inline-block transition-transform ${open ? "rotate-90" : ""}`}>
            {chevron}
          </span>
          <span>
            {summary} — <span className="text-accent underline-offset-2 hover:underline">{open ? t("hide") : t("show")}</span>
          </span>
        </button>
      </h3>
      <div id={listId} hidden={!open} className="border-t border-line px-3 pb-3 sm:px-4">
        <p className="pt-3 text-sm text-muted">
          {t("intro")}
          {truncated ? ` ${t("onlyFirst", { max: MAX_SKIPPED })}` : ""}
        </p>
        <ul className="mt-2 divide-y divide-line">
          {entries.map((entry, position) => (
            <li key={entry.key} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:gap-4">
              <div className="min-w-0 flex-1 space-y-0.5">
                <p className="text-xs text-muted">
                  <span>{lineLabel(entry, true)}</span>
                  <span aria-hidden> · </span>
                  <span className="sr-only">, </span>
                  {t(`reasons.${REASONS[entry.reason]}`)}
                </p>
                <p className="break-words font-serif text-ink">{entry.text}</p>
              </div>
              <IconButton
                look="chip"
                label={t("useLabel", { line: lineLabel(entry, false) })}
                data-use-skipped={entry.key}
                onClick={() => onUse(entry, position)}
                className="shrink-0 self-start"
              >
                <span aria-hidden>+</span> {t("use")}
              </IconButton>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
