// The rules for the name other members see (docs/decisions/0012-text-and-accounts.md). Shared
// by the sign-up and profile schemas, OAuth sign-in (lib/auth.ts), and the club label that
// tells look-alike names apart (lib/accounts/name-labels.ts). Pure: the browser uses it too.

/** Bidirectional embeddings, overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder what follows. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Characters that show nothing by themselves: format characters (category Cf: U+200B, U+2060,
 * U+FEFF, ...), the other default-ignorable code points (U+3164 Hangul filler, variation
 * selectors), white space, controls, and the blank braille pattern (U+2800, a "symbol" that
 * draws nothing).
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\p{White_Space}\p{Cc}\u2800]/gu;

/** Something a reader can see: a letter, digit, symbol (emoji included) or punctuation. */
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;

/** The name as stored: NFC, so the same name typed on two keyboards is the same string. */
export function normalizeDisplayName(name: string): string {
  return name.normalize("NFC").trim();
}

/** Why `name` (already normalized) cannot be a display name, or null when it can. */
export function displayNameProblem(name: string): "invisible" | "bidi" | null {
  if (BIDI_CONTROL.test(name)) return "bidi";
  if (!VISIBLE.test(name.replace(INVISIBLE, ""))) return "invisible";
  return null;
}

/**
 * A name from somewhere we do not control (an OAuth profile), made acceptable rather than
 * refused: NFC, bidirectional controls and control characters removed, at most `max`
 * characters; `fallback` when nothing visible is left.
 */
export function sanitizeDisplayName(name: string | null | undefined, fallback: string, max = 80): string {
  const cleaned = normalizeDisplayName((name ?? "").replace(BIDI_CONTROLS, "").replace(/\p{Cc}/gu, " ")).replace(/\s+/gu, " ");
  const clipped = Array.from(cleaned).slice(0, max).join("").trim();
  return clipped && displayNameProblem(clipped) === null ? clipped : fallback;
}

/**
 * The key two names are compared by, to tell apart members whose names look alike: NFKC (so
 * "ｋａｔｈｙ" and "kathy" meet), invisible characters removed, white space collapsed, and
 * case-folded (upper then lower, so "ß" meets "SS").
 */
export function displayNameKey(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[\p{Cf}\p{Default_Ignorable_Code_Point}\p{Cc}\u2800]/gu, "")
    .replace(/\p{White_Space}+/gu, " ")
    .trim()
    .toUpperCase()
    .toLowerCase();
}
