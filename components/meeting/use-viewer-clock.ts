"use client";

import { useSyncExternalStore } from "react";

// The server cannot know the reader's zone or their "now", so both are read only in the
// browser. useSyncExternalStore renders the server's answer (null) during hydration and the
// browser's straight after, which is what keeps the first render identical on both sides.

const noSubscription = () => () => {};

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The reader's IANA time zone, or null while rendering on the server and hydrating. */
export function useViewerZone(): string | null {
  return useSyncExternalStore(noSubscription, browserZone, () => null);
}

const TICK = 30_000;

function subscribeToClock(onChange: () => void): () => void {
  const timer = setInterval(onChange, TICK);
  return () => clearInterval(timer);
}

// Rounded so the snapshot is stable between ticks (a new value on every read would loop).
function currentTick(): number {
  return Math.floor(Date.now() / TICK) * TICK;
}

/** "Now" to the nearest half minute, refreshed as time passes; null on the server. */
export function useNow(): Date | null {
  const tick = useSyncExternalStore(subscribeToClock, currentTick, () => null);
  return tick === null ? null : new Date(tick);
}
