import { route } from "@/lib/doors/route";
import { lockRoom, unlockRoom } from "@/lib/discussion/moderation";

type Params = { roomId: string };

export const PUT = route<Params>(async ({ params, user }) => {
  const { roomId } = params;
  return Response.json({ room: await lockRoom({ roomId, userId: user.id }) });
});

export const DELETE = route<Params>(async ({ params, user }) => {
  const { roomId } = params;
  return Response.json({ room: await unlockRoom({ roomId, userId: user.id }) });
});
