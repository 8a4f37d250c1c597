import { useTranslations } from "next-intl";

/** A video link becomes a "Join" link naming its site; a place is shown exactly as written. */
export function MeetingLocation({ location, isLink, compact = false }: { location: string; isLink: boolean; compact?: boolean }) {
  const t = useTranslations("meeting.location");
  if (!isLink) return <span className="whitespace-pre-line break-words">{location}</span>;
  let host = location;
  try {
    host = new URL(location).host;
  } catch {
    // Stored links were validated as URLs; the raw text is a safe fallback all the same.
  }
  const join = t.rich("join", { host, sr: (chunks) => <span className="sr-only">{chunks}</span> });
  return (
    <a
      href={location}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className={
        compact
          ? "text-accent underline underline-offset-2 hover:text-accent-strong"
          : "inline-flex items-center gap-1.5 rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-strong focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
      }
    >
      {join}
      <span aria-hidden className={compact ? "text-muted" : "font-normal text-white/80"}>
        {" "}
        · {host}
      </span>
    </a>
  );
}
