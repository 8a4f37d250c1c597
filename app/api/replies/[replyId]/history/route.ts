import { loadReplyHistory } from "@/lib/discussion";
import { withUser } from "@/lib/http";

type Context = { params: Promise<{ replyId: string }> };

export const GET = withUser<Context>(async ({ context, user }) => {
  const { replyId } = await context.params;
  return Response.json(await loadReplyHistory({ replyId, userId: user.id }));
});
