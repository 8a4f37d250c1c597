"use client";

import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LockIcon } from "./icons";
import type { RoomLock } from "./use-room-lock";

/** "Lock room" in the room's toolbar, and the question it asks first. */
export function LockRoomControl({ lock, showButton }: { lock: RoomLock; showButton: boolean }) {
  const t = useTranslations("discussion");
  return (
    <>
      {showButton ? (
        <button
          type="button"
          onClick={lock.ask}
          className="flex items-center gap-1.5 text-muted hover:text-ink hover:underline focus-visible:outline-2 focus-visible:outline-accent"
        >
          <LockIcon className="h-3.5 w-3.5" />
          {t("notice.lock")}
        </button>
      ) : null}
      <ConfirmDialog
        open={lock.confirming}
        title={t("notice.lockTitle")}
        description={t("notice.lockText")}
        confirmLabel={t("notice.lock")}
        pendingLabel={t("notice.locking")}
        cancelLabel={t("reply.cancel")}
        tone="primary"
        pending={lock.pending}
        error={lock.confirming ? lock.error : null}
        onCancel={lock.cancel}
        onConfirm={lock.lock}
      />
    </>
  );
}
