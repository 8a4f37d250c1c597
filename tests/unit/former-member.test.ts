import { describe, expect, it } from "vitest";
import { nameOrFormer } from "@/lib/accounts/former-member";
import { translatorFor } from "@/lib/i18n/translate";
import { groupNotifications, type NotificationRow } from "@/lib/notifications/groups";
import { notificationSentence } from "@/lib/notifications/sentence";

// A deleted account is named "A former member" (docs/decisions/0028-account-deletion.md): queries
// give its name as null, and whatever says a name turns null into the reader's words.

function row(overrides: Partial<NotificationRow>): NotificationRow {
  return {
    id: crypto.randomUUID(),
    kind: "reply",
    title: "Ruth replied to you in Question 2",
    body: "",
    url: "/clubs/c/rooms/r",
    groupKey: "reply:r",
    actorId: "ruth",
    actorName: "Ruth",
    roomPosition: 2,
    createdAt: new Date(Date.UTC(2026, 0, 1)),
    readAt: null,
    ...overrides,
  };
}

describe("naming a deleted account", () => {
  it("shows the name, or the former-member label for a deleted account", () => {
    expect(nameOrFormer("Ruth", "A former member")).toBe("Ruth");
    expect(nameOrFormer(null, "A former member")).toBe("A former member");
  });

  it("a notification whose actor deleted their account names a former member in each language, never the stored name", () => {
    const [line] = groupNotifications([row({ actorName: null })]);
    expect(line?.text).toBe("A former member replied to you in Question 2");
    const spanish = notificationSentence({ sentence: line!.sentence, body: line!.sentenceBody }, translatorFor("es", "email"), { locale: "es" });
    expect(spanish.text).toBe("Un antiguo miembro te respondió en la pregunta 2");
  });

  it("a former member among others in a group is one of the people counted", () => {
    const [line] = groupNotifications([row({ actorId: "kathy", actorName: "Kathy" }), row({ actorName: null })]);
    expect(line?.text).toBe("Kathy and a former member replied to you in Question 2");
  });

  it("a row with no actor at all keeps its stored words", () => {
    const [line] = groupNotifications([row({ actorId: null, actorName: null, title: "Stored words" })]);
    expect(line?.text).toBe("Stored words");
  });
});
