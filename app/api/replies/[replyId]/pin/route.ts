import { withUser } from "@/lib/doors/route";
import { pinReply, unpinReply } from "@/lib/discussion/moderation";

type Context = { params: Promise<{ replyId: string }> };

export const PUT = withUser<Context>(async ({ context, user }) => {
  const { replyId } = await context.params;
  return Response.json({ reply: await pinReply({ replyId, userId: user.id }) });
});

export const DELETE = withUser<Context>(async ({ context, user }) => {
  const { replyId } = await context.params;
  return Response.json({ reply: await unpinReply({ replyId, userId: user.id }) });
});
