/** Pure thread-building shared by the server and the browser: no imports, no I/O. */
export type ThreadItem = { id: string; parentId: string | null; seq: number; reactionCount?: number };
export type ThreadNode<Item extends ThreadItem> = { item: Item; children: ThreadNode<Item>[]; depth: number };
export type ThreadSort = "oldest" | "newest" | "most_reacted";

export const threadSorts: { value: ThreadSort; label: string }[] = [
  { value: "oldest", label: "Oldest first" },
  { value: "newest", label: "Newest first" },
  { value: "most_reacted", label: "Most reacted" },
];

/**
 * Builds the reply tree. The sort orders the top-level replies (oldest, newest, or most reacted:
 * by `reactionCount`, ties oldest first); answers inside a branch always
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
  // Most reacted: the threads whose opening reply has the most reactions first, ties oldest first.
  const byReactions = (a: ThreadNode<Item>, b: ThreadNode<Item>) => (b.item.reactionCount ?? 0) - (a.item.reactionCount ?? 0) || bySeq(a, b);
  roots.sort(sort === "newest" ? (a, b) => bySeq(b, a) : sort === "most_reacted" ? byReactions : bySeq);

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

/**
 * Puts a changed reply in place of the one with its id (an edit, delete, hide or pin). A reply
 * this list has not loaded is left to the catch-up that will bring it, already changed.
 */
export function replaceReply<Item extends ThreadItem>(current: readonly Item[], updated: Item): Item[] {
  const index = current.findIndex((item) => item.id === updated.id);
  if (index < 0) return current as Item[];
  const next = [...current];
  next[index] = updated;
  return next;
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: " " };

/**
 * The HTML with each inline spoiler (a `data-spoiler` span, lib/discussion/inline-spoiler.ts)
 * replaced by "[spoiler]": a preview has no veil to draw. Spans inside it (mention chips) are
 * counted, so the spoiler ends at its own closing tag.
 */
function withoutInlineSpoilers(html: string): string {
  if (!html.includes("data-spoiler")) return html;
  let out = "";
  let depth = 0;
  for (const part of html.split(/(<\/?span\b[^>]*>)/)) {
    if (depth > 0) {
      if (part.startsWith("</span")) depth -= 1;
      else if (part.startsWith("<span")) depth += 1;
    } else if (/^<span\b[^>]*\bdata-spoiler\b/.test(part)) {
      depth = 1;
      out += " [spoiler] ";
    } else out += part;
  }
  return out;
}

/**
 * A short plain-text preview of a reply's (already sanitized) HTML, cut at a word boundary.
 * Works without a DOM, so the server renders the same preview the browser does.
 */
export function excerptFromHtml(html: string, maxLength = 140): string {
  const text = withoutInlineSpoilers(html)
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => entities[name] ?? "")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:!?-]+$/, "")}…`;
}

/** For each reply, the index of the top-level thread it belongs to, so a hidden thread can be revealed. */
export function threadIndexById<Item extends ThreadItem>(roots: readonly ThreadNode<Item>[]): Map<string, number> {
  const index = new Map<string, number>();
  roots.forEach((root, position) => {
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      index.set(node.item.id, position);
      stack.push(...node.children);
    }
  });
  return index;
}
