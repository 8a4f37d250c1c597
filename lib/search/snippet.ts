// A search hit's snippet as plain-text segments, some marked as matching words. ts_headline
// wraps each match in sentinel characters (db/queries/search.ts) rather than HTML, and what
// comes back is split here into text, never parsed as markup: a reply's `<script>` is shown as
// the characters it is, by React, like any other text (docs/decisions/0026-search.md).

/** A piece of a snippet: its text, and whether it is a matching word to highlight. */
export type SnippetSegment = { text: string; marked: boolean };

/**
 * Splits `snippet` at the `start`/`stop` sentinels into segments, in order, dropping empty ones
 * and folding runs of white space (a reply's line breaks) into one space. A stray sentinel (one
 * without its pair) only ends or starts a mark; nothing else is interpreted.
 */
export function snippetSegments(snippet: string, start: string, stop: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let marked = false;
  let text = "";
  const flush = () => {
    const folded = text.replace(/\s+/g, " ");
    if (folded.length > 0) {
      const last = segments[segments.length - 1];
      if (last && last.marked === marked) last.text += folded;
      else segments.push({ text: folded, marked });
    }
    text = "";
  };
  for (const character of snippet) {
    if (character === start || character === stop) {
      flush();
      marked = character === start;
      continue;
    }
    text += character;
  }
  flush();
  if (segments[0] && !segments[0].marked) segments[0].text = segments[0].text.trimStart();
  const last = segments[segments.length - 1];
  if (last && !last.marked) last.text = last.text.trimEnd();
  return segments.filter((segment) => segment.text.length > 0);
}
