// The @mention syntax, shared by the composer (which inserts it) and the server (which resolves
// it): `@` followed by a member's name exactly as the club shows it ("@Ruth Finch", or
// "@Kathy (2)" when two members share a name, lib/accounts/name-labels.ts), case-insensitive.
// Names may hold spaces, so the server tries the club's names longest first; a mention must start
// a word (not "ruth@example.com") and end where a letter or digit can't continue it. Text that
// names nobody in the club stays plain text. docs/decisions/0014-notifications-and-mentions.md.

/** A member the composer offers after "@": their id and the name the club shows for them. */
export type MentionableMember = { id: string; name: string };

/** What the composer inserts for a member: "@Ruth Finch " (the trailing space ends the mention). */
export function mentionText(name: string): string {
  return `@${name} `;
}

const wordChar = /[\p{L}\p{N}_]/u;

/** Whether `char` could continue a word (so an `@` after it, or a name before it, is not a mention). */
export function isWordChar(char: string | undefined): boolean {
  return char !== undefined && wordChar.test(char);
}

/** How far back from the caret the composer looks for an `@` being typed. */
const maxQueryLength = 40;

/**
 * The mention being typed at the caret, if any: the `@`'s index and the text after it, up to
 * the caret ("@Ru" → { start, query: "Ru" }). A line break ends it; spaces don't (names have them).
 */
export function activeMentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const from = Math.max(0, caret - maxQueryLength - 1);
  const start = text.lastIndexOf("@", caret - 1);
  if (start < from || start < 0) return null;
  if (isWordChar(text[start - 1])) return null;
  const query = text.slice(start + 1, caret);
  if (query.includes("\n") || query.startsWith(" ")) return null;
  return { start, query };
}

/**
 * The members whose name starts with the query (or has a word starting with it), best first, at
 * most `limit`. A trailing space counts: "Kathy " no longer offers Kathy (the mention is done)
 * but "Ruth " still offers Ruth Finch.
 */
export function matchMembers<Member extends { name: string }>(members: readonly Member[], query: string, limit = 8): Member[] {
  const wanted = query.toLocaleLowerCase();
  const starts: Member[] = [];
  const words: Member[] = [];
  for (const member of members) {
    const name = member.name.toLocaleLowerCase();
    if (name.startsWith(wanted)) starts.push(member);
    else if (name.split(/\s+/).some((word) => word.startsWith(wanted))) words.push(member);
  }
  const byName = (a: Member, b: Member) => a.name.localeCompare(b.name);
  return [...starts.sort(byName), ...words.sort(byName)].slice(0, limit);
}
