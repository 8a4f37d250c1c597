import { pointFromRank, type BookShape } from "@/lib/books/points";
import type { Locale } from "@/lib/i18n/locales";
import { formatInZone } from "@/lib/meetings/time";
import { REMINDER_HOURS, isReminderKind } from "@/lib/reminders/plan";

// A notification's words in the reader's language. A row stores its sentence in English (title,
// body: what older rows and unknown kinds show as they are), and the facts it was made from are
// read beside it (db/queries/notifications.ts notificationFacts): who did it, in which question,
// which meeting. From those facts a line becomes a small serializable description (a key and its
// values) that a server page, a client component or an email turns into words with a translator
// of the `email` namespace. Pure, so it unit-tests and runs in the browser.

/** The stored words that mark a veiled excerpt and a hidden reply's reason (lib/notifications/replies.ts writes them). */
export const SPOILER_VEIL_PREFIX = "Contains spoilers up to ";
export const HIDDEN_REASON_PREFIX = "Reason: ";

/** What a notification row carries besides its stored words; any of these may be unknown (null). */
export type NotificationFacts = {
  kind: string;
  title: string;
  body: string;
  actorName?: string | null;
  /** Who caused it: with a null actorName, a deleted account ("A former member"). */
  actorId?: string | null;
  roomPosition?: number | null;
  /** The row's dedupe key: a reminder's says which (lib/reminders/plan.ts reminderDedupeKey). */
  dedupeKey?: string | null;
  clubName?: string | null;
  meetingTitle?: string | null;
  meetingStartsAt?: Date | null;
  meetingTimeZone?: string | null;
  meetingReading?: string | null;
  /** Meetings of the same series after this one, for "…, then 3 more in the series". */
  seriesMore?: number | null;
  /** How far the reply a veiled excerpt stood for reaches (a rank), and its book's shape. */
  spoilerReach?: number | null;
  bookShape?: BookShape | null;
};

/** A deleted account among a line's actors: said as `notification.formerMember` (docs/decisions/0028-account-deletion.md). */
type FormerActor = { former: true };

/** An actor of a line: their name, a deleted account, or null when nobody is known. */
export type ActorName = string | FormerActor | null;

/** How one row names its actor: a row that has an actor whose name reads null names a deleted account (db/queries/former-members.ts). */
export function actorOf(row: Pick<NotificationFacts, "actorId" | "actorName">): ActorName {
  if (row.actorName) return row.actorName;
  return row.actorId ? { former: true } : null;
}

/** A line's sentence, as a key of `email.notification` and its values (plain data, safe to pass to the browser). */
export type NotificationSentence =
  | { key: "reply" | "mention"; actors: ActorName[]; times: number; position: number }
  | { key: "replyHidden"; position: number }
  | { key: "meetingScheduled"; club: string; title: string }
  | { key: "meetingReminder"; club: string; title: string; hours: number }
  /** Kept as stored: an unknown kind, or facts since gone (the meeting deleted). */
  | { key: "stored"; text: string };

/** A line's second line: the author's excerpt (their words, never translated), or words of ours. */
export type NotificationBody =
  | { key: "stored"; text: string }
  | { key: "spoilerVeil"; reach: number; shape: BookShape | null }
  | { key: "hiddenReason"; reason: string }
  | { key: "meetingWhen"; startsAt: string; timeZone: string; more: number }
  | { key: "meetingReminder"; startsAt: string; timeZone: string; reading: string | null };

/** The subset of a translator of the `email` namespace these sentences use (next-intl's useTranslations("email") or translatorFor(locale, "email")). */
export type NotificationTranslator = (
  key:
    | "notification.someone"
    | "notification.formerMember"
    | "notification.formerMemberLater"
    | "notification.actorsTwo"
    | "notification.actorsMore"
    | "notification.reply"
    | "notification.mention"
    | "notification.replyHidden"
    | "notification.hiddenReason"
    | "notification.spoilerVeil"
    | "notification.meetingScheduled"
    | "notification.meetingScheduledWhen"
    | "notification.meetingReminder"
    | "notification.readFirst"
    | "notification.point.noSpoilers"
    | "notification.point.ending"
    | "notification.point.chapter"
    | "notification.point.partChapter"
    | "notification.point.endOfPart",
  values?: Record<string, string | number>,
) => string;


/** The hours a meeting reminder's dedupe key names ("reminder:<meeting>:<24h|1h>:…"), or null. */
function reminderHours(dedupeKey: string | null | undefined): number | null {
  const [prefix, , kind] = dedupeKey?.split(":") ?? [];
  return prefix === "reminder" && kind && isReminderKind(kind) ? REMINDER_HOURS[kind] : null;
}

/** One row's sentence; rows of a group share it with their actors listed (lib/notifications/groups.ts). */
export function sentenceOf(row: NotificationFacts, actors: ActorName[] = [actorOf(row)], times = 1): NotificationSentence {
  const position = row.roomPosition ?? null;
  // With nobody known (the rows of a member since deleted), the stored words, which name them as they were.
  if ((row.kind === "reply" || row.kind === "mention") && position !== null && actors.some((name) => name !== null)) {
    return { key: row.kind, actors, times, position };
  }
  if (row.kind === "reply_hidden" && position !== null) return { key: "replyHidden", position };
  if (row.kind === "meeting_scheduled" && row.clubName && row.meetingTitle) return { key: "meetingScheduled", club: row.clubName, title: row.meetingTitle };
  const hours = reminderHours(row.dedupeKey);
  if (row.kind === "meeting_reminder" && row.clubName && row.meetingTitle && hours !== null) {
    return { key: "meetingReminder", club: row.clubName, title: row.meetingTitle, hours };
  }
  return { key: "stored", text: row.title };
}

