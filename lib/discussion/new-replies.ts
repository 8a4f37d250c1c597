// Which of a room's new replies are still news: pure, so the counting is tested without a
// browser. docs/decisions/0013-unread.md.

type Item = { id: string; state: "visible" | "deleted" | "hidden" };

/**
 * The ids (in the order given) that are still news: their reply is loaded, visible, and has not
 * been on the viewer's screen. A reply read, deleted or hidden since it was counted drops out.
 */
export function stillNew(ids: readonly string[], replies: readonly Item[], seen: ReadonlySet<string>): string[] {
  const visible = new Set(replies.filter((reply) => reply.state === "visible").map((reply) => reply.id));
  return ids.filter((id) => visible.has(id) && !seen.has(id));
}

