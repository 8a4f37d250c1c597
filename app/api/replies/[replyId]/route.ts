import { deleteReply, editReply, loadReply } from "@/lib/discussion/replies";
import { readJson, route } from "@/lib/doors/route";

type Params = { replyId: string };

/** The reply as members see it; `source` holds its text for moderators (hidden text too) and for its author. */
export const GET = route<Params>(async ({ params, user }) => {
  const { replyId } = params;
  return Response.json(await loadReply({ replyId, userId: user.id }));
});

export const PATCH = route<Params>(async ({ request, params, user }) => {
  const { replyId } = params;
  const reply = await editReply({ replyId, userId: user.id, body: await readJson(request) });
  return Response.json({ reply });
});

export const DELETE = route<Params>(async ({ params, user }) => {
  const { replyId } = params;
  const reply = await deleteReply({ replyId, userId: user.id });
  return Response.json({ reply });
});
