import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { books, clubs } from "./clubs";
import { rooms } from "./discussion";
import { users } from "./users";

/** A scheduled meeting. The start is an instant; the zone it was planned in is kept for editing and repeats. */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clubId: uuid("club_id")
      .notNull()
      .references(() => clubs.id, { onDelete: "cascade" }),
    bookId: uuid("book_id").references(() => books.id, { onDelete: "set null" }),
    // Meetings created together as a repeat share a series id; each stays editable on its own.
    seriesId: uuid("series_id"),
    title: text("title").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    timeZone: text("time_zone").notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    location: text("location"),
    readingAssignment: text("reading_assignment"),
    // The same assignment as a point in the meeting's book (a rank, lib/books/points.ts): "read
    // up to here by then". The free text above stays for anything a chapter can't say.
    readingTarget: integer("reading_target"),
    notes: text("notes"),
    // iCalendar SEQUENCE: rises on every change so calendars replace their copy.
    sequence: integer("sequence").notNull().default(0),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    // The question being discussed now, set by a moderator during the meeting.
    currentRoomId: uuid("current_room_id").references(() => rooms.id, { onDelete: "set null" }),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("meetings_club_starts_idx").on(table.clubId, table.startsAt)],
);

export const meetingAgenda = pgTable(
  "meeting_agenda",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    roomId: uuid("room_id")
      .notNull()
      .references(() => rooms.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (table) => [primaryKey({ columns: [table.meetingId, table.roomId] })],
);

export const rsvpStatus = pgEnum("rsvp_status", ["going", "maybe", "not_going"]);

export const rsvps = pgTable(
  "rsvps",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: rsvpStatus("status").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.meetingId, table.userId] })],
);

/** A member's private calendar feed: the token in the URL is the only credential, so it can be revoked. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    token: text("token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("calendar_feeds_token_key").on(table.token), index("calendar_feeds_user_idx").on(table.userId)],
);

/** The queue jobs that will send a meeting's reminders, so a change can withdraw them. */
export const meetingReminderJobs = pgTable(
  "meeting_reminder_jobs",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    jobId: text("job_id").notNull(),
    sendAt: timestamp("send_at", { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.meetingId, table.kind] })],
);


export type Meeting = typeof meetings.$inferSelect;
export type RsvpStatus = (typeof rsvpStatus.enumValues)[number];
