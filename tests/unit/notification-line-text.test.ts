import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { lineText } from "@/components/notifications/line-text";
import { messagesByLocale } from "@/lib/i18n/messages";
import { groupNotifications, type NotificationRow } from "@/lib/notifications/groups";

const translator = (locale: "en" | "es") => createTranslator({ locale, messages: messagesByLocale[locale], namespace: "notifications" });

let n = 0;
function row(kind: string, actor: string | null, groupKey = `${kind}:room`): NotificationRow {
  n += 1;
  return {
    id: `n${n}`,
    kind,
    title: "stored title",
    body: "",
    url: "/x",
    groupKey,
    actorId: actor,
    actorName: actor,
    roomPosition: 4,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 100 - n)),
    readAt: null,
  };
}

const cases: NotificationRow[][] = [
  [row("reply", "Ruth")],
  [row("reply", "Ruth"), row("reply", "Tommy"), row("reply", "Kathy")],
  [row("mention", "Ruth"), row("mention", "Tommy")],
  [row("mention", "Ruth"), row("mention", "Ruth")],
  [row("mention", "Ruth"), row("mention", "Ruth"), row("mention", "Ruth")],
  [row("reply", null)],
];

describe("a notifications-page line in the reader's language", () => {
  it("says in English exactly what the stored grouping says", () => {
    const t = translator("en");
    for (const rows of cases) {
      const [line] = groupNotifications(rows);
      expect(lineText(t, line!)).toBe(line!.text);
    }
  });

  it("says it in Spanish, with the verb agreeing and the repeats counted", () => {
    const t = translator("es");
    const said = cases.map((rows) => lineText(t, groupNotifications(rows)[0]!));
    expect(said).toEqual([
      "Ruth te respondió en la pregunta 4",
      "Ruth y 2 personas más te respondieron en la pregunta 4",
      "Ruth y Tommy te mencionaron en la pregunta 4",
      "Ruth te mencionó dos veces en la pregunta 4",
      "Ruth te mencionó 3 veces en la pregunta 4",
      "Alguien te respondió en la pregunta 4",
    ]);
  });

  it("shows a line of another kind as it was stored", () => {
    const [line] = groupNotifications([{ ...row("meeting_scheduled", "Emily", ""), groupKey: null, title: "Club: Night was scheduled" }]);
    expect(lineText(translator("es"), line!)).toBe("Club: Night was scheduled");
  });
});
