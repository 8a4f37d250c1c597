import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { markAllReadAction, markReadAction } from "@/app/notifications/actions";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import { NotificationList } from "@/components/notifications/notification-list";
import { requireUser } from "@/lib/auth";
import { loadOrNotFound } from "@/lib/doors/page";
import { loadNotificationsPage, NOTIFICATIONS_SHOWN } from "@/lib/notifications/doors";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage() {
  const user = await requireUser("/notifications");
  const { notifications, unread, newestAt, hasMore } = await loadOrNotFound(() => loadNotificationsPage({ userId: user.id }));
  const t = await getTranslations("notifications");

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-1">
          <h1 className="font-serif text-3xl font-semibold">{t("heading")}</h1>
          {/* Announced when "Mark all as read" changes it; the button then moves focus here, as it goes away. */}
          <p id="notifications-status" tabIndex={-1} aria-live="polite" className="text-muted focus:outline-none">
            {notifications.length === 0 ? "" : unread > 0 ? t("unread", { count: unread }) : t("caughtUp")}
          </p>
        </div>
        {unread > 0 ? <MarkAllReadButton upTo={newestAt} markAllRead={markAllReadAction} statusId="notifications-status" /> : null}
      </header>

      {notifications.length === 0 ? (
        <section aria-labelledby="empty-heading" className="space-y-2 rounded-lg border border-dashed border-line bg-white/60 p-6 text-center">
          <h2 id="empty-heading" className="font-serif text-xl font-semibold">
            {t("emptyHeading")}
          </h2>
          <p className="mx-auto max-w-md text-muted">{t("emptyBody")}</p>
        </section>
      ) : (
        <NotificationList lines={notifications} markRead={markReadAction} />
      )}

      {hasMore ? <p className="text-center text-sm text-muted">{t("showingLatest", { count: NOTIFICATIONS_SHOWN })}</p> : null}
    </div>
  );
}
