// Which of a room's new replies are still news: pure, so the counting is tested without a
// browser. docs/decisions/0013-unread.md.

type Item = { id: string; state: "visible" | "deleted" | "hidden" };
type Node = { item: { id: string }; children: readonly Node[] };

/**
 * The ids (in the order given) that are still news: their reply is loaded, visible, and has not
 * been on the viewer's screen. A reply read, deleted or hidden since it was counted drops out.
 */
export function stillNew(ids: readonly string[], replies: readonly Item[], seen: ReadonlySet<string>): string[] {
  const visible = new Set(replies.filter((reply) => reply.state === "visible").map((reply) => reply.id));
  return ids.filter((id) => visible.has(id) && !seen.has(id));
}

/**
 * The first of `ids` in the order the room shows its replies (the thread tree, depth first),
 * not in posting order: a new answer inside an early thread is shown above a new thread posted
 * before it. Null if none of them is in the tree.
 */
export function firstInDisplayOrder(tree: readonly Node[], ids: ReadonlySet<string>): string | null {
  for (const node of tree) {
    if (ids.has(node.item.id)) return node.item.id;
    const inside = firstInDisplayOrder(node.children, ids);
    if (inside) return inside;
  }
  return null;
}
