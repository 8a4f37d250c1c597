import { loadRoomSnapshot } from "@/lib/discussion/room-reading";
import { route } from "@/lib/doors/route";

type Params = { roomId: string };

/** The room's lock and every reply as it is now: what a live page reloads after a long disconnection. */
export const GET = route<Params>(async ({ params, user }) => {
  const { roomId } = params;
  return Response.json(await loadRoomSnapshot({ roomId, userId: user.id }));
});
