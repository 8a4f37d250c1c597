import "server-only";
import { onSocketEvent, type ServerSocket } from "@/lib/doors/socket";
import { notFound } from "@/lib/errors";
import { loadPollForLive } from "@/lib/polls/polls";
import { pollChannel } from "../events";

// A poll's live channel: pages showing a poll hear "poll:changed" (no count, only the id) and
// read the poll again with poll:join, which re-checks membership every time and leaves results
// out while they are hidden. So a tally reaches a socket only through the door that decides
// whether its reader may see it.

/** True while the user may follow the poll (the channel named `poll:<id>`); false once they may not. */
export async function mayFollowPoll(input: { pollId: string; clubId: string | undefined; userId: string }): Promise<boolean> {
  if (!input.clubId) return false;
  return loadPollForLive({ clubId: input.clubId, pollId: input.pollId, userId: input.userId }).then(
    () => true,
    () => false,
  );
}

export function registerPollHandlers(socket: ServerSocket): void {
  /** `{ clubId, pollId }` → the poll as this member may see it now. A refusal leaves the channel. */
  onSocketEvent(
    socket,
    "poll:join",
    async ({ payload, userId }) => {
      const { pollId, clubId } = payload;
      if (typeof pollId !== "string" || typeof clubId !== "string") throw notFound("poll");
      // Checked before joining: a stranger never enters the channel.
      await loadPollForLive({ clubId, pollId, userId });
      await socket.join(pollChannel(pollId));
      socket.data.pollClubs = { ...socket.data.pollClubs, [pollId]: clubId };
      // Read after joining, so no change can fall between this answer and the next "poll:changed";
      // and a removal that committed before the join is seen here.
      return loadPollForLive({ clubId, pollId, userId });
    },
    {
      onFailure: async ({ payload }) => {
        if (typeof payload.pollId === "string") await socket.leave(pollChannel(payload.pollId));
      },
    },
  );

  /** `{ clubId, pollId }` → null. Leaving always happens; the answer is not-found for a poll the user cannot see. */
  onSocketEvent(socket, "poll:leave", async ({ payload, userId }) => {
    const { pollId, clubId } = payload;
    if (typeof pollId !== "string") throw notFound("poll");
    // Leaving only stops delivery: it needs no permission, so it happens first.
    await socket.leave(pollChannel(pollId));
    await loadPollForLive({ clubId, pollId, userId });
    return null;
  });
}
