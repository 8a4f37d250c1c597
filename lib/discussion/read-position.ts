/** The few facts about a reply that decide whether it counts as read. */
type ReadableReply = { id: string; seq: number; state: "visible" | "deleted" | "hidden"; author: { id: string } };

/**
 * The read position a room's replies imply, from `from` on: the highest seq up to which every
 * reply counts as read (the viewer's own, deleted and hidden ones always do; others once `seen`).
 * It stops at the first unread reply, so reading a later thread first moves nothing past it,
 * and at the first gap in the seqs: a room read by the page (docs/decisions/0020) has not
 * loaded every reply, and one not loaded has not been on screen. A room's seqs have no gaps of
 * their own (each post takes the next one in its transaction: docs/decisions/0001).
 * Never below `from`. docs/decisions/0013-unread.md.
 */
export function readPositionAfter(replies: readonly ReadableReply[], from: number, input: { viewerId: string; seen: ReadonlySet<string> }): number {
  let position = from;
  const ahead = replies.filter((reply) => reply.seq > from).sort((a, b) => a.seq - b.seq);
  for (const reply of ahead) {
    if (reply.seq !== position + 1) break;
    const read = reply.author.id === input.viewerId || reply.state !== "visible" || input.seen.has(reply.id);
    if (!read) break;
    position = reply.seq;
  }
  return position;
}
