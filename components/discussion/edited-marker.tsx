"use client";

const absolute = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });

export function formatDateTime(iso: string): string {
  return absolute.format(new Date(iso));
}

/** "edited", with when on hover and for screen readers. */
export function EditedMarker({ iso }: { iso: string }) {
  const when = formatDateTime(iso);
  // Two items, so the header's own spacing sets them apart like its other "·" separators.
  return (
    <>
      <span aria-hidden className="text-muted">
        ·
      </span>
      <span className="text-muted">
        <time dateTime={iso} title={`Edited ${when}`} className="cursor-help underline decoration-dotted decoration-line underline-offset-4" suppressHydrationWarning>
          edited
        </time>
        <span className="sr-only" suppressHydrationWarning>
          {` ${when}`}
        </span>
      </span>
    </>
  );
}
