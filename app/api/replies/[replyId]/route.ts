import { deleteReply, editReply, loadReply } from "@/lib/discussion/replies";
import { readJson, withUser } from "@/lib/doors/route";

type Context = { params: Promise<{ replyId: string }> };

/** The reply as members see it; `source` holds its text for moderators (hidden text too) and for its author. */
export const GET = withUser<Context>(async ({ context, user }) => {
  const { replyId } = await context.params;
  return Response.json(await loadReply({ replyId, userId: user.id }));
});

export const PATCH = withUser<Context>(async ({ request, context, user }) => {
  const { replyId } = await context.params;
  const reply = await editReply({ replyId, userId: user.id, body: await readJson(request) });
  return Response.json({ reply });
});

export const DELETE = withUser<Context>(async ({ context, user }) => {
  const { replyId } = await context.params;
  const reply = await deleteReply({ replyId, userId: user.id });
  return Response.json({ reply });
});
