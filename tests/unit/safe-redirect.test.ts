import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/accounts/safe-redirect";

describe("safeCallbackPath", () => {
  it("keeps a path on this site", () => {
    expect(safeCallbackPath("/clubs/abc/rooms/def?x=1")).toBe("/clubs/abc/rooms/def?x=1");
  });

  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", undefined])(
    "sends %s home instead",
    (value) => {
      expect(safeCallbackPath(value)).toBe("/");
    },
  );
});
