import "server-only";
import { resolveRoom, type RoomAccess } from "@/lib/access";
import { listRepliesAfter } from "@/lib/discussion/room-reading";
import { checkTyping } from "@/lib/discussion/room-presence";
import { roomParams } from "@/lib/validation/replies";
import { door } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { onSocketEvent, type ServerSocket } from "@/lib/doors/socket";
import { notFound } from "@/lib/errors";
import { roomChannel } from "../events";
import type { RoomPresence } from "../presence";

// A room's live channel: joining it (with the replies missed since `afterSeq`) and leaving it.
// The channel is only a delivery list, so every event checks membership of the room it names
// (docs/decisions/0005-sockets-are-not-an-authorization-boundary.md).

const what = "room";

/** Whether the user may hear a room: the room resolved for them, nothing more. */
const hearRoom = door({
  params: roomParams,
  what,
  resolve: ({ params, userId }) => resolveRoom({ roomId: params.roomId, userId }),
  act: async ({ target }) => done<RoomAccess>(target),
});

/** True while the user may hear the room; false once they may not (or the check itself failed). */
export async function mayHearRoom(input: { roomId: string; userId: string }): Promise<boolean> {
  return hearRoom(input).then(
    () => true,
    () => false,
  );
}

export function registerRoomHandlers(socket: ServerSocket, presence: RoomPresence): void {
  /**
   * `{ roomId, afterSeq }` → `{ replies, next }`: the first page of replies after `afterSeq` (a
   * hard limit: lib/validation/replies.ts) with the cursor of the rest (null: caught up), and
   * the room's live events from then on. The page is read before joining the channel: a reply
   * committed in between comes both ways and the client merges it once. A refusal also comes as `room:error`, and leaves the channel.
   */
  onSocketEvent(
    socket,
    "room:join",
    async ({ payload, userId }) => {
      const roomId = payload.roomId;
      // The door refuses any malformed id; a string is needed first to name the channel.
      if (typeof roomId !== "string") throw notFound(what);
      const { replies, next } = await listRepliesAfter({ roomId, userId, body: { after: payload.afterSeq } });
      await socket.join(roomChannel(roomId));
      // A removal that committed between the check above and the join sent its revoke before
      // this socket was in the room: check again now that it is.
      await hearRoom({ roomId, userId });
      // Everyone in the room (this page too) hears who is here now, this member included.
      presence.refresh(roomId).catch(() => undefined);
      return { replies, next };
    },
    {
      onFailure: async ({ payload, error }) => {
        // Not even a string: there is no channel to leave and no room to name.
        if (typeof payload.roomId !== "string") return;
        // A recovered connection comes back already in the channels it had: a refused join leaves it.
        await socket.leave(roomChannel(payload.roomId));
        socket.emit("room:error", { roomId: payload.roomId, error });
      },
    },
  );

  /**
   * `{ roomId, typing }` → null. Membership is checked on every event (a member who left the
   * club is not found); a page that has not joined the room is answered but not shown typing.
   */
  onSocketEvent(socket, "room:typing", async ({ payload, userId }) => {
    const room = await checkTyping({ roomId: payload.roomId, userId, body: { typing: payload.typing } });
    const typing = room.typing && socket.rooms.has(roomChannel(room.roomId));
    presence.setTyping({ roomId: room.roomId, socketId: socket.id, userId, typing });
    return null;
  });

  /** `{ roomId }` → null. Leaving always happens; the answer is not-found for a room the user cannot see. */
  onSocketEvent(socket, "room:leave", async ({ payload, userId }) => {
    const roomId = payload.roomId;
    if (typeof roomId !== "string") throw notFound(what);
    // Leaving only stops delivery, so it needs no permission: a removed member's page may still leave.
    await socket.leave(roomChannel(roomId));
    await hearRoom({ roomId, userId });
    return null;
  });
}
