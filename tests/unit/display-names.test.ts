import { describe, expect, it } from "vitest";
import { displayName, signUpInput } from "@/lib/validation/auth";
import { displayNameKey, sanitizeDisplayName } from "@/lib/validation/display-name";
import { renameInput } from "@/lib/validation/profile";
import { issueWords } from "@/tests/error-words";

describe("a display name", () => {
  it("is stored NFC-normalized", () => {
    // "e" + combining acute and the precomposed "é" become the same string.
    expect(displayName.parse("Rene\u0301e")).toBe("Ren\u00e9e");
    expect(displayName.parse("Ren\u00e9e")).toBe("Ren\u00e9e");
  });

  it.each([
    ["\u200B", "a zero-width space"],
    ["\u2060", "a word joiner"],
    ["\uFEFF", "a byte-order mark"],
    ["\u200B\u200C\u200D\u2060\uFEFF", "only format characters"],
    ["\u00AD", "a soft hyphen"],
    ["\u3164", "a Hangul filler"],
    ["\u115F\u1160", "Hangul choseong and jungseong fillers"],
    ["\uFE0F", "a variation selector"],
    ["\u034F", "a combining grapheme joiner"],
    ["\u2800", "a braille blank"],
    ["\u00A0\u2003\u3000", "only wide spaces"],
    ["\u0301", "a lone combining accent"],
  ])("is refused when it is %j (%s): nothing visible", (name) => {
    const result = renameInput.safeParse({ name });
    expect(result.success).toBe(false);
    expect(issueWords(result.error?.issues[0])).toMatch(/visible|Enter the name/);
  });

  it.each([
    "\u202Eyhtak",
    "kathy\u202D",
    "\u202Akathy",
    "\u202Bkathy",
    "\u202Ckathy",
    "\u2066kathy\u2069",
    "\u2067kathy",
    "\u2068kathy",
  ])("is refused when it holds a bidirectional control: %j", (name) => {
    const result = signUpInput.safeParse({ email: "k@example.com", name, password: "a long passphrase" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issueWords(issue))).toContain(
      "Your name can't contain characters that reverse or reorder the text around them.",
    );
  });

  it.each(["Kathy", "Kathy H.", "キャシー", "كاثي", "😀", "K\u200Dathy", "李", "O'Brien-Smith"])("accepts %j", (name) => {
    expect(displayName.safeParse(name).success).toBe(true);
  });
});

describe("sanitizeDisplayName (OAuth profile names)", () => {
  it("cleans rather than refuses", () => {
    expect(sanitizeDisplayName("\u202Eyhtak", "x")).toBe("yhtak");
    expect(sanitizeDisplayName("Kat\u0000hy\nH", "x")).toBe("Kat hy H");
    expect(sanitizeDisplayName("Rene\u0301e", "x")).toBe("Ren\u00e9e");
  });

  it("falls back when nothing visible is left", () => {
    expect(sanitizeDisplayName("\u200B\u2060", "kathy")).toBe("kathy");
    expect(sanitizeDisplayName(null, "kathy")).toBe("kathy");
    expect(sanitizeDisplayName("   ", "kathy")).toBe("kathy");
  });

  it("keeps at most 80 characters", () => {
    expect(Array.from(sanitizeDisplayName("😀".repeat(200), "x"))).toHaveLength(80);
  });
});

describe("displayNameKey", () => {
  it.each([
    ["Kathy", "kathy"],
    ["Kathy", "KATHY"],
    ["Kathy", "Ka\u200Bthy"],
    ["Kathy", "\uFEFFKathy\u2060"],
    ["Kathy", "ｋａｔｈｙ"],
    ["Kathy H", "Kathy  H"],
    ["Kathy H", "Kathy\u00A0H"],
    ["Renée", "Rene\u0301e"],
    ["Strauß", "STRAUSS"],
  ])("makes %j and %j the same name", (a, b) => {
    expect(displayNameKey(a)).toBe(displayNameKey(b));
  });

  it("keeps different names apart", () => {
    expect(displayNameKey("Kathy")).not.toBe(displayNameKey("Kathy H"));
    expect(displayNameKey("Kathy")).not.toBe(displayNameKey("Katy"));
  });
});
