import { describe, expect, it } from "vitest";
import { END_RANK, pointChoices, type BookShape } from "@/lib/books/points";
import { pointChoiceWords, rankWords } from "@/lib/discussion/point-words";
import { translatorFor } from "@/lib/i18n/translate";

const shape: BookShape = { chapters: 23, parts: [{ title: "Part One", first: 1, last: 9 }, { title: "Part Two", first: 10, last: 17 }, { title: "Part Three", first: 18, last: 23 }] };
const en = translatorFor("en", "discussion");
const es = translatorFor("es", "discussion");

describe("rankWords", () => {
  it("says a point as formatPoint does in English, and in Spanish", () => {
    expect(rankWords(en, 20, shape, "reach")).toBe("Part Three, chapter 20");
    expect(rankWords(en, 9, shape, "reach")).toBe("the end of Part One");
    expect(rankWords(en, END_RANK, shape, "reach")).toBe("the ending");
    expect(rankWords(en, 0, shape, "progress")).toBe("not started");
    expect(rankWords(es, 12, shape, "progress")).toBe("Part Two, capítulo 12");
    expect(rankWords(es, END_RANK, shape, "reach")).toBe("el final");
    expect(rankWords(es, 3, null, "reach")).toBe("el capítulo 3");
  });
});

describe("pointChoiceWords", () => {
  it("keeps pointChoices' ranks, groups and English labels", () => {
    expect(pointChoiceWords(en, shape, "reach")).toEqual(pointChoices(shape, "reach"));
    expect(pointChoiceWords(en, shape, "progress")).toEqual(pointChoices(shape, "progress"));
  });

  it("labels them in Spanish", () => {
    const labels = pointChoiceWords(es, shape, "reach").map((choice) => choice.label);
    expect(labels[0]).toBe("Sin spoilers");
    expect(labels).toContain("Final de Part One (capítulo 9)");
    expect(labels.at(-1)).toBe("El final");
  });
});
