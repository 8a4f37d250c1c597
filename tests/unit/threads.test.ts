import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/discussion/markdown";
import { sortCandidates } from "@/lib/discussion/mentions";
import { buildThreadTree, countDescendants, excerptFromHtml, mergeReplies, replaceReply, threadIndexById, type ThreadNode } from "@/lib/discussion/threads";

type Item = { id: string; parentId: string | null; seq: number };
const item = (id: string, seq: number, parentId: string | null = null): Item => ({ id, parentId, seq });

function shape(nodes: ThreadNode<Item>[]): unknown[] {
  return nodes.map((node) => (node.children.length ? [node.item.id, shape(node.children)] : node.item.id));
}

describe("buildThreadTree", () => {
  const replies = [item("a", 1), item("b", 2), item("a1", 3, "a"), item("a2", 4, "a"), item("a1x", 5, "a1"), item("c", 6)];

  it("puts replies under their parents, oldest first at every level", () => {
    expect(shape(buildThreadTree(replies))).toEqual([["a", [["a1", ["a1x"]], "a2"]], "b", "c"]);
  });

  it("orders top-level replies newest first while branches still read oldest first", () => {
    expect(shape(buildThreadTree(replies, "newest"))).toEqual(["c", "b", ["a", [["a1", ["a1x"]], "a2"]]]);
  });

  it("does not depend on the order the replies arrive in", () => {
    expect(shape(buildThreadTree([...replies].reverse()))).toEqual(shape(buildThreadTree(replies)));
  });

  it("records each reply's depth", () => {
    const [a] = buildThreadTree(replies);
    expect(a!.depth).toBe(0);
    expect(a!.children[0]!.depth).toBe(1);
    expect(a!.children[0]!.children[0]!.depth).toBe(2);
  });

  it("keeps a reply whose parent is not loaded at the top level instead of losing it", () => {
    expect(shape(buildThreadTree([item("x", 2, "missing"), item("y", 1)]))).toEqual(["y", "x"]);
  });

  it("handles a chain thousands of replies deep without overflowing the stack", () => {
    const chain = Array.from({ length: 20_000 }, (_, index) => item(`r${index}`, index + 1, index === 0 ? null : `r${index - 1}`));
    const [root] = buildThreadTree(chain);
    expect(countDescendants(root!)).toBe(19_999);
  });
});

describe("mergeReplies", () => {
  it("adds new replies once each, in sequence order", () => {
    const merged = mergeReplies([item("a", 1), item("c", 3)], [item("b", 2), item("c", 3), item("b", 2)]);
    expect(merged.map((reply) => reply.id)).toEqual(["a", "b", "c"]);
  });

  it("returns the same list when nothing is new, so React can skip a render", () => {
    const current = [item("a", 1)];
    expect(mergeReplies(current, [item("a", 1)])).toBe(current);
  });
});

describe("replaceReply", () => {
  it("puts the changed reply in its place, keeping the order", () => {
    const changed = { ...item("b", 2), parentId: "a" };
    const next = replaceReply([item("a", 1), item("b", 2), item("c", 3)], changed);
    expect(next.map((reply) => reply.id)).toEqual(["a", "b", "c"]);
    expect(next[1]).toBe(changed);
  });

  it("leaves the list as it is when the reply is not loaded", () => {
    const current = [item("a", 1)];
    expect(replaceReply(current, item("z", 9))).toBe(current);
  });
});

describe("excerptFromHtml", () => {
  it("turns sanitized HTML into plain text with entities decoded", () => {
    expect(excerptFromHtml("<p>Ruth &amp; Tommy &lt;3</p>\n<blockquote><p>a quote</p></blockquote>")).toBe("Ruth & Tommy <3 a quote");
  });

  it("cuts a long text at a word boundary and marks the cut", () => {
    const excerpt = excerptFromHtml(`<p>${"word ".repeat(60)}</p>`, 30);
    expect(excerpt).toBe("word word word word word word…");
    expect(excerpt.length).toBeLessThanOrEqual(31);
  });

  it("never leaves markup behind, even for a tag split across lines", () => {
    expect(excerptFromHtml('<a href="x"\n target="_blank">link</a>')).toBe("link");
  });

  it("keeps inline spoilers hidden (the pinned replies box shows it to everyone), mention chips inside them too", () => {
    const html = renderMarkdown("Pinned: ||Tommy *completes*|| and ||@Ruth dies|| ok", {
      candidates: sortCandidates([{ id: "11111111-1111-4111-8111-111111111111", name: "Ruth" }]),
      mentioned: [],
    });
    expect(excerptFromHtml(html)).toBe("Pinned: [spoiler] and [spoiler] ok");
  });
});

describe("threadIndexById", () => {
  it("finds the top-level thread of every reply, however deep", () => {
    const tree = buildThreadTree([item("a", 1), item("b", 2), item("a1", 3, "a"), item("a1x", 4, "a1"), item("b1", 5, "b")]);
    expect(Object.fromEntries(threadIndexById(tree))).toEqual({ a: 0, a1: 0, a1x: 0, b: 1, b1: 1 });
  });
});
