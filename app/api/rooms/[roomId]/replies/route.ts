import { postReply } from "@/lib/discussion/replies";
import { listRepliesAfter } from "@/lib/discussion/room-reading";
import { readJson, route } from "@/lib/doors/route";

type Params = { roomId: string };

export const GET = route<Params>(async ({ request, params, user }) => {
  const { roomId } = params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const replies = await listRepliesAfter({ roomId, userId: user.id, body: query });
  return Response.json({ replies });
});

export const POST = route<Params>(async ({ request, params, user }) => {
  const { roomId } = params;
  const { reply, created } = await postReply({ roomId, userId: user.id, body: await readJson(request) });
  // 201 for a new reply; 200 when a retry found the one already posted.
  return Response.json({ reply }, { status: created ? 201 : 200 });
});
