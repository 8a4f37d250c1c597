import { readJson, withUser } from "@/lib/doors/route";
import { hideReply, unhideReply } from "@/lib/discussion/moderation";

type Context = { params: Promise<{ replyId: string }> };

/** Hides the reply; the body is `{ reason }`, which members will see in its place. */
export const PUT = withUser<Context>(async ({ request, context, user }) => {
  const { replyId } = await context.params;
  return Response.json({ reply: await hideReply({ replyId, userId: user.id, body: await readJson(request) }) });
});

export const DELETE = withUser<Context>(async ({ context, user }) => {
  const { replyId } = await context.params;
  return Response.json({ reply: await unhideReply({ replyId, userId: user.id }) });
});
