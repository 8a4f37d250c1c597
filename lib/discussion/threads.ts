/** Pure thread-building shared by the server and the browser: no imports, no I/O. */
export type ThreadItem = { id: string; parentId: string | null; seq: number; reactionCount?: number };
export type ThreadNode<Item extends ThreadItem> = { item: Item; children: ThreadNode<Item>[]; depth: number };
export type ThreadSort = "oldest" | "newest" | "most_reacted";

/** The orders a room offers, as its sort control lists them (their words: `discussion.room.sort*`). */
export const threadSorts: readonly ThreadSort[] = ["oldest", "newest", "most_reacted"];

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

/** A reply as a paged room places it: its thread is known. */
export type PagedItem = ThreadItem & { threadId: string };

/** A thread's paging: replies under its opening reply in the room, and the cursor of the next page of them (null: none left). */
export type ThreadPagingState = { total: number; next: string | null };

/** What a room read by the page holds in the browser: the loaded replies and each loaded thread's paging. */
export type PagedRoom<Item extends PagedItem> = {
  replies: Item[];
  threads: Readonly<Record<string, ThreadPagingState>>;
  threadCount: number;
  /** Replies counted in a thread's "more" without being loaded: each is counted once however often it comes. */
  counted: ReadonlySet<string>;
};

/**
 * Places replies that arrived live or by catch-up (any order, repeats allowed) into a paged
 * room. A new thread is shown (the sort puts it among the loaded threads) and counted; a reply
 * whose parent is loaded is shown in its thread; one whose parent is not loaded only grows its
 * thread's "N more" (it comes, in order, with "Show more"); one in a thread not loaded changes
 * nothing here. Returns the new room and the replies it now shows.
 */
export function placeArrivals<Item extends PagedItem, Room extends PagedRoom<Item>>(room: Room, incoming: readonly Item[]): { room: Room; shown: Item[] } {
  const loaded = new Set(room.replies.map((item) => item.id));
  let threads = room.threads;
  let threadCount = room.threadCount;
  let counted = room.counted;
  const shown: Item[] = [];
  for (const item of [...incoming].sort((a, b) => a.seq - b.seq)) {
    if (loaded.has(item.id) || counted.has(item.id)) continue;
    if (item.parentId === null) {
      loaded.add(item.id);
      shown.push(item);
      threadCount += 1;
      threads = { ...threads, [item.id]: threads[item.id] ?? { total: 0, next: null } };
      continue;
    }
    const thread = threads[item.threadId];
    if (loaded.has(item.parentId)) {
      loaded.add(item.id);
      shown.push(item);
      if (thread) threads = { ...threads, [item.threadId]: { ...thread, total: thread.total + 1 } };
    } else if (thread) {
      counted = new Set(counted).add(item.id);
      threads = { ...threads, [item.threadId]: { ...thread, total: thread.total + 1 } };
    }
  }
  if (shown.length === 0 && threads === room.threads) return { room, shown };
  return { room: { ...room, replies: mergeReplies(room.replies, shown), threads, threadCount, counted }, shown };
}

/** How many of each thread's replies (under its opening reply) are loaded, by thread id. */
export function loadedPerThread(items: readonly PagedItem[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) if (item.parentId !== null) counts.set(item.threadId, (counts.get(item.threadId) ?? 0) + 1);
  return counts;
}

/**
 * The seq after which a page asks for live replies and catch-up (room:join's afterSeq): the
 * room's seq when its first screen was read (docs/decisions/0020-rooms-read-by-the-page.md).
 * Not the highest seq on the screen: the screen is read after that seq, so it can hold a reply
 * posted meanwhile while another posted before it is not loaded; catch-up brings that one, and
 * the ones already shown come again and are merged once.
 */
export function liveStartSeq(page: { seq: number }): number {
  return page.seq;
}
