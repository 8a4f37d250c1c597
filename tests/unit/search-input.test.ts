import { describe, expect, it } from "vitest";
import { hasNoWords, searchQuery, searchQueryMaxLength, shortenQuery } from "@/lib/search/input";

describe("a query typed into the address", () => {
  it("is kept as it is up to the box's limit", () => {
    expect(shortenQuery("  the tape  ")).toEqual({ q: "the tape", shortened: false });
    const full = "a".repeat(searchQueryMaxLength);
    expect(shortenQuery(full)).toEqual({ q: full, shortened: false });
  });

  it("is cut at the last space before the limit, never in the middle of a word, and says so", () => {
    const words = Array.from({ length: 60 }, (_, index) => `word${index}`).join(" ");
    const { q, shortened } = shortenQuery(words);
    expect(shortened).toBe(true);
    expect(q.length).toBeLessThanOrEqual(searchQueryMaxLength);
    expect(words.startsWith(`${q} `)).toBe(true);
    expect(searchQuery.safeParse({ q }).success).toBe(true);
  });

  it("keeps a word that ends right at the limit", () => {
    const exact = `${"a".repeat(searchQueryMaxLength - 5)} tape`;
    expect(shortenQuery(`${exact} more`)).toEqual({ q: exact, shortened: true });
  });

  it("cuts one very long word at the limit, never inside an emoji", () => {
    expect(shortenQuery("x".repeat(300)).q).toBe("x".repeat(searchQueryMaxLength));
    const emoji = shortenQuery(`${"x".repeat(searchQueryMaxLength - 1)}📚📚`).q;
    expect(emoji).toBe("x".repeat(searchQueryMaxLength - 1));
  });
});

describe("a query with no words", () => {
  it.each(['"', "-", "📚", "<>", "…!?"])("is %j (punctuation or symbols only)", (query) => {
    expect(hasNoWords(query)).toBe(true);
  });

  it.each(["the", "de", "ñandú", "42", "-tape", ""])("is not %j", (query) => {
    expect(hasNoWords(query)).toBe(false);
  });
});
