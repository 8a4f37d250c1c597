import { withUser } from "@/lib/doors/route";
import { lockRoom, unlockRoom } from "@/lib/discussion/moderation";

type Context = { params: Promise<{ roomId: string }> };

export const PUT = withUser<Context>(async ({ context, user }) => {
  const { roomId } = await context.params;
  return Response.json({ room: await lockRoom({ roomId, userId: user.id }) });
});

export const DELETE = withUser<Context>(async ({ context, user }) => {
  const { roomId } = await context.params;
  return Response.json({ room: await unlockRoom({ roomId, userId: user.id }) });
});
