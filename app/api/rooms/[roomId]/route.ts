import { loadRoomSnapshot } from "@/lib/discussion/replies";
import { withUser } from "@/lib/doors/route";

type Context = { params: Promise<{ roomId: string }> };

/** The room's lock and every reply as it is now: what a live page reloads after a long disconnection. */
export const GET = withUser<Context>(async ({ context, user }) => {
  const { roomId } = await context.params;
  return Response.json(await loadRoomSnapshot({ roomId, userId: user.id }));
});
