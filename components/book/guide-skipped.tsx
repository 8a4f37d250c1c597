"use client";

import { useId, useState } from "react";
import { IconButton } from "@/components/ui/icon-button";
import { MAX_SKIPPED, type SkipReason } from "@/lib/guides/parse";
import type { PlacedSkip } from "./guide-places";

/** A line the parser left out, as the review lists it, with a key that stays with it. */
export type SkippedItem = PlacedSkip & { key: number };

type Props = {
  entries: readonly SkippedItem[];
  /** The parser stopped listing at MAX_SKIPPED: say that more lines were left out. */
  truncated: boolean;
  /** Brings a line back as a question; `position` is its place in `entries`. */
  onUse: (entry: SkippedItem, position: number) => void;
};

// In a moderator's words rather than the parser's.
const REASONS: Record<SkipReason, string> = {
  "not a question": "Not a question",
  "outside the list": "Outside the list of questions",
  quotation: "Looks like a quotation",
  advertisement: "Looks like an advertisement",
  metadata: "A date, byline or page number",
  heading: "A heading with no questions under it",
};

/** "line 12" or "lines 12–14". */
function lineLabel(entry: Pick<SkippedItem, "line" | "lastLine">): string {
  return entry.lastLine === undefined ? `line ${entry.line}` : `lines ${entry.line}–${entry.lastLine}`;
}

/**
 * The lines of the pasted guide that did not become questions, folded away under one line
 * ("12 lines weren't used — show them"), each with why and a button to use it after all.
 * Nothing is shown when every line was used.
 */
export function GuideSkipped({ entries, truncated, onUse }: Props) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const count = entries.length;
  if (count === 0) return null;

  const summary = truncated ? `${count} or more lines weren't used` : `${count} ${count === 1 ? "line wasn't" : "lines weren't"} used`;
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
            ▸
          </span>
          <span>
            {summary} — <span className="text-accent underline-offset-2 hover:underline">{open ? "hide them" : "show them"}</span>
          </span>
        </button>
      </h3>
      <div id={listId} hidden={!open} className="border-t border-line px-3 pb-3 sm:px-4">
        <p className="pt-3 text-sm text-muted">
          Headings, page furniture and lines that don&apos;t ask anything. If one should be a room after all, use it: it joins the
          questions at its place in the guide.
          {truncated ? ` Only the first ${MAX_SKIPPED} are listed.` : ""}
        </p>
        <ul className="mt-2 divide-y divide-line">
          {entries.map((entry, position) => (
            <li key={entry.key} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-start sm:gap-4">
              <div className="min-w-0 flex-1 space-y-0.5">
                <p className="text-xs text-muted">
                  <span>{lineLabel(entry).replace(/^l/, "L")}</span>
                  <span aria-hidden> · </span>
                  <span className="sr-only">, </span>
                  {REASONS[entry.reason]}
                </p>
                <p className="break-words font-serif text-ink">{entry.text}</p>
              </div>
              <IconButton
                look="chip"
                label={`Use as a question: ${lineLabel(entry)}`}
                data-use-skipped={entry.key}
                onClick={() => onUse(entry, position)}
                className="shrink-0 self-start"
              >
                <span aria-hidden>+</span> Use as a question
              </IconButton>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
