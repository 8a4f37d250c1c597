import { readJson, withUser } from "@/lib/http";
import { setMeetingMarker } from "@/lib/sessions/meeting";

type Context = { params: Promise<{ sessionId: string }> };

/** A moderator marks the agenda question being discussed now: `{ roomId }`, or `{ roomId: null }` to clear it. */
export const PUT = withUser<Context>(async ({ request, context, user }) => {
  const { sessionId } = await context.params;
  const body = await readJson(request);
  return Response.json({ marker: await setMeetingMarker({ sessionId, userId: user.id, body }) });
});
