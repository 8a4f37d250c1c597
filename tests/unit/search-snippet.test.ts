import { describe, expect, it } from "vitest";
import { snippetSegments } from "@/lib/search/snippet";
import { searchWindow, windowPerRoom } from "@/lib/search/strategy";

const start = "\u0002";
const stop = "\u0003";

describe("snippetSegments", () => {
  it("splits a headline at its sentinels into text and marked words", () => {
    expect(snippetSegments(`Kathy kept the ${start}tape${stop} for years, the ${start}tape${stop}.`, start, stop)).toEqual([
      { text: "Kathy kept the ", marked: false },
      { text: "tape", marked: true },
      { text: " for years, the ", marked: false },
      { text: "tape", marked: true },
      { text: ".", marked: false },
    ]);
  });

  it("keeps markup as text and folds line breaks", () => {
    expect(snippetSegments(`<b>\n\n${start}bold${stop}</b>  `, start, stop)).toEqual([
      { text: "<b> ", marked: false },
      { text: "bold", marked: true },
      { text: "</b>", marked: false },
    ]);
  });

  it("reads a stray sentinel as the start or end of a mark, nothing more", () => {
    expect(snippetSegments(`a ${stop}b ${start}c`, start, stop)).toEqual([
      { text: "a b ", marked: false },
      { text: "c", marked: true },
    ]);
  });
});

describe("searchWindow", () => {
  it("ranks every match of a word in few replies", () => {
    expect(searchWindow({ share: 0.01, clubReplies: 100_000, rooms: 10 })).toBeNull();
    expect(searchWindow({ share: 0.05, clubReplies: 100_000, rooms: 10 })).toBeNull();
  });

  it("ranks each room's newest matches for a word in most replies", () => {
    expect(searchWindow({ share: 0.5, clubReplies: 100_000, rooms: 10 })).toBe(windowPerRoom);
  });

  it("ranks everything in a small club, however common the word", () => {
    expect(searchWindow({ share: 0.9, clubReplies: 1_500, rooms: 10 })).toBeNull();
    expect(searchWindow({ share: 0, clubReplies: 100_000, rooms: 10 })).toBeNull();
  });
});
