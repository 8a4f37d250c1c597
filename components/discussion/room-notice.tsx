"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { LockIcon } from "./icons";
import type { RoomLock } from "./use-room-lock";

type Props = {
  revoked: boolean;
  locked: boolean;
  /** The viewer may still post here (a moderator in a locked room). */
  mayPost: boolean;
  /** Moderators get "Unlock room" on the notice; null for everyone else. */
  lock: RoomLock | null;
};

/**
 * What the room's state means for the viewer: removed from the club, or the room locked.
 * Announced when it arrives live. Not role=status: "Live" is the page's one status.
 */
export function RoomNotice({ revoked, locked, mayPost, lock }: Props) {
  const t = useTranslations("discussion");
  return (
    <>
      <div aria-live="polite" className="empty:hidden">
        {revoked ? (
          <div className="rounded-lg border border-line bg-white p-5 shadow-sm">
            <p className="font-serif text-lg font-semibold">{t("notice.revokedTitle")}</p>
            <p className="mt-1 text-sm text-muted">{t("notice.revokedText")}</p>
            <Link href="/" className="mt-3 inline-block text-sm font-medium text-accent hover:underline">
              {t("notice.goToClubs")}
            </Link>
          </div>
        ) : locked ? (
          <div className="flex items-start gap-3 rounded-lg border border-amber-300/70 bg-amber-50 px-4 py-3.5 text-ink">
            <LockIcon className="mt-0.5 h-5 w-5 shrink-0 text-amber-700" />
            <div className="flex min-w-0 flex-1 flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
              <div className="space-y-0.5">
                <p className="font-medium">{t("notice.lockedTitle")}</p>
                <p className="text-sm leading-relaxed text-muted">
                  {mayPost ? t("notice.lockedModerator") : t("notice.lockedMember")}
                </p>
              </div>
              {lock ? (
                <button
                  type="button"
                  onClick={lock.unlock}
                  disabled={lock.pending}
                  className="self-start whitespace-nowrap rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-ink hover:bg-paper focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-60"
                >
                  {lock.pending ? t("notice.unlocking") : t("notice.unlock")}
                </button>
              ) : null}
            </div>
          </div>
        ) : null}
      </div>
      {lock?.error && !lock.confirming ? (
        <p role="alert" className="text-sm text-danger">
          {lock.error}
        </p>
      ) : null}
    </>
  );
}
