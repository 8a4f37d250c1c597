import { route } from "@/lib/doors/route";
import { pinReply, unpinReply } from "@/lib/discussion/moderation";

type Params = { replyId: string };

export const PUT = route<Params>(async ({ params, user }) => {
  const { replyId } = params;
  return Response.json({ reply: await pinReply({ replyId, userId: user.id }) });
});

export const DELETE = route<Params>(async ({ params, user }) => {
  const { replyId } = params;
  return Response.json({ reply: await unpinReply({ replyId, userId: user.id }) });
});
