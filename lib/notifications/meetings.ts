import "server-only";
import { notifyClubMembers } from "@/db/queries/notifications";
import type { Transaction } from "@/db/queries/reply-writes";
import { formatInZone } from "@/lib/meetings/time";
import type { NotificationKind } from "./kinds";

const meetingScheduled: NotificationKind = "meeting_scheduled";

/**
 * On the scheduling's transaction: tells every other member of the club that a meeting (or a
 * series: one notification, for its first meeting) was scheduled. Returns who was notified.
 */
export async function notifyOfScheduledMeetings(
  tx: Transaction,
  input: { clubId: string; clubName: string; schedulerId: string; title: string; timeZone: string; meetings: readonly { id: string; startsAt: Date }[] },
): Promise<string[]> {
  const [first] = input.meetings;
  if (!first) return [];
  const when = formatInZone(first.startsAt, input.timeZone);
  const more = input.meetings.length - 1;
  return notifyClubMembers(
    {
      clubId: input.clubId,
      recipientIds: "every-member",
      kind: meetingScheduled,
      actorId: input.schedulerId,
      roomId: null,
      replyId: null,
      meetingId: first.id,
      title: `${input.clubName}: ${input.title} was scheduled`,
      body: more > 0 ? `${when}, then ${more} more in the series` : when,
      url: `/clubs/${input.clubId}/meetings/${first.id}`,
      groupKey: null,
      dedupePrefix: `meeting_scheduled:${first.id}:`,
    },
    tx,
  );
}
