// Notifications shown as groups: rows sharing a group key (replies to you in one room, mentions
// of you in one room) and a read state make one line, "Ruth and 2 others replied to you in
// Question 4", linking to the newest. Pure, so the wording is tested without a database.

/** A notification as listed for its member (db/queries/notifications.ts listUserNotifications). */
export type NotificationRow = {
  id: string;
  kind: string;
  title: string;
  body: string;
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
  text: string;
  /**
   * The parts of `text` for a reply or mention line, so the page can say it in its reader's
   * language (components/notifications/notification-list.tsx); null: show `text` as stored.
   * `names`: each person once, newest first (null for one without a name); `count`: how many
   * notifications the line stands for.
   */
  phrase: { kind: "reply" | "mention"; names: (string | null)[]; count: number; position: number } | null;
  /** The newest non-empty excerpt among the group's notifications ("" if none). */
  body: string;
  /** Always an in-app path (the newest one's); anything else stored is not offered as a link. */
  href: string | null;
  /** The newest one's, an ISO instant. */
  createdAt: string;
  read: boolean;
};

const verbs: Record<string, string> = { reply: "replied to you", mention: "mentioned you" };

/** "Ruth", "Ruth and Kathy", "Ruth and 2 others": the newest first, each person once. */
function actorPhrase(names: readonly string[]): string {
  const [first, second] = names;
  if (!first) return "Someone";
  if (!second) return first;
  if (names.length === 2) return `${first} and ${second}`;
  return `${first} and ${names.length - 1} others`;
}

function safePath(url: string | null): string | null {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : null;
}

/** Groups rows (newest first) by group key and read state, keeping the newest-first order of each group's newest row. */
export function groupNotifications(rows: readonly NotificationRow[]): NotificationGroupView[] {
  const groups = new Map<string, NotificationRow[]>();
  for (const row of rows) {
    const key = row.groupKey ? `${row.groupKey}|${row.readAt ? "read" : "unread"}` : `one|${row.id}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((members) => {
    const newest = members[0]!;
    const verb = verbs[newest.kind];
    let text = newest.title;
    let phrase: NotificationGroupView["phrase"] = null;
    if (verb && newest.roomPosition !== null) {
      const names: string[] = [];
      const phraseNames: (string | null)[] = [];
      const seen = new Set<string>();
      for (const member of members) {
        const key = member.actorId ?? member.id;
        if (seen.has(key)) continue;
        seen.add(key);
        names.push(member.actorName ?? "Someone");
        phraseNames.push(member.actorName);
      }
      // One person's several notifications say how many ("Ruth mentioned you 6 times"): the
      // line stands for all of them. Several people already read as more than one.
      const times = names.length === 1 && members.length > 1 ? ` ${members.length === 2 ? "twice" : `${members.length} times`}` : "";
      text = `${actorPhrase(names)} ${verb}${times} in Question ${newest.roomPosition}`;
      phrase = { kind: newest.kind === "mention" ? "mention" : "reply", names: phraseNames, count: members.length, position: newest.roomPosition };
    }
    return {
      ids: members.map((member) => member.id),
      kind: newest.kind,
      text,
      phrase,
      // The newest excerpt there is (a redacted one is empty), so a group still shows what was said.
      body: members.find((member) => member.body !== "")?.body ?? "",
      href: safePath(newest.url),
      createdAt: newest.createdAt.toISOString(),
      read: newest.readAt !== null,
    };
  });
}
