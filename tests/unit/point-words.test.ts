import { describe, expect, it } from "vitest";
import { END_RANK, pointChoices, type BookShape } from "@/lib/books/points";
import { pointChoiceWords, rankWords } from "@/lib/discussion/point-words";
import { translatorFor } from "@/lib/i18n/translate";

const shape: BookShape = { chapters: 23, parts: [{ title: "Part One", first: 1, last: 9 }, { title: "Part Two", first: 10, last: 17 }, { title: "Part Three", first: 18, last: 23 }] };
const primera: BookShape = { chapters: 12, parts: [{ title: "Primera parte", first: 1, last: 6 }, { title: "Segunda parte", first: 7, last: 12 }] };
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

  it("keeps a part's own title in Spanish, and says the last chapter as the end", () => {
    expect(rankWords(es, 3, primera, "progress")).toBe("Primera parte, capítulo 3");
    expect(rankWords(es, 6, primera, "reach")).toBe("el final de «Primera parte»");
    expect(rankWords(es, 12, primera, "reach")).toBe("el final");
    expect(rankWords(es, 12, primera, "progress")).toBe("terminado");
    expect(rankWords(es, 0, null, "progress")).toBe("sin empezar");
    expect(rankWords(es, 0, null, "reach")).toBe("sin spoilers");
  });

  it("makes the room's and the reading panel's sentences in Spanish", () => {
    expect(es("spoiler.veil", { point: rankWords(es, 20, shape, "reach") })).toBe("Spoiler hasta Part Three, capítulo 20");
    expect(es("reading.readUpTo", { target: rankWords(es, 9, shape, "reach") })).toBe("Leer hasta el final de «Part One»");
    expect(es("reading.otherAt", { name: "Ruth", point: rankWords(es, 4, null, "progress") })).toBe("Ruth va por el capítulo 4");
    expect(es("page.reach", { reach: rankWords(es, END_RANK, shape, "reach") })).toBe("Habla del libro hasta el final.");
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
    expect(labels).toContain("Final de «Part One» (capítulo 9)");
    expect(labels.at(-1)).toBe("El final");
  });

  it("offers a reader's progress in Spanish, grouped by the book's own part titles", () => {
    const choices = pointChoiceWords(es, primera, "progress");
    expect(choices.map((choice) => choice.label)).toEqual([
      "Sin empezar",
      ...[1, 2, 3, 4, 5, 6].map((chapter) => `Primera parte, capítulo ${chapter}`),
      ...[7, 8, 9, 10, 11].map((chapter) => `Segunda parte, capítulo ${chapter}`),
      "Terminado",
    ]);
    expect(choices[3]?.group).toBe("Primera parte");
    expect(pointChoiceWords(es, null, "progress").map((choice) => choice.label)).toEqual(["Sin empezar", "Terminado"]);
  });
});
