import { describe, expect, it } from "vitest";
import { groupNotifications, type NotificationRow } from "@/lib/notifications/groups";

let counter = 0;
function row(overrides: Partial<NotificationRow>): NotificationRow {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, "0")}`,
    kind: "reply",
    title: "stored title",
    body: "excerpt",
    url: "/clubs/c/rooms/r?reply=x",
    groupKey: "reply:r",
    actorId: "ruth",
    actorName: "Ruth",
    roomPosition: 4,
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, 60 - counter)),
    readAt: null,
    ...overrides,
  };
}

describe("groupNotifications", () => {
  it("says 'Ruth and 2 others replied to you in Question 4', newest actor first, each person once, linking to the newest", () => {
    const rows = [
      row({ actorId: "ruth", actorName: "Ruth", url: "/newest", body: "" }),
      row({ actorId: "tommy", actorName: "Tommy" }),
      row({ actorId: "ruth", actorName: "Ruth" }),
      row({ actorId: "emily", actorName: "Emily" }),
    ];
    const [line] = groupNotifications(rows);
    expect(line).toMatchObject({ text: "Ruth and 2 others replied to you in Question 4", href: "/newest", body: "excerpt", read: false });
    expect(line?.ids).toHaveLength(4);
  });

  it("keeps read and unread apart, two names as 'Ruth and Tommy', one alone with its excerpt", () => {
    const lines = groupNotifications([
      row({ kind: "mention", groupKey: "mention:r", actorId: "ruth" }),
      row({ kind: "mention", groupKey: "mention:r", actorId: "tommy", actorName: "Tommy" }),
      row({ readAt: new Date() }),
    ]);
    expect(lines.map((line) => line.text)).toEqual(["Ruth and Tommy mentioned you in Question 4", "Ruth replied to you in Question 4"]);
    expect(lines[1]).toMatchObject({ body: "excerpt", read: true });
  });

  it("says how many times one person did it, 'twice' for two, and shows the newest excerpt there is", () => {
    const six = Array.from({ length: 6 }, (_, index) => row({ kind: "mention", groupKey: "mention:r", roomPosition: 1, body: index === 0 ? "" : `excerpt ${index}` }));
    const two = [row({ readAt: new Date(), body: "" }), row({ readAt: new Date(), body: "" })];
    const lines = groupNotifications([...six, ...two]);
    expect(lines.map((line) => [line.text, line.body])).toEqual([
      ["Ruth mentioned you 6 times in Question 1", "excerpt 1"],
      ["Ruth replied to you twice in Question 4", ""],
    ]);
  });

  it("shows ungrouped kinds by their stored title, and offers only in-app paths as links", () => {
    const lines = groupNotifications([
      row({ kind: "reply_hidden", groupKey: null, title: "A moderator hid your reply in Question 4", url: "https://evil.example/" }),
      row({ kind: "meeting_reminder", groupKey: null, title: "Starts in 1 hour", url: "//evil.example/" }),
    ]);
    expect(lines.map((line) => [line.text, line.href])).toEqual([
      ["A moderator hid your reply in Question 4", null],
      ["Starts in 1 hour", null],
    ]);
  });
});
