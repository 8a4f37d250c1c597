import { describe, expect, it } from "vitest";
import {
  END_RANK,
  comparePoints,
  endPoint,
  formatPoint,
  isBeyond,
  pointChoices,
  pointFromRank,
  rankOf,
  reachFromHeading,
  startPoint,
  type BookShape,
} from "@/lib/books/points";
import { bookShapeInput, shapeFormValues } from "@/lib/validation/book-shape";
import { issueWords } from "@/tests/error-words";

const nlmg: BookShape = {
  chapters: 23,
  parts: [
    { title: "Part One", first: 1, last: 9 },
    { title: "Part Two", first: 10, last: 17 },
    { title: "Part Three", first: 18, last: 23 },
  ],
};
const chapter = (n: number) => ({ kind: "chapter" as const, chapter: n });

describe("points in a book", () => {
  it("round-trips ranks: 0 is the start, n is chapter n, END_RANK is the end", () => {
    expect(pointFromRank(0)).toEqual(startPoint);
    expect(pointFromRank(12)).toEqual(chapter(12));
    expect(pointFromRank(END_RANK)).toEqual(endPoint);
    for (const point of [startPoint, chapter(5), endPoint]) expect(pointFromRank(rankOf(point))).toEqual(point);
  });

  it("treats the last chapter, or one past a shortened shape, as the end", () => {
    expect(pointFromRank(23, nlmg)).toEqual(endPoint);
    expect(pointFromRank(40, nlmg)).toEqual(endPoint);
    expect(pointFromRank(22, nlmg)).toEqual(chapter(22));
  });

  it("refuses ranks that are not points", () => {
    expect(() => pointFromRank(-1)).toThrow(RangeError);
    expect(() => pointFromRank(1.5)).toThrow(RangeError);
  });

  it("orders start < chapters < end, with the last chapter equal to the end", () => {
    expect(comparePoints(startPoint, chapter(1), nlmg)).toBeLessThan(0);
    expect(comparePoints(chapter(12), chapter(9), nlmg)).toBeGreaterThan(0);
    expect(comparePoints(chapter(12), chapter(12), nlmg)).toBe(0);
    expect(comparePoints(chapter(22), endPoint, nlmg)).toBeLessThan(0);
    expect(comparePoints(chapter(23), endPoint, nlmg)).toBe(0);
  });

  it("says a reach past the reader's chapter is beyond them, and one at it is not", () => {
    expect(isBeyond(chapter(20), chapter(5), nlmg)).toBe(true);
    expect(isBeyond(chapter(20), chapter(20), nlmg)).toBe(false);
    expect(isBeyond(chapter(20), chapter(21), nlmg)).toBe(false);
    expect(isBeyond(endPoint, chapter(22), nlmg)).toBe(true);
    expect(isBeyond(endPoint, endPoint, nlmg)).toBe(false);
  });

  it("counts a reader who never said where they are as at the start", () => {
    expect(isBeyond(chapter(1), null, nlmg)).toBe(true);
    expect(isBeyond(startPoint, null, nlmg)).toBe(false);
  });
});

describe("formatting points", () => {
  it("names a chapter with its part", () => {
    expect(formatPoint(chapter(12), nlmg, "progress")).toBe("Part Two, chapter 12");
    expect(formatPoint(chapter(12), nlmg, "reach")).toBe("Part Two, chapter 12");
  });

  it("names a part's last chapter as the end of that part when it is a reach", () => {
    expect(formatPoint(chapter(17), nlmg, "reach")).toBe("the end of Part Two");
    expect(formatPoint(chapter(17), nlmg, "progress")).toBe("Part Two, chapter 17");
  });

  it("names the start and the end by what they mean for a reader or a room", () => {
    expect(formatPoint(startPoint, nlmg, "progress")).toBe("not started");
    expect(formatPoint(startPoint, nlmg, "reach")).toBe("no spoilers");
    expect(formatPoint(endPoint, nlmg, "progress")).toBe("finished");
    expect(formatPoint(endPoint, nlmg, "reach")).toBe("the ending");
    expect(formatPoint(chapter(23), nlmg, "reach")).toBe("the ending");
  });

  it("says just the chapter when the book has no parts", () => {
    expect(formatPoint(chapter(4), { chapters: 10, parts: [] }, "progress")).toBe("chapter 4");
    expect(formatPoint(chapter(4), null, "reach")).toBe("chapter 4");
  });

  it("offers every point in order, the last chapter being the end itself", () => {
    const choices = pointChoices(nlmg, "reach");
    expect(choices.map((choice) => choice.rank)).toEqual([0, ...Array.from({ length: 22 }, (_, i) => i + 1), END_RANK]);
    expect(choices.find((choice) => choice.rank === 9)?.label).toBe("End of Part One (chapter 9)");
    expect(choices.find((choice) => choice.rank === 12)).toEqual({ rank: 12, label: "Part Two, chapter 12", group: "Part Two" });
    expect(pointChoices({ chapters: 5, parts: [] }, "progress")[2]?.label).toBe("Chapter 2");
    expect(pointChoices(null, "progress").map((choice) => choice.label)).toEqual(["Not started", "Finished"]);
  });
});

