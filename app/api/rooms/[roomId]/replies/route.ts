import { postReply } from "@/lib/discussion/replies";
import { listRepliesAfter } from "@/lib/discussion/room-reading";
import { readJson, route } from "@/lib/doors/route";

type Params = { roomId: string };

/**
 * `?after=<seq>` or `?cursor=<next>`, `&limit=` (at most 500): `{ replies, next }`, a page of the
 * replies posted after that point in posting order; ask again with `cursor=next` until it is null.
 */
export const GET = route<Params>(async ({ request, params, user }) => {
  const { roomId } = params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return Response.json(await listRepliesAfter({ roomId, userId: user.id, body: query }));
});

export const POST = route<Params>(async ({ request, params, user }) => {
  const { roomId } = params;
  const { reply, created } = await postReply({ roomId, userId: user.id, body: await readJson(request) });
  // 201 for a new reply; 200 when a retry found the one already posted.
  return Response.json({ reply }, { status: created ? 201 : 200 });
});
