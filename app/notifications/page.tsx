import type { Metadata } from "next";
import Link from "next/link";
import { markAllReadAction } from "@/app/notifications/actions";
import { MarkAllReadButton } from "@/components/notifications/mark-all-read-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { requireUser } from "@/lib/auth";
import { loadOrNotFound } from "@/lib/doors/page";
import { loadNotificationsPage, NOTIFICATIONS_SHOWN } from "@/lib/reminders/notifications";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const user = await requireUser("/notifications");
  const { notifications, unread, newestAt, hasMore } = await loadOrNotFound(() => loadNotificationsPage({ userId: user.id }));

  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="space-y-1">
          <h1 className="font-serif text-3xl font-semibold">Notifications</h1>
          {/* Announced when "Mark all as read" changes it; the button then moves focus here, as it goes away. */}
          <p id="notifications-status" tabIndex={-1} aria-live="polite" className="text-muted focus:outline-none">
            {notifications.length === 0 ? "" : unread > 0 ? `${unread} unread` : "You're all caught up."}
          </p>
        </div>
        {unread > 0 ? <MarkAllReadButton upTo={newestAt} markAllRead={markAllReadAction} statusId="notifications-status" /> : null}
      </header>

      {notifications.length === 0 ? (
        <section aria-labelledby="empty-heading" className="space-y-2 rounded-lg border border-dashed border-line bg-white/60 p-6 text-center">
          <h2 id="empty-heading" className="font-serif text-xl font-semibold">
            Nothing here yet
          </h2>
          <p className="mx-auto max-w-md text-muted">
            When you say you&apos;re going to a meeting, or might go, a reminder arrives here a day before it and again an hour before.
          </p>
        </section>
      ) : (
        <ul aria-label="Your notifications, newest first" className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white shadow-sm">
          {notifications.map((notification) => (
            <li key={notification.id} className={`relative py-4 pl-8 pr-5 sm:pl-9 ${notification.read ? "" : "bg-accent-soft/50"}`}>
              {notification.read ? null : <span aria-hidden="true" className="absolute left-3.5 top-[1.4rem] h-2 w-2 rounded-full bg-accent sm:left-4" />}
              <div className="grid gap-x-4 gap-y-1 sm:grid-cols-[1fr_auto] sm:items-baseline">
                <p className={notification.read ? "text-ink" : "font-medium text-ink"}>
                  {notification.read ? null : <span className="sr-only">Unread: </span>}
                  {notification.href ? (
                    <Link href={notification.href} className="hover:text-accent hover:underline">
                      {notification.title}
                    </Link>
                  ) : (
                    notification.title
                  )}
                </p>
                {/* Beside the title on a wide screen; on a phone, last, so the title and its details stay together. */}
                <RelativeTime iso={notification.createdAt} className="order-last text-xs text-muted sm:order-none sm:text-sm" />
                {notification.body ? <p className="whitespace-pre-line text-sm leading-relaxed text-muted">{notification.body}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      )}

      {hasMore ? <p className="text-center text-sm text-muted">Showing your latest {NOTIFICATIONS_SHOWN} notifications.</p> : null}
    </div>
  );
}
