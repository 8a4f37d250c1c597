"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { connectRealtime, type RealtimeSocket } from "@/lib/realtime/client";
import type { PresentMember } from "@/lib/realtime/events";

/** How often, at most, the page says "still typing" while keys are pressed (ms); the server forgets a mark after 6 s. */
const typingEveryMs = 3_000;

type RoomPresence = {
  /** Everyone with the room open (the viewer too), one entry per member. */
  present: PresentMember[];
  /** Others typing a reply here now. */
  typing: PresentMember[];
  /** Call on every keystroke in a composer: sends "typing" at most every 3 s. */
  onTyping: () => void;
  /** Call when the viewer posted, cleared or left the composer. */
  onStoppedTyping: () => void;
};

/**
 * "Here now" and "Ruth is typing…" for one room, over the page's shared live connection (the
 * room itself is joined by useRoomLive; the server sends the lists to everyone in it on every
 * change, and again on every join, so a reconnect brings them back). Stops, and shows nobody,
 * once the viewer loses access to the club.
 */
export function useRoomPresence({ roomId, clubId, viewerId }: { roomId: string; clubId: string; viewerId: string }): RoomPresence {
  const [present, setPresent] = useState<PresentMember[]>([]);
  const [typing, setTyping] = useState<PresentMember[]>([]);
  const socket = useRef<RealtimeSocket | null>(null);
  const lastSent = useRef<{ typing: boolean; at: number }>({ typing: false, at: 0 });

  useEffect(() => {
    const live = connectRealtime();
    socket.current = live;
    live.on("room:presence", (view) => {
      if (view.roomId !== roomId) return;
      setPresent(view.present);
      setTyping(view.typing.filter((member) => member.id !== viewerId));
    });
    // A new connection has no typing mark on the server: the next keystroke sends one.
    live.on("connect", () => {
      lastSent.current = { typing: false, at: 0 };
    });
    live.on("disconnect", () => setTyping([]));
    live.on("club:access-revoked", (payload) => {
      if (payload.clubId !== clubId) return;
      setPresent([]);
      setTyping([]);
      socket.current = null;
      live.disconnect();
    });
    return () => {
      if (lastSent.current.typing) live.emit("room:typing", { roomId, typing: false });
      socket.current = null;
      live.disconnect();
    };
  }, [roomId, clubId, viewerId]);

  const onTyping = useCallback(() => {
    const live = socket.current;
    if (!live?.connected) return;
    const now = Date.now();
    if (lastSent.current.typing && now - lastSent.current.at < typingEveryMs) return;
    lastSent.current = { typing: true, at: now };
    live.emit("room:typing", { roomId, typing: true });
  }, [roomId]);

  const onStoppedTyping = useCallback(() => {
    if (!lastSent.current.typing) return;
    lastSent.current = { typing: false, at: Date.now() };
    socket.current?.emit("room:typing", { roomId, typing: false });
  }, [roomId]);

  return { present, typing, onTyping, onStoppedTyping };
}
