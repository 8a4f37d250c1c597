import { listThreadPage } from "@/lib/discussion/room-reading";
import { route } from "@/lib/doors/route";

type Params = { roomId: string; threadId: string };

/**
 * `?cursor=&limit=` (at most 100): `{ replies, thread }`, the next replies inside the thread
 * ("Show 12 more replies"); `?around=<replyId>`: the replies that place one reply in its thread.
 */
export const GET = route<Params>(async ({ request, params, user }) => {
  const { roomId, threadId } = params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return Response.json(await listThreadPage({ roomId, threadId, userId: user.id, body: query }));
});
