import { listRepliesAfter, postReply } from "@/lib/discussion/replies";
import { readJson, withUser } from "@/lib/doors/route";

type Context = { params: Promise<{ roomId: string }> };

export const GET = withUser<Context>(async ({ request, context, user }) => {
  const { roomId } = await context.params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const replies = await listRepliesAfter({ roomId, userId: user.id, query });
  return Response.json({ replies });
});

export const POST = withUser<Context>(async ({ request, context, user }) => {
  const { roomId } = await context.params;
  const { reply, created } = await postReply({ roomId, userId: user.id, body: await readJson(request) });
  // 201 for a new reply; 200 when a retry found the one already posted.
  return Response.json({ reply }, { status: created ? 201 : 200 });
});
