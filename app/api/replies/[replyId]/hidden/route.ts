import { readJson, route } from "@/lib/doors/route";
import { hideReply, unhideReply } from "@/lib/discussion/moderation";

type Params = { replyId: string };

/** Hides the reply; the body is `{ reason }`, which members will see in its place. */
export const PUT = route<Params>(async ({ request, params, user }) => {
  const { replyId } = params;
  return Response.json({ reply: await hideReply({ replyId, userId: user.id, body: await readJson(request) }) });
});

export const DELETE = route<Params>(async ({ params, user }) => {
  const { replyId } = params;
  return Response.json({ reply: await unhideReply({ replyId, userId: user.id }) });
});
