import { describe, expect, it } from "vitest";
import { END_RANK, type BookShape } from "@/lib/books/points";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { envelopeOf, isVeiledFor, spoilerLevelFor, spoilerOf, veiledFor, type ReplyReader } from "@/lib/discussion/spoilers";
import { buildThreadTree } from "@/lib/discussion/threads";

const shape: BookShape = {
  chapters: 23,
  parts: [
    { title: "Part One", first: 1, last: 9 },
    { title: "Part Two", first: 10, last: 17 },
    { title: "Part Three", first: 18, last: 23 },
  ],
};

const reader = (reached: number, revealed: string[] = []): ReplyReader => ({ userId: "kathy", reached, revealed: new Set(revealed), shape });

function view(id: string, level: number, parentId: string | null = null, seq = 1): ReplyView {
  return {
    id,
    roomId: "room",
    parentId,
    threadId: parentId ?? id,
    replyTo: null,
    seq,
    author: { id: "ruth", name: "Ruth" },
    bodyHtml: `<p>text of ${id}</p>`,
    createdAt: "2026-06-01T10:00:00.000Z",
    editedAt: null,
    state: "visible",
    hiddenReason: null,
    pinned: false,
    reactions: [],
    reactionCount: 0,
    spoiler: spoilerOf(level),
    veil: null,
  };
}

describe("spoilerLevelFor", () => {
  it("defaults to the author's own progress", () => {
    expect(spoilerLevelFor({ chosen: undefined, authorReached: 12 })).toBe(12);
    expect(spoilerLevelFor({ chosen: null, authorReached: END_RANK })).toBe(END_RANK);
    expect(spoilerLevelFor({ chosen: null, authorReached: 0 })).toBe(0);
  });

  it("takes a chosen point at or before the author's progress, 'no spoilers' included", () => {
    expect(spoilerLevelFor({ chosen: 9, authorReached: 12 })).toBe(9);
    expect(spoilerLevelFor({ chosen: 0, authorReached: END_RANK })).toBe(0);
  });

  it("clamps a point past the author's progress to it", () => {
    expect(spoilerLevelFor({ chosen: 20, authorReached: 5 })).toBe(5);
    expect(spoilerLevelFor({ chosen: END_RANK, authorReached: 0 })).toBe(0);
  });
});

describe("veils", () => {
  it("carries the level only, for each page to say in its reader's language", () => {
    expect(spoilerOf(20)).toEqual({ level: 20 });
    expect(spoilerOf(END_RANK)).toEqual({ level: END_RANK });
    expect(spoilerOf(0)).toBeNull();
  });

  it("veils a reply past the reader's progress, unless they revealed it or wrote it", () => {
    const reply = { id: "r", authorId: "ruth", level: 20 };
    expect(isVeiledFor(reply, reader(5))).toBe(true);
    expect(isVeiledFor(reply, reader(20))).toBe(false);
    expect(isVeiledFor(reply, reader(21))).toBe(false);
    expect(isVeiledFor(reply, reader(5, ["r"]))).toBe(false);
    expect(isVeiledFor({ ...reply, authorId: "kathy" }, reader(5))).toBe(false);
  });

  it("shows replies up to a lifted room's reach", () => {
    expect(isVeiledFor({ id: "r", authorId: "ruth", level: 17 }, { ...reader(5), liftedTo: 17 })).toBe(false);
    expect(isVeiledFor({ id: "r", authorId: "ruth", level: 20 }, { ...reader(5), liftedTo: 17 })).toBe(true);
  });

  it("treats the last chapter and the end as the same point", () => {
    expect(isVeiledFor({ id: "r", authorId: "ruth", level: END_RANK }, reader(23))).toBe(false);
  });

  it("takes the text out of a veiled reply and keeps everything else", () => {
    const veiled = veiledFor(view("r", 20), reader(5));
    expect(veiled.bodyHtml).toBe("");
    expect(veiled.veil).toEqual({ level: 20 });
    expect(veiled).toMatchObject({ id: "r", seq: 1, parentId: null });
    expect(veiledFor(view("r", 20), reader(21)).bodyHtml).toContain("text of r");
  });

  it("broadcasts a reply with spoilers as its envelope, and one without as it is", () => {
    expect(envelopeOf(view("r", 3)).bodyHtml).toBe("");
    expect(envelopeOf(view("r", 0)).bodyHtml).toContain("text of r");
  });

  it("keeps a veiled parent's children in place", () => {
    const views = [view("parent", 20, null, 1), view("child", 0, "parent", 2), view("other", 0, null, 3)].map((item) => veiledFor(item, reader(5)));
    const tree = buildThreadTree(views);
    expect(tree.map((node) => node.item.id)).toEqual(["parent", "other"]);
    expect(tree[0]?.item.veil).not.toBeNull();
    expect(tree[0]?.children.map((node) => node.item.id)).toEqual(["child"]);
    expect(tree[0]?.children[0]?.item.bodyHtml).toContain("text of child");
  });
});
