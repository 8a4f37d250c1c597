import type { Metadata } from "next";
import { headers } from "next/headers";
import { CalendarFeedPanel } from "@/components/meeting/calendar-feed-panel";
import { requireUser } from "@/lib/auth";
import { loadCalendarFeed, siteOrigin } from "@/lib/meetings/feeds";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "./actions";

export const metadata: Metadata = { title: "Your calendar" };

export default async function CalendarPage() {
  const user = await requireUser("/calendar");
  const [feed, requestHeaders] = await Promise.all([loadCalendarFeed({ userId: user.id }), headers()]);

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold sm:text-4xl">Your meetings in your calendar</h1>
        <p className="leading-relaxed text-muted">
          A private link that calendar apps subscribe to. It lists the meetings of every club you&apos;re in, from the last two months on,
          in your own time zone, and keeps them up to date when a moderator changes or cancels one.
        </p>
      </header>
      <section aria-label="Calendar link" className="rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
        <CalendarFeedPanel
          feed={feed}
          origin={siteOrigin(requestHeaders)}
          createAction={createCalendarFeedAction}
          revokeAction={revokeCalendarFeedAction}
        />
      </section>
      <p className="text-sm text-muted">
        For a single meeting, use &ldquo;Add to calendar&rdquo; on its page instead: that adds a copy which doesn&apos;t change afterwards.
      </p>
    </div>
  );
}
