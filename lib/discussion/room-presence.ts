import "server-only";
import { z } from "zod";
import { getRoomClubId, getRoomLockState } from "@/db/queries/rooms";
import { loadClubNames } from "@/lib/accounts/name-labels";
import { resolveRoom, type RoomAccess } from "@/lib/access";
import { door } from "@/lib/doors/door";
import { done } from "@/lib/doors/live";
import { AppError } from "@/lib/errors";
import { canPostInRoom } from "@/lib/permissions";
import type { PresentMember } from "@/lib/realtime/events";
import { roomParams } from "@/lib/validation/replies";
import { errorKey, errorText } from "@/lib/i18n/error-text";

// The rules behind "Here now" and "Ruth is typing…" in a room; the state itself (which
// connections are where, who typed when) lives in lib/realtime/presence.ts.

const typingInput = z.object({ typing: z.boolean({ error: errorKey("room.typing") }) });

/**
 * Whether the user may be shown as typing in a room, checked on every typing event: a member of
 * its club (strangers and former members: not found), and, to start typing, one who may post
 * there (a locked room: 423 for members). Stopping is always allowed. Answers the room and the
 * typing flag; it writes nothing.
 */
export const checkTyping = door({
  params: roomParams,
  what: "room",
  resolve: ({ params, userId }) => resolveRoom({ roomId: params.roomId, userId }),
  body: typingInput,
  act: async ({ params, body, target }) => {
    if (body.typing) {
      const room = await getRoomLockState({ roomId: params.roomId });
      if (!room || !canPostInRoom(target.role, room)) throw new AppError("locked", errorText("room.lockedNoTyping"));
    }
    return done<RoomAccess & { typing: boolean }>({ ...target, typing: body.typing });
  },
});

/**
 * The people behind a room's connections, named as the club shows them (lib/accounts/name-labels.ts),
 * in name order; anyone who is no longer a member of the room's club is left out, so a
 * removed member never shows as here or typing even before their sockets have gone.
 * In: user ids, repeats allowed (two tabs). Out: one entry per current member.
 */
export async function namePresentMembers(input: { roomId: string; userIds: readonly string[] }): Promise<PresentMember[]> {
  const unique = [...new Set(input.userIds)];
  if (unique.length === 0) return [];
  const clubId = await getRoomClubId({ roomId: input.roomId });
  if (!clubId) return [];
  const names = await loadClubNames(clubId);
  return unique
    .flatMap((id) => {
      const name = names.get(id);
      return name === undefined ? [] : [{ id, name }];
    })
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
}
