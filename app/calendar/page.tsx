import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { CalendarFeedPanel } from "@/components/meeting/calendar-feed-panel";
import { requireUser } from "@/lib/auth";
import { loadCalendarFeed, siteOrigin } from "@/lib/meetings/feeds";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meeting.calendar");
  return { title: t("title") };
}

export default async function CalendarPage() {
  const user = await requireUser("/calendar");
  const t = await getTranslations("meeting.calendar");
  const [feed, requestHeaders] = await Promise.all([loadCalendarFeed({ userId: user.id }), headers()]);

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold sm:text-4xl">{t("heading")}</h1>
        <p className="leading-relaxed text-muted">
          {t("intro")}
        </p>
      </header>
      <section aria-label={t("sectionLabel")} className="rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
        <CalendarFeedPanel
          feed={feed}
          origin={siteOrigin(requestHeaders)}
          createAction={createCalendarFeedAction}
          revokeAction={revokeCalendarFeedAction}
        />
      </section>
      <p className="text-sm text-muted">
        {t("singleMeeting")}
      </p>
    </div>
  );
}
