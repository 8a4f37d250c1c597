import { loadRoomSnapshot } from "@/lib/discussion/room-reading";
import { route } from "@/lib/doors/route";

type Params = { roomId: string };

/**
 * The room's lock and its first screen as it is now (`?sort=oldest|newest|most_reacted`): what
 * the live meeting shows, and what a live page reloads when it fell too far behind to catch up.
 */
export const GET = route<Params>(async ({ request, params, user }) => {
  const { roomId } = params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return Response.json(await loadRoomSnapshot({ roomId, userId: user.id, body: query }));
});
