import type { SnippetSegment } from "@/lib/search/snippet";

/**
 * A hit's snippet with its matching words in <mark>. Every segment is plain text that React
 * escapes: a reply's own `<script>` or `<img onerror>` is shown as characters, never parsed.
 * The mark has no side padding: it would read as a space before the punctuation after a word.
 */
export function SearchSnippet({ segments }: { segments: SnippetSegment[] }) {
  return (
    <p className="text-[0.95rem] leading-relaxed break-words text-ink">
      {segments.map((segment, index) =>
        segment.marked ? (
          <mark key={index} className="rounded-sm bg-amber-100 font-medium text-ink">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </p>
  );
}
