import { describe, expect, it } from "vitest";
import { can } from "@/lib/permissions";

describe("can", () => {
  it("lets every member read and reply", () => {
    for (const role of ["owner", "moderator", "member"] as const) {
      expect(can(role, "room:read")).toBe(true);
      expect(can(role, "reply:create")).toBe(true);
    }
  });

  it("lets a non-member do nothing", () => {
    expect(can(null, "club:view")).toBe(false);
    expect(can(undefined, "reply:create")).toBe(false);
  });
});
