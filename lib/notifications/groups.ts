import { translatorFor } from "@/lib/i18n/translate";
import { actorOf, bodyOf, notificationSentence, sentenceOf, type ActorName, type NotificationBody, type NotificationFacts, type NotificationSentence } from "./sentence";

// Notifications shown as groups: rows sharing a group key (replies to you in one room, mentions
// of you in one room) and a read state make one line, "Ruth and 2 others replied to you in
// Question 4", linking to the newest. Pure, so the wording is tested without a database. The
// line's words come as a sentence to translate in the reader's language (./sentence.ts).

/** A notification as listed for its member (db/queries/notifications.ts listUserNotifications). */
export type NotificationRow = NotificationFacts & {
  id: string;
  url: string | null;
  groupKey: string | null;
  actorId: string | null;
  actorName: string | null;
  roomPosition: number | null;
  createdAt: Date;
  readAt: Date | null;
};

/** One line on the notifications page: one notification, or several grouped. */
export type NotificationGroupView = {
  /** The notifications in this line; marking it read marks them all. */
  ids: string[];
  kind: string;
  /**
   * What the line says, to put into the reader's words: `notificationSentence(line, t, { locale })`
   * with `t` a translator of the `email` namespace (lib/notifications/sentence.ts).
   */
  sentence: NotificationSentence;
  /** Its second line: the newest non-empty excerpt among the group's notifications, or words of ours. */
  sentenceBody: NotificationBody;
  /** The line said in English (what tests and logs read; the page says `sentence` in its reader's words). */
  text: string;
  /** The second line in English ("" if none). */
  body: string;
  /** Always an in-app path (the newest one's); anything else stored is not offered as a link. */
  href: string | null;
  /** The newest one's, an ISO instant. */
  createdAt: string;
  read: boolean;
};

function safePath(url: string | null): string | null {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : null;
}

const english = translatorFor("en", "email");

/** Groups rows (newest first) by group key and read state, keeping the newest-first order of each group's newest row. */
export function groupNotifications(rows: readonly NotificationRow[]): NotificationGroupView[] {
  const groups = new Map<string, NotificationRow[]>();
  for (const row of rows) {
    const key = row.groupKey ? `${row.groupKey}|${row.readAt ? "read" : "unread"}` : `one|${row.id}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((members) => {
    const newest = members[0]!;
    const actors: ActorName[] = [];
    const seen = new Set<string>();
    for (const member of members) {
      const key = member.actorId ?? member.id;
      if (seen.has(key)) continue;
      seen.add(key);
      actors.push(actorOf(member));
    }
    const sentence = sentenceOf(newest, actors, members.length);
    // The newest excerpt there is (a redacted one is empty), so a group still shows what was said.
    const withBody = members.find((member) => member.body !== "") ?? newest;
    const sentenceBody = bodyOf(withBody);
    const words = notificationSentence({ sentence, body: sentenceBody }, english, { locale: "en" });
    return {
      ids: members.map((member) => member.id),
      kind: newest.kind,
      sentence,
      sentenceBody,
      text: words.text,
      body: words.body,
      href: safePath(newest.url),
      createdAt: newest.createdAt.toISOString(),
      read: newest.readAt !== null,
    };
  });
}
