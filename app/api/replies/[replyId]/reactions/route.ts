import { route, readJson } from "@/lib/doors/route";
import { setReplyReaction } from "@/lib/discussion/reactions";

type Params = { replyId: string };

/** `{ kind, reacted }` → the reply's reactions as they now are. Idempotent: setting what is already so changes nothing. */
export const PUT = route<Params>(async ({ request, params, user }) => {
  return Response.json(await setReplyReaction({ replyId: params.replyId, userId: user.id, body: await readJson(request) }));
});
