// Reply spoiler levels (issue 10, docs/decisions/0018-reply-spoiler-levels.md): how far into the
// book a reply may spoil, and whether a given reader gets its text or a veil. Pure (no I/O), so
// the composer, the live client and the server share the rules.

import { comparePoints, END_RANK, pointFromRank, type BookShape } from "@/lib/books/points";
import type { ReplyView } from "./reply-view";

/**
 * How far a reply may spoil: its level, a point's rank. No words: each page says it in its
 * reader's language from the rank and the book's shape (components/discussion/use-veil-label.ts).
 */
export type ReplySpoiler = { level: number };

/**
 * Who is reading, as far as veils go: their id, their progress in the room's book (a rank; 0
 * when they never said), the replies they chose to see anyway, and the book's shape (to compare points).
 * `liftedTo`: the reach of a room whose veil they lifted ("I've read it / show anyway"): replies
 * up to it are shown as if they had read that far (their progress, for their own replies'
 * levels, stays `reached`).
 */
export type ReplyReader = { userId: string; reached: number; revealed: ReadonlySet<string>; shape: BookShape | null; liftedTo?: number };

/**
 * The level a reply is stored with: the author's own progress by default (`chosen` null or
 * undefined), else the point they chose, never past their own progress (a reader can't know
 * more than they have read; the server clamps whatever the client sends). Ranks in, rank out.
 */
export function spoilerLevelFor(input: { chosen: number | null | undefined; authorReached: number }): number {
  const reached = Math.max(0, Math.min(input.authorReached, END_RANK));
  if (input.chosen === null || input.chosen === undefined) return reached;
  return Math.max(0, Math.min(input.chosen, reached));
}

/** A reply's spoiler for a level above 0 ("Spoiler up to Part Three, chapter 20", once said); null for "no spoilers". */
export function spoilerOf(level: number): ReplySpoiler | null {
  return level <= 0 ? null : { level };
}

/**
 * Whether a reader gets the veil instead of the reply's text: its level is past their progress,
 * they did not reveal it, and they did not write it. Moderators are readers like anyone.
 */
export function isVeiledFor(reply: { id: string; authorId: string; level: number }, reader: ReplyReader): boolean {
  // Compared as points: with a shape, the last chapter and the end are the same point.
  const accepted = Math.max(reader.reached, reader.liftedTo ?? 0);
  if (comparePoints(pointFromRank(reply.level, reader.shape), pointFromRank(accepted, reader.shape), reader.shape) <= 0) return false;
  return reply.authorId !== reader.userId && !reader.revealed.has(reply.id);
}

/**
 * The reply as a reader gets it: with its veil and without its text when veiled (the thread
 * keeps its place: id, parent and seq stay, so a veiled parent keeps its children).
 */
export function veiledFor(view: ReplyView, reader: ReplyReader): ReplyView {
  if (!view.spoiler || !isVeiledFor({ id: view.id, authorId: view.author.id, level: view.spoiler.level }, reader)) return view;
  return envelopeOf(view);
}

/** The reply with its text taken out and its veil on, whoever reads it: what a room's broadcast carries for a level above 0. */
export function envelopeOf(view: ReplyView): ReplyView {
  if (!view.spoiler) return view;
  return { ...view, bodyHtml: "", veil: view.spoiler };
}
