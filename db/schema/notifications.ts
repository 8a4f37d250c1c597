import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clubs } from "./clubs";
import { replies, rooms } from "./discussion";
import { meetings } from "./meetings";
import { users } from "./users";

/**
 * In-app notifications, one row per event for one person. The dedupe key makes a retried job
 * (or a retried post) notify each person once. Rows sharing a group key are shown as one line
 * ("Ruth and 2 others replied to you in Question 4").
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    clubId: uuid("club_id").references(() => clubs.id, { onDelete: "cascade" }),
    meetingId: uuid("meeting_id").references(() => meetings.id, { onDelete: "cascade" }),
    roomId: uuid("room_id").references(() => rooms.id, { onDelete: "cascade" }),
    // The reply the notification is about (the new reply, the mention, the hidden reply): the
    // link opens the room at it, and deleting or hiding it redacts the notification.
    replyId: uuid("reply_id").references(() => replies.id, { onDelete: "cascade" }),
    // Who caused it (the replier, the mentioner, the moderator); null for reminders.
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    url: text("url"),
    groupKey: text("group_key"),
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    // When email took this notification into account (sent at once, batched or in a digest), or
    // decided it needs none; null: email has not looked at it yet.
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("notifications_dedupe_key").on(table.dedupeKey),
    index("notifications_user_idx").on(table.userId, table.createdAt),
    index("notifications_reply_idx").on(table.replyId),
    // What email has still to look at: a small part of the table, scanned every minute (lib/email).
    index("notifications_email_pending_idx").on(table.userId).where(sql`${table.emailedAt} is null`),
  ],
);

export type Notification = typeof notifications.$inferSelect;

/**
 * How a member hears about one kind of notification: in the app only, by email as it happens
 * (batched, at most one email per 15 minutes), in a daily digest, or not at all. No row: the
 * kind's default (lib/notifications).
 */
export const notificationDelivery = pgEnum("notification_delivery", ["app", "email", "digest", "off"]);

export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    delivery: notificationDelivery("delivery").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.kind] })],
);

export type NotificationDelivery = (typeof notificationDelivery.enumValues)[number];
