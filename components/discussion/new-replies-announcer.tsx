"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

/** Quiet time after the last arrival before the burst is announced (ms). */
const burstQuietMs = 1_500;
/** A stream that never pauses is still announced this often at most (ms). */
const burstLongestMs = 6_000;
/** How long the words stay in the region; cleared so the next burst, even of the same size, is heard. */
const clearAfterMs = 5_000;

/**
 * The room's one polite announcement of live replies: "3 new replies" once per burst, never a
 * reply's text (the list itself is not a live region, and focus stays where the reader is). It
 * counts the replies from others as they arrive (`arrived`, ids, never the viewer's own) and
 * speaks when they have stopped coming for a moment. Visually hidden: the room's bar shows the
 * same count as a button.
 */
export function NewRepliesAnnouncer({ arrived }: { arrived: readonly string[] }) {
  const t = useTranslations("discussion");
  const [message, setMessage] = useState("");
  const counted = useRef(new Set<string>());
  const pending = useRef(0);
  const quiet = useRef<ReturnType<typeof setTimeout> | null>(null);
  const longest = useRef<ReturnType<typeof setTimeout> | null>(null);
  const clear = useRef<ReturnType<typeof setTimeout> | null>(null);
  const speak = useRef<(count: number) => void>(() => undefined);

  speak.current = (count) => {
    if (clear.current) clearTimeout(clear.current);
    // Emptied first, so a second burst of the same size is a change a screen reader hears.
    setMessage("");
    clear.current = setTimeout(() => {
      setMessage(t("room.newReplies", { count }));
      clear.current = setTimeout(() => setMessage(""), clearAfterMs);
    }, 50);
  };

  useEffect(() => {
    const fresh = arrived.filter((id) => !counted.current.has(id));
    if (fresh.length === 0) return;
    for (const id of fresh) counted.current.add(id);
    pending.current += fresh.length;
    const flush = () => {
      if (quiet.current) clearTimeout(quiet.current);
      if (longest.current) clearTimeout(longest.current);
      quiet.current = null;
      longest.current = null;
      const count = pending.current;
      pending.current = 0;
      if (count > 0) speak.current(count);
    };
    if (quiet.current) clearTimeout(quiet.current);
    quiet.current = setTimeout(flush, burstQuietMs);
    longest.current ??= setTimeout(flush, burstLongestMs);
  }, [arrived]);

  useEffect(
    () => () => {
      for (const timer of [quiet.current, longest.current, clear.current]) if (timer) clearTimeout(timer);
    },
    [],
  );

  return (
    <p role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="new-replies-announcement">
      {message}
    </p>
  );
}
