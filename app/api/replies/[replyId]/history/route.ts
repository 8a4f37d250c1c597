import { loadReplyHistory } from "@/lib/discussion/replies";
import { route } from "@/lib/doors/route";

type Params = { replyId: string };

export const GET = route<Params>(async ({ params, user }) => {
  const { replyId } = params;
  return Response.json(await loadReplyHistory({ replyId, userId: user.id }));
});
