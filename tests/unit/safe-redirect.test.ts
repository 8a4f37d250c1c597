import { describe, expect, it } from "vitest";
import { safeAuthRedirect, safeCallbackPath } from "@/lib/accounts/safe-redirect";

// Open-redirect payloads as they reach the page: searchParams has already decoded one layer of
// percent-encoding, so "/%09/evil.example" in the address arrives as "/\t/evil.example".
const foreign = [
  "https://evil.example",
  "http://evil.example/clubs",
  "//evil.example",
  "///evil.example",
  "////evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/\t/evil.example",
  "\t//evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  " //evil.example",
  "/.//evil.example",
  "/..//evil.example",
  "/x/../..//evil.example",
  "/%2e%2e//evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "https:evil.example",
  "http:evil.example",
  "http://localhost.evil",
  "http://localhost:3000@evil.example",
  "//localhost@evil.example",
  "",
  undefined,
  null,
];

describe("safeCallbackPath", () => {
  it("keeps a path on this site, query and fragment included", () => {
    expect(safeCallbackPath("/clubs/abc/rooms/def?x=1#r")).toBe("/clubs/abc/rooms/def?x=1#r");
  });

  it.each(foreign)("sends %j home instead", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it("reads only the first of repeated callbackUrl parameters", () => {
    expect(safeCallbackPath(["//evil.example", "/clubs"])).toBe("/");
    expect(safeCallbackPath(["/clubs", "//evil.example"])).toBe("/clubs");
  });

  it.each([
    // Still encoded after the one decoding layer: a path on this site, kept encoded.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    // A newline in the path (the `/a%0Ab` that answered 500) is dropped, as a browser drops it.
    ["/a\nb", "/ab"],
    ["/a\u0000b", "/a%00b"],
    ["/a b", "/a%20b"],
  ])("gives %j back as the parser serializes it: %j", (value, expected) => {
    const path = safeCallbackPath(value);
    expect(path).toBe(expected);
    // Whatever comes back resolves to this site when a browser follows it.
    expect(new URL(path, "https://club.example").origin).toBe("https://club.example");
    expect(path).not.toMatch(/[\u0000-\u001f\u007f]/);
  });
});

describe("safeAuthRedirect (next-auth's redirect callback)", () => {
  const baseUrl = "http://localhost:3000";

  it("follows a path or an absolute URL on this site", () => {
    expect(safeAuthRedirect("/clubs?x=1", baseUrl)).toBe("http://localhost:3000/clubs?x=1");
    expect(safeAuthRedirect("http://localhost:3000/clubs", baseUrl)).toBe("http://localhost:3000/clubs");
  });

  // "http:evil.example" against an http base is, to a browser, the relative path "evil.example".
  it.each(foreign.filter((value): value is string => Boolean(value) && value !== "http:evil.example"))("sends %j to the base URL", (value) => {
    expect(safeAuthRedirect(value, baseUrl)).toBe(baseUrl);
  });

  it("reads a same-scheme \"http:evil.example\" as a browser does: a path on this site", () => {
    expect(safeAuthRedirect("http:evil.example", baseUrl)).toBe("http://localhost:3000/evil.example");
  });

  it("refuses another port or scheme of the same host", () => {
    expect(safeAuthRedirect("http://localhost:3001/", baseUrl)).toBe(baseUrl);
    expect(safeAuthRedirect("https://localhost:3000/", baseUrl)).toBe(baseUrl);
  });
});
