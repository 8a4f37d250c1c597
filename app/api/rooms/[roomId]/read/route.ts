import { markRoomRead } from "@/lib/discussion/unread";
import { readJson, route } from "@/lib/doors/route";

type Params = { roomId: string };

/** `{ seq }`: every reply up to seq has been on the caller's screen. Answers the position now stored. */
export const PUT = route<Params>(async ({ request, params, user }) => {
  const { roomId } = params;
  return Response.json(await markRoomRead({ roomId, userId: user.id, body: await readJson(request) }));
});
