import { route } from "@/lib/doors/route";
import { revealReplyText } from "@/lib/discussion/replies";

type Params = { replyId: string };

/** A member shows one veiled reply: remembered, and the reply comes back with its text. */
export const POST = route<Params>(async ({ params, user }) => {
  const { replyId } = params;
  return Response.json({ reply: await revealReplyText({ replyId, userId: user.id }) });
});
