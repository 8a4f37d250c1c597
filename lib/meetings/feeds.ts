import "server-only";
import { randomBytes } from "node:crypto";
import { findCalendarFeedOwner, getActiveCalendarFeed, replaceCalendarFeed, revokeCalendarFeeds } from "@/db/queries/calendar-feeds";
import { listFeedMeetings } from "@/db/queries/meetings";
import { resolveSelf } from "@/lib/access";
import { door, noParams } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { configuredPublicUrl } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { recipientLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translate";
import { meetingsToIcs } from "@/lib/meetings/ics";
import { toCalendarEvent } from "@/lib/meetings/calendar";
import { can } from "@/lib/permissions";
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

// The member's own feed: these doors name no club, so there is nothing to resolve; every query
// is keyed by the caller's own id.

/** The member's working feed, if they have made one. */
export const loadCalendarFeed = door({
  params: noParams,
  what: "calendar",
  resolve: resolveSelf,
  act: async ({ userId }) => {
    const feed = await getActiveCalendarFeed({ userId });
    return done<CalendarFeedView | null>(feed ? { path: feedPath(feed.token), createdAt: feed.createdAt.toISOString() } : null);
  },
});

/** A new private feed URL; any earlier one stops working at the same moment. */
export const createCalendarFeed = door({
  params: noParams,
  what: "calendar",
  resolve: resolveSelf,
  act: async ({ userId }) => {
    const feed = await replaceCalendarFeed({ userId, token: randomBytes(24).toString("base64url") });
    return done<CalendarFeedView>({ path: feedPath(feed.token), createdAt: feed.createdAt.toISOString() });
  },
});

/** Stops the member's feed URL working; `revoked` is how many were (0 or 1). */
export const revokeCalendarFeed = door({
  params: noParams,
  what: "calendar",
  resolve: resolveSelf,
  act: async ({ userId }) => done({ revoked: await revokeCalendarFeeds({ userId }) }),
});

/**
 * The feed itself: every meeting of every club the token's owner belongs to, from 60 days ago
 * on, cancelled ones included so calendars remove them. The token is the only credential; a
 * malformed, unknown or revoked one is not found. Not a door: calendar apps fetch it with no
 * signed-in session, so there is no user to resolve (app/api/calendar/[token] answers failures
 * through publicRoute). The feed's own words are in its owner's language (their choice, else
 * their browser's last), whoever fetches it.
 */
export async function calendarFeedIcs(input: { token: unknown; origin: string; now?: Date }): Promise<string> {
  const parsed = calendarFeedToken.safeParse(input.token);
  if (!parsed.success) throw notFound("calendar");
  const owner = await findCalendarFeedOwner({ token: parsed.data });
  if (!owner) throw notFound("calendar");
  const { userId } = owner;
  const locale = recipientLocale(owner);
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - FEED_HISTORY_DAYS * 24 * 60 * 60 * 1000);
  const meetings = (await listFeedMeetings({ userId, since })).filter((meeting) => can(meeting.viewerRole, "meeting:view"));
  return meetingsToIcs({
    calendarName: translatorFor(locale, "calendar")("feedName"),
    events: meetings.map((meeting) => toCalendarEvent(meeting, input.origin, locale)),
    method: "PUBLISH",
    locale,
  });
}
