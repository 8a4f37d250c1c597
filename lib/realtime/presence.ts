import "server-only";
import { listPresentMembers } from "@/lib/meetings/live";
import { meetingChannel, meetingIdOfChannel, type PresentMember } from "./events";
import type { RealtimeServer } from "./publish";

export type Presence = {
  /** Works out who is at the meeting now and sends it to everyone there; resolves with the list sent. */
  refresh(meetingId: string): Promise<PresentMember[]>;
};

/**
 * Keeps each meeting's "here now" list current. The list is worked out from the sockets in the
 * meeting's channel (so two tabs count once, and a member stays until their last tab goes) and
 * sent to everyone there. One computation runs at a time per meeting and changes that arrive
 * meanwhile share the next one, so an older list never lands after a newer one.
 */
export function trackPresence(io: RealtimeServer): Presence {
  type Queue = { next: Promise<PresentMember[]> | null; tail: Promise<unknown> };
  const queues = new Map<string, Queue>();

  async function broadcast(meetingId: string): Promise<PresentMember[]> {
    const channel = meetingChannel(meetingId);
    const sockets = await io.in(channel).fetchSockets();
    const present = await listPresentMembers({ meetingId, userIds: sockets.map((socket) => socket.data.userId) });
    io.to(channel).emit("meeting:presence", { meetingId, present });
    return present;
  }

  function refresh(meetingId: string): Promise<PresentMember[]> {
    const queue = queues.get(meetingId) ?? { next: null, tail: Promise.resolve() };
    queues.set(meetingId, queue);
    if (queue.next) return queue.next;
    const run = queue.tail.then(() => {
      queue.next = null;
      return broadcast(meetingId);
    });
    queue.next = run;
    const tail = run.catch((error: unknown) => console.error(error));
    queue.tail = tail;
    void tail.then(() => {
      if (queue.tail === tail) queues.delete(meetingId);
    });
    return run;
  }

  // Every way out of a channel (meeting:leave, a closed tab, a removal from the club) passes
  // through the adapter; joins are announced by meeting:join once the membership check passed.
  io.of("/").adapter.on("leave-room", (channel: string) => {
    const meetingId = meetingIdOfChannel(channel);
    if (meetingId) refresh(meetingId).catch(() => undefined);
  });

  return { refresh };
}
