import "server-only";
import { z } from "zod";
import { countUnreadNotifications, listUserNotifications, markNotificationsRead } from "@/db/queries/notifications";
import { resolveSelf } from "@/lib/access";
import { door, noParams } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { groupNotifications } from "./groups";
import { errorKey } from "@/lib/i18n/error-text";

// A person's own notifications, read and marked through doors that name no object: the only
// permission is being that person (lib/access.ts resolveSelf), and every query is keyed by
// their id, so nobody reads or marks another's. Creating them is the acts' job
// (lib/notifications/replies.ts, lib/meetings/schedule.ts, lib/reminders/deliver.ts).

export const NOTIFICATIONS_SHOWN = 50;

/** The latest NOTIFICATIONS_SHOWN notifications, grouped (lib/notifications/groups.ts), newest first, and how many are unread. */
export const loadNotificationsPage = door({
  params: noParams,
  what: "notifications",
  resolve: resolveSelf,
  act: async ({ userId }) => {
    const [rows, unread] = await Promise.all([
      listUserNotifications({ userId, limit: NOTIFICATIONS_SHOWN }),
      countUnreadNotifications({ userId }),
    ]);
    const notifications = groupNotifications(rows);
    return done({
      notifications,
      unread,
      // "Mark all as read" covers what the page showed: one that arrives meanwhile stays unread.
      newestAt: rows[0]?.createdAt.toISOString() ?? null,
      hasMore: rows.length === NOTIFICATIONS_SHOWN,
    });
  },
});

/** What "Mark all as read" sends: the newest notification the page showed, or null for all of them. */
export type MarkAllReadValues = z.input<typeof markAllReadInput>;

const markAllReadInput = z.object({
  upTo: z.iso.datetime({ message: errorKey("request.reloadPage") }).nullable(),
});

/** Marks the caller's notifications read up to `body.upTo` (an ISO instant; null: all of them); `marked` counts them. */
export const markAllNotificationsRead = door({
  params: noParams,
  what: "notifications",
  resolve: resolveSelf,
  body: markAllReadInput,
  act: async ({ body, userId }) => {
    // The database keeps microseconds and the page's timestamp only milliseconds; the extra
    // millisecond makes sure the newest one shown is included.
    const limit = body.upTo ? new Date(new Date(body.upTo).getTime() + 1) : undefined;
    const marked = await markNotificationsRead({ userId, upTo: limit });
    return done({ marked }, { type: "notifications:changed", userIds: [userId] });
  },
});

/** What marking one line read sends: the ids of the notifications in it. */
export type MarkReadValues = z.input<typeof markReadInput>;

const markReadInput = z.object({
  ids: z.array(z.uuid({ message: errorKey("request.reloadPage") })).min(1, errorKey("profile.chooseNotification")).max(100, errorKey("profile.tooManyNotifications")),
});

/**
 * Marks some of the caller's notifications read (one line of the page, or the one just opened);
 * ids that are not the caller's are simply not theirs and stay as they are. `marked` counts them.
 */
export const markNotificationsReadById = door({
  params: noParams,
  what: "notifications",
  resolve: resolveSelf,
  body: markReadInput,
  act: async ({ body, userId }) => {
    const marked = await markNotificationsRead({ userId, ids: body.ids });
    return done({ marked }, { type: "notifications:changed", userIds: [userId] });
  },
});

/** How many of the caller's notifications are unread, for the header's badge. */
export const countMyUnreadNotifications = door({
  params: noParams,
  what: "notifications",
  resolve: resolveSelf,
  act: async ({ userId }) => done(await countUnreadNotifications({ userId })),
});
