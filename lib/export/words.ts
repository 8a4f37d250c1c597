import "server-only";
import type { BookShape } from "@/lib/books/points";
import { reactionEmoji, reactionKinds, type ReactionKind } from "@/lib/discussion/reaction-kinds";
import { rankWords } from "@/lib/discussion/point-words";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translate";

/** A zone Intl knows, else UTC (a stored zone is validated when saved; this keeps an old one from breaking a download). */
function usableZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return timeZone;
  } catch {
    return "UTC";
  }
}

/**
 * The words an export file adds around the members' own, in the exporter's language, and its
 * dates in their time zone. One Intl.DateTimeFormat serves the whole file: building one per
 * date (as a formatter per call does) costs more than the rest of writing a reply.
 */
export function exportWords(locale: Locale, timeZone: string) {
  const zone = usableZone(timeZone);
  const t = translatorFor(locale, "export");
  const discussion = translatorFor(locale, "discussion");
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: zone });
  return {
    t,
    /** The room's own words ("Replying to {name}"), for the same thing said the same way. */
    discussion,
    zone,
    /** A UTC instant as a reader's date and time, in the export's zone. */
    date: (instant: string | Date) => dates.format(typeof instant === "string" ? new Date(instant) : instant),
    /** "Spoiler up to Part Two, chapter 12" for a level above 0, in the book's words; null for none. */
    spoiler: (level: number, shape: BookShape | null): string | null =>
      level > 0 ? discussion("spoiler.veil", { point: rankWords(discussion, level, shape, "reach") }) : null,
    /** A reply's reactions in the picker's order: emoji, its name in words, and how many. */
    reactions: (counts: Record<string, number>): { emoji: string; name: string; count: number }[] =>
      reactionKinds.flatMap((kind: ReactionKind) => {
        const count = counts[kind] ?? 0;
        return count > 0 ? [{ emoji: reactionEmoji[kind], name: discussion(`reactions.${kind}`), count }] : [];
      }),
  };
}

export type ExportWords = ReturnType<typeof exportWords>;

/**
 * A file name's stem from a club's name: ASCII letters and digits joined by hyphens (accents
 * dropped), at most 60 characters; "club" when nothing is left. Safe in a Content-Disposition
 * header and on every file system.
 */
export function fileStem(name: string, fallback = "club"): string {
  const stem = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return stem || fallback;
}

/** Text made safe inside HTML, in element content and in double-quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
