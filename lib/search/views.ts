import type { SnippetSegment } from "./snippet";

/** A search hit as the results page shows it (every field plain text; links built here, not in the page). */
export type SearchResultView = {
  kind: "reply" | "question" | "book" | "meeting";
  id: string;
  /** Where the hit opens: a reply in its room, a question's room, the book's or the meeting's page. */
  href: string;
  /** The matching text, matching words marked; plain text for React to render. */
  snippet: SnippetSegment[];
  /** When: a reply's posting, a question's or book's adding, a meeting's start (ISO 8601). */
  at: string;
  /** The question a reply or question belongs to, with its number in the book's guide. */
  room: { question: string; position: number } | null;
  book: { title: string } | null;
  /** A reply's author as the club names them; `name` null for a deleted account ("A former member"). */
  author: { name: string | null } | null;
  /** A question reaching past the reader's progress: its reach (a rank) and the book's shape, for the warning words. */
  beyond: { reach: number; shape: { chapters: number; parts: { title: string; first: number; last: number }[] } | null } | null;
};

/** One page of a search: the hits, best first, and whether there are more (the next page's number). */
export type SearchPageView = {
  club: { id: string; name: string; language: "en" | "es" };
  query: string;
  page: number;
  results: SearchResultView[];
  nextPage: number | null;
  /** The words held only common words ("the", "de") that no search looks for. */
  onlyCommonWords: boolean;
  /** The words held no word at all, only punctuation or symbols ("-", "📚"). */
  noWords: boolean;
};
