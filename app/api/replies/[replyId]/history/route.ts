import { loadReplyHistory } from "@/lib/discussion/replies";
import { withUser } from "@/lib/doors/route";

type Context = { params: Promise<{ replyId: string }> };

export const GET = withUser<Context>(async ({ context, user }) => {
  const { replyId } = await context.params;
  return Response.json(await loadReplyHistory({ replyId, userId: user.id }));
});
