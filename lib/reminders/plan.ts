// The pure rules of meeting reminders: when each one is due, whether a late one is still worth
// sending, and the key that makes each member's reminder unique. No I/O here, so it unit-tests.

export const REMINDER_KINDS = ["24h", "1h"] as const;

export type ReminderKind = (typeof REMINDER_KINDS)[number];

const HOUR = 60 * 60 * 1000;

/** How many hours ahead each reminder goes (its words are in the `email` messages, by count). */
export const REMINDER_HOURS: Record<ReminderKind, number> = { "24h": 24, "1h": 1 };

/** What a queued reminder job carries: enough to tell, when it runs, whether it is stale. */
export type ReminderPayload = { meetingId: string; kind: ReminderKind; startsAt: string };

export type PlannedReminder = { kind: ReminderKind; sendAt: Date };

export function reminderSendAt(startsAt: Date, kind: ReminderKind): Date {
  return new Date(startsAt.getTime() - REMINDER_HOURS[kind] * HOUR);
}

/** The reminders a meeting still needs: a kind whose moment has already passed is skipped. */
export function planReminders(meeting: { startsAt: Date; cancelledAt: Date | null }, now: Date): PlannedReminder[] {
  if (meeting.cancelledAt) return [];
  return REMINDER_KINDS.map((kind) => ({ kind, sendAt: reminderSendAt(meeting.startsAt, kind) })).filter(
    (reminder) => reminder.sendAt.getTime() > now.getTime(),
  );
}

/**
 * A reminder that runs late (the server was down, the queue was backed up) is still sent while
 * it can help: never once the meeting has begun, and a day-before reminder not once the
 * hour-before one is due, so nobody gets both at the same moment.
 */
export function reminderStillUseful(kind: ReminderKind, startsAt: Date, now: Date): boolean {
  if (now.getTime() >= startsAt.getTime()) return false;
  if (kind === "24h") return now.getTime() < reminderSendAt(startsAt, "1h").getTime();
  return true;
}

/** One per member, kind and start time: a moved meeting earns a fresh reminder, a retried job none. */
export function reminderDedupeKey(input: { meetingId: string; kind: ReminderKind; startsAt: Date; userId: string }): string {
  return `reminder:${input.meetingId}:${input.kind}:${input.startsAt.toISOString()}:${input.userId}`;
}


/**
 * Whether the jobs recorded for a meeting differ from what it needs now: a needed reminder
 * with no job at its time, a job for a time the meeting no longer has, or any job at all for a
 * cancelled meeting. Cheap enough to run over every upcoming meeting at start.
 */
export function remindersOutOfDate(
  meeting: { startsAt: Date; cancelledAt: Date | null },
  jobs: { kind: string; sendAt: Date }[],
  now: Date,
): boolean {
  if (meeting.cancelledAt) return jobs.length > 0;
  const stale = jobs.some(
    (job) => !isReminderKind(job.kind) || job.sendAt.getTime() !== reminderSendAt(meeting.startsAt, job.kind).getTime(),
  );
  if (stale) return true;
  return planReminders(meeting, now).some((planned) => !jobs.some((job) => job.kind === planned.kind));
}

export function isReminderKind(value: string): value is ReminderKind {
  return (REMINDER_KINDS as readonly string[]).includes(value);
}
