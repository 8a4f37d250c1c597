import { listRoomThreads } from "@/lib/discussion/room-reading";
import { route } from "@/lib/doors/route";

type Params = { roomId: string };

/**
 * `?sort=&cursor=&limit=` (at most 50): `{ replies, threads, next }`, the next threads of the room
 * in that sort with each one's first replies; pass `cursor=next` for the following page.
 */
export const GET = route<Params>(async ({ request, params, user }) => {
  const { roomId } = params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return Response.json(await listRoomThreads({ roomId, userId: user.id, body: query }));
});
