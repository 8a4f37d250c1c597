import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { insertAtGuidePlace, placeGuide } from "@/components/book/guide-places";
import { parseGuide } from "@/lib/guides/parse";

// Where the review step puts a line the moderator brings back from the skipped list.

const place = (guide: string) => {
  const { questions, skipped = [] } = parseGuide(guide);
  return placeGuide(guide, questions, skipped);
};

// As Word puts it on the clipboard: a Symbol bullet, "o" and a tab for the second level, a page
// footer, a numbered item that titles its sub-items, and page prose with a question mark in it.
const wordGuide = [
  "Never Let Me Go — Reading Group Guide", // 1
  "Page 1 of 5", // 2
  "Have you ever wondered what Hailsham was for? This guide will help.", // 3
  "", // 4
  "Questions for discussion", // 5
  "1.\tWhat does Kathy remember first about Hailsham?", // 6
  "\uF0B7\tWhat does Hailsham teach its students?", // 7
  "2.\tThe guardians keep a great deal from the students:", // 8
  "o\tWhy does Miss Lucy speak out?", // 9
  "o\tThe Gallery and its purpose", // 10
  "3.\tTommy's drawings of animals.", // 11
  "Page 3 of 5", // 12
  "4.\tDiscuss the ending at the fence in Norfolk.", // 13
  "", // 14
  "Further reading", // 15
  "\uF0B7\tThe Remains of the Day", // 16
].join("\n");

describe("placeGuide", () => {
  it("finds each question's line again, and the section each skipped line sits under", () => {
    const { questions, skipped } = place(wordGuide);
    expect(questions.map((question) => question.line)).toEqual([6, 7, 9, 13]);
    expect(skipped.map(({ line, reason, section }) => ({ line, reason, section }))).toEqual([
      { line: 1, reason: "heading", section: null },
      { line: 2, reason: "metadata", section: null },
      { line: 3, reason: "outside the list", section: null },
      // A sub-item under the numbered title, filed under it as its questions are.
      { line: 10, reason: "not a question", section: "The guardians keep a great deal from the students" },
      // A top-level item again: back under the heading.
      { line: 11, reason: "not a question", section: "Questions for discussion" },
      { line: 12, reason: "metadata", section: "Questions for discussion" },
      // Under a heading no question was filed under: no section the review knows.
      { line: 15, reason: "heading", section: null },
      { line: 16, reason: "not a question", section: null },
    ]);
  });

  it("places a question made of a lead-in and a sub-item, or of wrapped lines, on its last line", () => {
    const guide = [
      "1. Consider the following:", // 1
      "   a. The boat in the marsh", // 2
      "   b. Tommy's tantrums", // 3
      "2. Which marriage in", // 4
      "Middlemarch", // 5
      "is happiest?", // 6
    ].join("\n");
    expect(place(guide).questions).toEqual([
      { text: "Consider the following: The boat in the marsh", section: null, line: 2 },
      { text: "Consider the following: Tommy's tantrums", section: null, line: 3 },
      { text: "Which marriage in Middlemarch is happiest?", section: null, line: 6 },
    ]);
  });

  it("finds every question of every sample guide again, in the guide's order", () => {
    const folder = fileURLToPath(new URL("./fixtures/guides/", import.meta.url));
    const seed = fileURLToPath(new URL("../../db/seed-data/never-let-me-go-guide.txt", import.meta.url));
    const files = [...readdirSync(folder).map((name) => folder + name), seed];
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const lines = place(readFileSync(file, "utf8")).questions.map((question) => question.line);
      expect(lines.every((line) => line !== null), file).toBe(true);
      expect(
        lines.every((line, index) => index === 0 || (line ?? 0) > (lines[index - 1] ?? 0)),
        file,
      ).toBe(true);
    }
  });

  it("gives up on a question it cannot find instead of guessing a line", () => {
    const { questions } = placeGuide("1. Why Norfolk?", [{ text: "Why Norfolk?" }, { text: "Who is Madame?" }], []);
    expect(questions.map((question) => question.line)).toEqual([1, null]);
  });
});

describe("insertAtGuidePlace", () => {
  const item = (key: string, line: number | null) => ({ key, line });
  const keys = (items: { key: string }[]) => items.map((entry) => entry.key).join(" ");

  it("puts a line right after the question from the nearest earlier line", () => {
    const { items, index } = insertAtGuidePlace([item("a", 6), item("b", 9), item("c", 13)], item("new", 11));
    expect(keys(items)).toBe("a b new c");
    expect(index).toBe(2);
  });

  it("puts a line from before every question first, and one from after them all last", () => {
    expect(keys(insertAtGuidePlace([item("a", 6), item("b", 9)], item("new", 3)).items)).toBe("new a b");
    expect(keys(insertAtGuidePlace([item("a", 6), item("b", 9)], item("new", 20)).items)).toBe("a b new");
  });

  it("keeps the moderator's reordering and steps over questions added by hand", () => {
    // "c" (line 13) was moved to the top; "own" was typed in by hand.
    const reordered = [item("c", 13), item("a", 6), item("own", null), item("b", 9)];
    expect(keys(insertAtGuidePlace(reordered, item("new", 7)).items)).toBe("c a new own b");
    expect(keys(insertAtGuidePlace(reordered, item("new", 11)).items)).toBe("c a own b new");
  });

  it("falls back on the nearest later question when the earlier ones were removed", () => {
    expect(keys(insertAtGuidePlace([item("own", null), item("c", 13)], item("new", 7)).items)).toBe("own new c");
  });

  it("adds at the end when no question has a line", () => {
    const { items, index } = insertAtGuidePlace([item("own", null)], item("new", 4));
    expect(keys(items)).toBe("own new");
    expect(index).toBe(1);
  });

  it("keeps lines brought back earlier in order with each other", () => {
    const first = insertAtGuidePlace([item("a", 6), item("c", 13)], item("x", 11)).items;
    expect(keys(insertAtGuidePlace(first, item("y", 10)).items)).toBe("a y x c");
  });
});