describe("reach from a guide's heading", () => {
  it("maps a part's heading to the end of that part, however the number is written", () => {
    expect(reachFromHeading("Part Two", nlmg)).toEqual(chapter(17));
    expect(reachFromHeading("Questions on Part 2: The Cottages", nlmg)).toEqual(chapter(17));
    expect(reachFromHeading("PART I — Hailsham", nlmg)).toEqual(chapter(9));
    expect(reachFromHeading("Part Three", nlmg)).toEqual(endPoint);
  });

  it("maps chapters and the ending, and nothing else", () => {
    expect(reachFromHeading("Chapters 1-5", nlmg)).toEqual(chapter(5));
    expect(reachFromHeading("About the ending", nlmg)).toEqual(endPoint);
    expect(reachFromHeading("Themes", nlmg)).toBeNull();
    expect(reachFromHeading("Part Two", null)).toBeNull();
  });
});

describe("the shape form", () => {
  it("reads parts one per line and takes the chapter count from the last part", () => {
    const shape = bookShapeInput.parse({ chapters: "", parts: "Part One, chapters 1–9\nPart Two: 10-17\nPart Three (chapters 18 to 23)" });
    expect(shape).toEqual(nlmg);
    expect(bookShapeInput.parse(shapeFormValues(nlmg))).toEqual(nlmg);
  });

  it("reads the Spanish lines the Spanish form writes and suggests, and writes a shape back in Spanish", () => {
    const primera = { chapters: 23, parts: [{ title: "Primera parte", first: 1, last: 9 }, { title: "Segunda parte", first: 10, last: 17 }, { title: "Tercera parte", first: 18, last: 23 }] };
    for (const parts of [
      "Primera parte, capítulos 1–9\nSegunda parte, capítulos 10–17\nTercera parte, capítulos 18–23",
      "Primera parte (capítulos 1 a 9)\nSegunda parte, del capítulo 10 al 17\nTercera parte: capitulos 18 hasta 23",
    ]) {
      expect(bookShapeInput.parse({ chapters: "", parts })).toEqual(primera);
    }
    expect(bookShapeInput.parse({ chapters: "", parts: "Primera parte, capítulos 1–22\nEpílogo, capítulo 23" })).toEqual({
      chapters: 23,
      parts: [{ title: "Primera parte", first: 1, last: 22 }, { title: "Epílogo", first: 23, last: 23 }],
    });
    const spanish = { one: ({ title, chapter }: { title: string; chapter: number }) => `${title}, capítulo ${chapter}`, many: ({ title, first, last }: { title: string; first: number; last: number }) => `${title}, capítulos ${first}–${last}` };
    expect(shapeFormValues(primera, spanish).parts).toBe("Primera parte, capítulos 1–9\nSegunda parte, capítulos 10–17\nTercera parte, capítulos 18–23");
    expect(bookShapeInput.parse(shapeFormValues(primera, spanish))).toEqual(primera);
  });

  it("accepts a bare chapter count, and both blank clears the shape", () => {
    expect(bookShapeInput.parse({ chapters: "12", parts: "" })).toEqual({ chapters: 12, parts: [] });
    expect(bookShapeInput.parse({ chapters: "", parts: "" })).toBeNull();
  });

  it.each([
    ["Part One, chapters 1–9\nPart Two, chapters 9–17", "overlap"],
    ["Part One, chapters 1–9\nPart Two, chapters 11–17", "gaps"],
    ["Part One, chapters 2–9", "gaps"],
    ["Part One, chapters 9–1", "before it starts"],
    ["just some words", "Line 1"],
  ])("refuses parts that don't fit: %s", (parts, message) => {
    const result = bookShapeInput.safeParse({ chapters: "", parts });
    expect(result.success).toBe(false);
    expect(issueWords(result.error?.issues[0])).toContain(message);
  });

  it("refuses a count that disagrees with the parts, or isn't a count", () => {
    expect(issueWords(bookShapeInput.safeParse({ chapters: "20", parts: "Part One, chapters 1–9\nPart Two, chapters 10–17" }).error?.issues[0])).toContain("17");
    expect(bookShapeInput.safeParse({ chapters: "0", parts: "" }).success).toBe(false);
    expect(bookShapeInput.safeParse({ chapters: "2.5", parts: "" }).success).toBe(false);
    expect(bookShapeInput.safeParse({ chapters: "5000", parts: "" }).success).toBe(false);
  });
});

// Points in the reader's language: tests/unit/point-words.test.ts.
describe("points without a translator", () => {
  it("keeps English when no words are given", () => {
    expect(formatPoint(chapter(12), nlmg, "progress")).toBe("Part Two, chapter 12");
    expect(pointChoices(nlmg, "reach")[17]?.label).toBe("End of Part Two (chapter 17)");
  });
});
