/** Pure thread-building shared by the server and the browser: no imports, no I/O. */
export type ThreadItem = { id: string; parentId: string | null; seq: number };
export type ThreadNode<Item extends ThreadItem> = { item: Item; children: ThreadNode<Item>[]; depth: number };
export type ThreadSort = "oldest" | "newest";

export const threadSorts: { value: ThreadSort; label: string }[] = [
  { value: "oldest", label: "Oldest first" },
  { value: "newest", label: "Newest first" },
];

/**
 * Builds the reply tree. The sort orders the top-level replies; answers inside a branch always
 * read oldest first, as a conversation does. A reply whose parent is missing is kept at the top
 * level rather than dropped: no word is ever hidden by a gap in what was loaded.
 */
export function buildThreadTree<Item extends ThreadItem>(items: readonly Item[], sort: ThreadSort = "oldest"): ThreadNode<Item>[] {
  const nodes = new Map<string, ThreadNode<Item>>();
  for (const item of items) nodes.set(item.id, { item, children: [], depth: 0 });

  const roots: ThreadNode<Item>[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId ? nodes.get(node.item.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }

  const bySeq = (a: ThreadNode<Item>, b: ThreadNode<Item>) => a.item.seq - b.item.seq;
  roots.sort(sort === "newest" ? (a, b) => bySeq(b, a) : bySeq);

  // Iterative walk: a very deep thread must not overflow the stack.
  const stack = roots.map((node) => ({ node, depth: 0 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    node.depth = depth;
    node.children.sort(bySeq);
    for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
  }
  return roots;
}

/** Counts every reply beneath a node, for "show 4 replies" on a collapsed branch. */
export function countDescendants<Item extends ThreadItem>(node: ThreadNode<Item>): number {
  let count = 0;
  const stack = [...node.children];
  while (stack.length > 0) {
    const current = stack.pop()!;
    count += 1;
    stack.push(...current.children);
  }
  return count;
}

/** Adds replies to a list, once each, kept in sequence order: merging live and fetched replies is idempotent. */
export function mergeReplies<Item extends ThreadItem>(current: readonly Item[], incoming: readonly Item[]): Item[] {
  if (incoming.length === 0) return current as Item[];
  const seen = new Set(current.map((item) => item.id));
  const added = incoming.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
  if (added.length === 0) return current as Item[];
  return [...current, ...added].sort((a, b) => a.seq - b.seq);
}
