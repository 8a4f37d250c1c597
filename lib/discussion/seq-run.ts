/**
 * Which of a room's replies a live page holds without a gap: every seq up to `through`, plus the
 * seqs `ahead` of it that arrived early. A room's seqs have no gaps (a reply takes its room's
 * next seq in the statement that writes it: docs/decisions/0019-reply-write-path.md), but
 * broadcasts can arrive out of seq order (two posts committing together, two nodes), so a page
 * that asked to resume after the highest seq it had seen could skip one still on its way when
 * the connection dropped. Resuming after `through` asks again for anything not yet seen; what
 * comes twice is merged once (lib/discussion/threads.ts mergeReplies).
 */
export type SeqRun = { through: number; ahead: ReadonlySet<number> };

/** A run that holds every seq up to `through` (the seq a page's first screen was read at). */
export function seqRunFrom(through: number): SeqRun {
  return { through, ahead: new Set() };
}

/** The run after these seqs arrived: `through` moves over every seq now held without a gap. */
export function advanceSeqRun(run: SeqRun, seqs: Iterable<number>): SeqRun {
  const ahead = new Set(run.ahead);
  for (const seq of seqs) if (seq > run.through) ahead.add(seq);
  let through = run.through;
  while (ahead.delete(through + 1)) through++;
  return ahead.size === run.ahead.size && through === run.through ? run : { through, ahead };
}

/**
 * The run after the page read the room anew at seq `through` (a first screen reloaded after a
 * long drop): everything up to it counts as held, as for a page first opened then.
 */
export function resetSeqRun(run: SeqRun, through: number): SeqRun {
  if (through <= run.through) return run;
  return advanceSeqRun({ through, ahead: new Set([...run.ahead].filter((seq) => seq > through)) }, []);
}
