import type { useTranslations } from "next-intl";

/** The parts of a reply or mention line (lib/notifications/groups.ts NotificationGroupView["phrase"]). */
export type LinePhrase = { kind: "reply" | "mention"; names: (string | null)[]; count: number; position: number };

type Translate = ReturnType<typeof useTranslations<"notifications">>;

/**
 * A notifications-page line in the reader's language: "Ruth and 2 others replied to you in
 * Question 4", "Ruth te mencionó dos veces en la pregunta 4". Lines of other kinds (`phrase`
 * null) are shown as they were stored. Pure, so both languages are unit-tested.
 */
export function lineText(t: Translate, line: { text: string; phrase: LinePhrase | null }): string {
  const { phrase } = line;
  if (!phrase) return line.text;
  const names = phrase.names.map((name) => name ?? t("line.someone"));
  const [first = t("line.someone"), second = ""] = names;
  const actors =
    names.length <= 1 ? first : names.length === 2 ? t("line.actorsTwo", { first, second }) : t("line.actorsMany", { first, others: names.length - 1 });
  // One person's several notifications say how many; several people already read as more than one.
  const times = names.length === 1 ? phrase.count : 1;
  const values = { actors, people: Math.max(names.length, 1), times, position: phrase.position };
  return phrase.kind === "mention" ? t("line.mention", values) : t("line.reply", values);
}
