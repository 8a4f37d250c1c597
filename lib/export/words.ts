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
 * Latin letters NFKD does not take apart into a base letter and accents ("ø" stays "ø"): what
 * they are written as in ASCII (the usual German, Nordic, Polish, Croatian and Icelandic ways).
 */
const asciiLetters: Record<string, string> = {
  ß: "ss", ẞ: "SS", æ: "ae", Æ: "AE", œ: "oe", Œ: "OE", ø: "o", Ø: "O", đ: "d", Đ: "D", ð: "d", Ð: "D",
  ł: "l", Ł: "L", þ: "th", Þ: "TH", ı: "i", ħ: "h", Ħ: "H", ŧ: "t", Ŧ: "T", ŋ: "ng", Ŋ: "NG",
};
const asciiLetterPattern = new RegExp(`[${Object.keys(asciiLetters).join("")}]`, "g");

/** Joins a name's words with hyphens, lower case, at most `max` characters (never cutting a character in two). */
function hyphenated(words: string, notWord: RegExp, max: number): string {
  const joined = words.toLowerCase().replace(notWord, "-").replace(/^-+|-+$/g, "");
  return Array.from(joined).slice(0, max).join("").replace(/-+$/g, "");
}

/**
 * A file name's stem from a club's name: ASCII letters and digits joined by hyphens, at most 60
 * characters; "club" (or `fallback`) when nothing is left, as for a name in Cyrillic or Chinese
 * (fileStemUnicode keeps those). Accents are dropped (NFKD) and the Latin letters NFKD leaves
 * whole are spelled out ("Ærø Straße" → "aero-strasse"). Safe in a quoted Content-Disposition
 * `filename` and on every file system.
 */
export function fileStem(name: string, fallback = "club"): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(asciiLetterPattern, (letter) => asciiLetters[letter] ?? "");
  return hyphenated(ascii, /[^a-z0-9]+/g, 60) || fallback;
}

/**
 * The same stem in the name's own letters, for a Content-Disposition `filename*`: letters and
 * digits of any script joined by hyphens, lower case, at most 60 characters ("Клуб книги" →
 * "клуб-книги"); `fallback` when nothing is left. Nothing else survives (no slash, quote,
 * control or direction mark, no emoji), so it is a safe file name anywhere.
 */
function fileStemUnicode(name: string, fallback = "club"): string {
  return hyphenated(name.normalize("NFC"), /[^\p{L}\p{M}\p{N}]+/gu, 60) || fallback;
}

/**
 * A download's file names from a name (a club's, a member's), a `tail` after it ("2026-12-01",
 * "replies-2026-12-01": ASCII) and an extension: `filename` in ASCII (fileStem) and
 * `filenameUnicode` in the name's own letters (fileStemUnicode), or null when that says nothing more.
 */
export function exportFilenames(name: string, fallback: string, tail: string, extension: string): { filename: string; filenameUnicode: string | null } {
  const filename = `${fileStem(name, fallback)}-${tail}.${extension}`;
  const unicode = `${fileStemUnicode(name, fallback)}-${tail}.${extension}`;
  return { filename, filenameUnicode: unicode === filename ? null : unicode };
}

/** Text made safe inside HTML, in element content and in double-quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
