import { describe, expect, it } from "vitest";
import { hasMalformedPath } from "@/lib/validation/request-path";

describe("hasMalformedPath", () => {
  it.each(["/api/rooms/%E0%A4%A", "/clubs/%E0%A4%A", "/x/%ZZ", "/%", "/a%C0%AF", "/%ED%A0%80?ok=1"])("finds %s malformed", (url) => {
    expect(hasMalformedPath(url)).toBe(true);
  });

  it.each(["/", "/clubs/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b", "/caf%C3%A9", "/a%20b", "/sign-in?callbackUrl=%E0%A4%A", "/x#%ZZ", undefined])(
    "lets %s through (only the path is judged)",
    (url) => {
      expect(hasMalformedPath(url)).toBe(false);
    },
  );
});