/** One row's second line. */
export function bodyOf(row: NotificationFacts): NotificationBody {
  const meeting = row.meetingStartsAt && row.meetingTimeZone ? { startsAt: row.meetingStartsAt.toISOString(), timeZone: row.meetingTimeZone } : null;
  if ((row.kind === "reply" || row.kind === "mention") && row.body.startsWith(SPOILER_VEIL_PREFIX) && row.spoilerReach != null && row.spoilerReach > 0) {
    return { key: "spoilerVeil", reach: row.spoilerReach, shape: row.bookShape ?? null };
  }
  if (row.kind === "reply_hidden" && row.body.startsWith(HIDDEN_REASON_PREFIX)) return { key: "hiddenReason", reason: row.body.slice(HIDDEN_REASON_PREFIX.length) };
  if (row.kind === "meeting_scheduled" && meeting) return { key: "meetingWhen", ...meeting, more: row.seriesMore ?? 0 };
  if (row.kind === "meeting_reminder" && meeting) return { key: "meetingReminder", ...meeting, reading: row.meetingReading?.trim() || null };
  return { key: "stored", text: row.body };
}

/** "Ruth", "Ruth and Kathy", "Ruth and 2 others": the newest first, each person once. */
function actorPhrase(actors: ActorName[], t: NotificationTranslator): string {
  // A former member opens the sentence capitalized ("A former member and Ruth"), and is lower-case after a name.
  const names = actors.map((name, index) =>
    name === null ? t("notification.someone") : typeof name === "string" ? name : t(index === 0 ? "notification.formerMember" : "notification.formerMemberLater"),
  );
  const [first, second] = names;
  if (!first) return t("notification.someone");
  if (!second) return first;
  if (names.length === 2) return t("notification.actorsTwo", { first, second });
  return t("notification.actorsMore", { first, others: names.length - 1 });
}

/** How far a reply reaches, in words: "the end of Part One", "Part Two, chapter 12", "the ending". */
function reachPhrase(reach: number, shape: BookShape | null, t: NotificationTranslator): string {
  const point = pointFromRank(reach, shape);
  if (point.kind === "start") return t("notification.point.noSpoilers");
  if (point.kind === "end") return t("notification.point.ending");
  const part = shape?.parts.find((candidate) => point.chapter >= candidate.first && point.chapter <= candidate.last);
  if (!part) return t("notification.point.chapter", { chapter: point.chapter });
  if (point.chapter === part.last) return t("notification.point.endOfPart", { part: part.title });
  return t("notification.point.partChapter", { part: part.title, chapter: point.chapter });
}

/**
 * The words of a notification line in the translator's language: its sentence and its second
 * line ("" when it has none). Meeting times are written in `timeZone` when given (an email
 * uses its recipient's), else in the meeting's own, always with the zone named.
 */
export function notificationSentence(
  line: { sentence: NotificationSentence; body: NotificationBody },
  t: NotificationTranslator,
  options: { locale: Locale; timeZone?: string | null },
): { text: string; body: string } {
  return { text: sentenceText(line.sentence, t), body: bodyText(line.body, t, options) };
}

function sentenceText(sentence: NotificationSentence, t: NotificationTranslator): string {
  switch (sentence.key) {
    case "reply":
    case "mention":
      return t(`notification.${sentence.key}`, {
        actors: actorPhrase(sentence.actors, t),
        people: Math.max(sentence.actors.length, 1),
        // One person's several notifications say how many ("Ruth mentioned you 6 times"): the
        // line stands for all of them. Several people already read as more than one.
        times: sentence.actors.length <= 1 ? sentence.times : 1,
        position: sentence.position,
      });
    case "replyHidden":
      return t("notification.replyHidden", { position: sentence.position });
    case "meetingScheduled":
      return t("notification.meetingScheduled", { club: sentence.club, title: sentence.title });
    case "meetingReminder":
      return t("notification.meetingReminder", { club: sentence.club, title: sentence.title, hours: sentence.hours });
    case "stored":
      return sentence.text;
  }
}

function bodyText(body: NotificationBody, t: NotificationTranslator, options: { locale: Locale; timeZone?: string | null }): string {
  switch (body.key) {
    case "stored":
      return body.text;
    case "spoilerVeil":
      return t("notification.spoilerVeil", { point: reachPhrase(body.reach, body.shape, t) });
    case "hiddenReason":
      return t("notification.hiddenReason", { reason: body.reason });
    case "meetingWhen":
      return t("notification.meetingScheduledWhen", { when: when(body, options), more: body.more });
    case "meetingReminder": {
      const time = when(body, options);
      // Two lines: the time, then what to read. The page shows the line break as it is.
      return body.reading ? `${time}\n${t("notification.readFirst", { reading: body.reading })}` : time;
    }
  }
}

function when(body: { startsAt: string; timeZone: string }, options: { locale: Locale; timeZone?: string | null }): string {
  const zone = options.timeZone || body.timeZone;
  try {
    return formatInZone(new Date(body.startsAt), zone, options.locale);
  } catch {
    // A stored zone this runtime does not know: the meeting's own.
    return formatInZone(new Date(body.startsAt), body.timeZone, options.locale);
  }
}
