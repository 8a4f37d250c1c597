"use client";

import { useState } from "react";
import { useActionForm } from "@/components/ui/use-action-form";
import type { RoomStateView } from "@/lib/realtime/events";
import { requestJson } from "./request";

/**
 * Locking and unlocking a room (moderators). Locking asks first; unlocking doesn't. The answer
 * is applied at once here, and reaches everyone else through the room's live events.
 */
export function useRoomLock(roomId: string, applyRoomState: (room: RoomStateView) => void) {
  const [confirming, setConfirming] = useState(false);
  const form = useActionForm(
    (locked: boolean) => requestJson<{ room: RoomStateView }>(`/api/rooms/${roomId}/lock`, { method: locked ? "PUT" : "DELETE" }),
    {
      onSuccess: (data) => {
        applyRoomState(data.room);
        setConfirming(false);
      },
    },
  );
  return {
    confirming,
    pending: form.pending,
    error: form.error?.message ?? null,
    ask: () => {
      form.clearError();
      setConfirming(true);
    },
    cancel: () => {
      setConfirming(false);
      form.clearError();
    },
    lock: () => form.submit(true),
    unlock: () => form.submit(false),
  };
}

export type RoomLock = ReturnType<typeof useRoomLock>;
