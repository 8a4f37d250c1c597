import "server-only";
import { notifyClubMembers } from "@/db/queries/notifications";
import type { Transaction } from "@/db/queries/reply-writes";
import { translatorFor } from "@/lib/i18n/translate";
import type { NotificationKind } from "./kinds";
import { notificationSentence } from "./sentence";

const meetingScheduled: NotificationKind = "meeting_scheduled";

/**
 * On the scheduling's transaction: tells every other member of the club that a meeting (or a
 * series: one notification, for its first meeting) was scheduled. Returns who was notified. The
 * row stores the English words, in the meeting's zone; readers see them in their own language
 * (lib/notifications/sentence.ts), from the same keys.
 */
export async function notifyOfScheduledMeetings(
  tx: Transaction,
  input: { clubId: string; clubName: string; schedulerId: string; title: string; timeZone: string; meetings: readonly { id: string; startsAt: Date }[] },
): Promise<string[]> {
  const [first] = input.meetings;
  if (!first) return [];
  const said = notificationSentence(
    {
      sentence: { key: "meetingScheduled", club: input.clubName, title: input.title },
      body: { key: "meetingWhen", startsAt: first.startsAt.toISOString(), timeZone: input.timeZone, more: input.meetings.length - 1 },
    },
    translatorFor("en", "email"),
    { locale: "en" },
  );
  return notifyClubMembers(
    {
      clubId: input.clubId,
      recipientIds: "every-member",
      kind: meetingScheduled,
      actorId: input.schedulerId,
      roomId: null,
      replyId: null,
      meetingId: first.id,
      title: said.text,
      body: said.body,
      url: `/clubs/${input.clubId}/meetings/${first.id}`,
      groupKey: null,
      dedupePrefix: `meeting_scheduled:${first.id}:`,
    },
    tx,
  );
}
