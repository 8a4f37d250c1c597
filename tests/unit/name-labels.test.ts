import { describe, expect, it } from "vitest";
import { distinctMemberNames } from "@/lib/accounts/name-labels";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

describe("distinctMemberNames", () => {
  it("leaves distinct names as they are", () => {
    const names = distinctMemberNames([
      { id: "a", name: "Kathy", joinedAt: at(1) },
      { id: "b", name: "Ruth", joinedAt: at(2) },
    ]);
    expect([...names.entries()]).toEqual([["a", "Kathy"], ["b", "Ruth"]]);
  });

  it.each(["kathy", "KATHY", "Ka\u200Bthy", "\uFEFFKathy", "ｋａｔｈｙ", "Kathy\u2060"])(
    "tells %j apart from the Kathy who joined first",
    (lookAlike) => {
      const names = distinctMemberNames([
        { id: "impostor", name: lookAlike, joinedAt: at(5) },
        { id: "kathy", name: "Kathy", joinedAt: at(1) },
      ]);
      expect(names.get("kathy")).toBe("Kathy");
      expect(names.get("impostor")).toBe(`${lookAlike} (2)`);
    },
  );

  it("numbers a third look-alike, in joining order, and is stable across calls", () => {
    const members = [
      { id: "c", name: "kathy", joinedAt: at(3) },
      { id: "a", name: "Kathy", joinedAt: at(1) },
      { id: "b", name: "KATHY", joinedAt: at(2) },
    ];
    const first = distinctMemberNames(members);
    expect([first.get("a"), first.get("b"), first.get("c")]).toEqual(["Kathy", "KATHY (2)", "kathy (3)"]);
    expect(distinctMemberNames([...members].reverse())).toEqual(first);
  });

  it('skips a number that is another member\'s own name ("Kathy (2)" typed as a name)', () => {
    const names = distinctMemberNames([
      { id: "a", name: "Kathy", joinedAt: at(1) },
      { id: "b", name: "Kathy (2)", joinedAt: at(2) },
      { id: "c", name: "kathy", joinedAt: at(3) },
    ]);
    expect(names.get("b")).toBe("Kathy (2)");
    expect(names.get("c")).toBe("kathy (3)");
    expect(new Set(names.values()).size).toBe(3);
  });
});
