import { readJson, withUser } from "@/lib/doors/route";
import { setMeetingMarker } from "@/lib/meetings/live";

type Context = { params: Promise<{ meetingId: string }> };

/** A moderator marks the agenda question being discussed now: `{ roomId }`, or `{ roomId: null }` to clear it. */
export const PUT = withUser<Context>(async ({ request, context, user }) => {
  const { meetingId } = await context.params;
  const body = await readJson(request);
  return Response.json({ marker: await setMeetingMarker({ meetingId, userId: user.id, body }) });
});
