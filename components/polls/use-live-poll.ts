"use client";

import { useEffect, useRef, useState } from "react";
import type { PollView } from "@/lib/polls/views";
import { connectRealtime } from "@/lib/realtime/client";

/** The live connection's state, for the page to say when results may be behind. */
export type PollConnection = "connecting" | "live" | "reconnecting" | "revoked";

/**
 * A poll as it is now, kept fresh for everyone viewing it: the server says only that the poll
 * changed ("poll:changed", no counts), and the page reads it again through poll:join, which
 * answers with what this reader may see (no results while they are hidden). One read at a time:
 * a change heard during a read asks for one more afterwards, so the last one shown is never
 * older than the last change heard. At the closing instant it reads the poll again too.
 * `replace` takes a view the page got from its own action (a vote, a proposal).
 */
export function useLivePoll(initial: PollView): { poll: PollView; replace: (view: PollView) => void; connection: PollConnection } {
  const [poll, setPoll] = useState(initial);
  const [connection, setConnection] = useState<PollConnection>("connecting");
  const refresh = useRef<() => void>(() => {});
  const { id: pollId, clubId } = initial;

  useEffect(() => {
    const socket = connectRealtime();
    let stopped = false;
    let reading = false;
    let again = false;

    function read() {
      if (stopped) return;
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      socket.emit("poll:join", { clubId, pollId }, (result) => {
        reading = false;
        if (stopped) return;
        if (result.ok) {
          setPoll(result.data);
          setConnection("live");
        }
        if (again) {
          again = false;
          read();
        }
      });
    }
    refresh.current = read;

    socket.on("connect", read);
    socket.on("disconnect", () => {
      if (!stopped) setConnection("reconnecting");
    });
    socket.on("poll:changed", (payload) => {
      if (payload.pollId === pollId) read();
    });
    socket.on("club:access-revoked", (payload) => {
      if (payload.clubId !== clubId) return;
      stopped = true;
      setConnection("revoked");
      socket.disconnect();
    });
    return () => {
      stopped = true;
      socket.disconnect();
    };
  }, [clubId, pollId]);

  // Closing needs no job on the server: the page reads the poll again at the closing instant.
  const closesAt = poll.open && poll.closesAt ? Date.parse(poll.closesAt) : null;
  useEffect(() => {
    if (closesAt === null) return;
    // setTimeout's longest wait is about 24.8 days; a later close is read again when it is nearer.
    const wait = Math.min(Math.max(0, closesAt - Date.now()) + 500, 2 ** 31 - 1);
    const timer = setTimeout(() => refresh.current(), wait);
    return () => clearTimeout(timer);
  }, [closesAt]);

  return { poll, replace: setPoll, connection };
}
