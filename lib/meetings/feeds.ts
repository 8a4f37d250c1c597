import { randomBytes } from "node:crypto";
import { findCalendarFeedUser, getActiveCalendarFeed, replaceCalendarFeed, revokeCalendarFeeds } from "@/db/queries/calendar-feeds";
import { listFeedMeetings } from "@/db/queries/meetings";
import { meetingsToIcs } from "@/lib/meetings/ics";
import { configuredPublicUrl } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { toCalendarEvent } from "@/lib/meetings/calendar";
import { calendarFeedToken } from "@/lib/validation/meetings";

// How far back a feed reaches: a recent meeting stays in people's calendars (a cancelled one
// marked so), while the club's whole history doesn't pile up there.
const FEED_HISTORY_DAYS = 60;

export type CalendarFeedView = { path: string; createdAt: string };

function feedPath(token: string): string {
  return `/api/calendar/${token}`;
}

/**
 * Where this request came in (so the links shown are the ones people can open), falling back to
 * NEXTAUTH_URL. Takes headers so pages (`await headers()`) and route handlers can both use it.
 */
export function siteOrigin(requestHeaders: Headers): string {
  const configured = configuredPublicUrl();
  const host = requestHeaders.get("x-forwarded-host")?.split(",")[0]?.trim() || requestHeaders.get("host");
  if (!host) return configured?.origin ?? "";
  const protocol = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() || configured?.protocol.replace(":", "") || "http";
  return `${protocol}://${host}`;
}

/** The member's working feed, if they have made one. */
export async function loadCalendarFeed(input: { userId: string }): Promise<CalendarFeedView | null> {
  const feed = await getActiveCalendarFeed(input);
  return feed ? { path: feedPath(feed.token), createdAt: feed.createdAt.toISOString() } : null;
}

/** A new private feed URL; any earlier one stops working at the same moment. */
export async function createCalendarFeed(input: { userId: string }): Promise<CalendarFeedView> {
  const feed = await replaceCalendarFeed({ userId: input.userId, token: randomBytes(24).toString("base64url") });
  return { path: feedPath(feed.token), createdAt: feed.createdAt.toISOString() };
}

export async function revokeCalendarFeed(input: { userId: string }): Promise<{ revoked: number }> {
  return { revoked: await revokeCalendarFeeds(input) };
}

/**
 * The feed itself: every meeting of every club the token's owner belongs to, from 60 days ago
 * on, cancelled ones included so calendars remove them. The token is the only credential; a
 * malformed, unknown or revoked one is not found.
 */
export async function calendarFeedIcs(input: { token: unknown; origin: string; now?: Date }): Promise<string> {
  const parsed = calendarFeedToken.safeParse(input.token);
  if (!parsed.success) throw notFound("This calendar");
  const userId = await findCalendarFeedUser({ token: parsed.data });
  if (!userId) throw notFound("This calendar");
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - FEED_HISTORY_DAYS * 24 * 60 * 60 * 1000);
  const meetings = await listFeedMeetings({ userId, since });
  return meetingsToIcs({
    calendarName: "Chapterhouse meetings",
    events: meetings.map((meeting) => toCalendarEvent(meeting, input.origin)),
    method: "PUBLISH",
  });
}
