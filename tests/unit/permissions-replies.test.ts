import { describe, expect, it } from "vitest";
import { replyActions } from "@/lib/permissions";

// replyActions is the one place that decides what a reader may do to a reply; the page offers
// exactly these. A few rows of the rule, each a case a member would meet.
describe("replyActions", () => {
  const visible = { isAuthor: true, state: "visible", edited: false } as const;
  const open = { locked: false };

  it("lets an author reply to, edit and delete their own visible reply in an open room", () => {
    expect(replyActions("member", visible, open)).toMatchObject({ reply: true, edit: true, delete: true, pin: false, hide: false });
  });

  it("stops a member's edits and replies in a locked room, but not their delete", () => {
    expect(replyActions("member", visible, { locked: true })).toMatchObject({ reply: false, edit: false, delete: true });
  });

  it("lets a moderator post and pin in a locked room, but not edit someone else's reply", () => {
    expect(replyActions("moderator", { ...visible, isAuthor: false }, { locked: true })).toMatchObject({ reply: true, edit: false, delete: false, pin: true, hide: true });
  });

  it("offers nothing on a hidden reply but its hidden text to moderators, and nothing to members", () => {
    const hidden = { isAuthor: false, state: "hidden", edited: true } as const;
    expect(replyActions("moderator", hidden, open)).toMatchObject({ reply: false, edit: false, pin: false, viewHidden: true, viewHistory: true });
    expect(replyActions("member", hidden, open)).toEqual({ react: false, reply: false, edit: false, delete: false, pin: false, hide: false, viewHidden: false, viewHistory: false });
  });

  it("offers nothing at all to someone who is no longer a member", () => {
    expect(Object.values(replyActions(null, visible, open)).some(Boolean)).toBe(false);
  });
});
