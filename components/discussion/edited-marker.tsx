"use client";

const absolute = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function formatDateTime(iso: string): string {
  return absolute.format(new Date(iso));
}

/**
 * "edited", short in the reply's header; the full date shows on hover and on keyboard focus (a
 * title alone never shows on focus), and screen readers hear it with the word.
 */
export function EditedMarker({ iso }: { iso: string }) {
  const when = formatDateTime(iso);
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
          title={`Edited ${when}`}
          tabIndex={0}
          className="cursor-help rounded-sm underline decoration-dotted decoration-line underline-offset-4 focus-visible:outline-2 focus-visible:outline-accent"
          suppressHydrationWarning
        >
          edited
        </time>
        <span className="sr-only" suppressHydrationWarning>
          {` ${when}`}
        </span>
        <span
          aria-hidden
          className="pointer-events-none absolute left-0 top-full z-10 mt-1 hidden whitespace-nowrap rounded-md bg-ink px-2 py-1 text-xs text-white shadow-sm group-hover:block group-focus-within:block"
          suppressHydrationWarning
        >
          Edited {when}
        </span>
      </span>
    </>
  );
}
