import { readJson, route } from "@/lib/doors/route";
import { setMeetingMarker } from "@/lib/meetings/live";

type Params = { meetingId: string };

/** A moderator marks the agenda question being discussed now: `{ roomId }`, or `{ roomId: null }` to clear it. */
export const PUT = route<Params>(async ({ request, params, user }) => {
  const body = await readJson(request);
  return Response.json({ marker: await setMeetingMarker({ meetingId: params.meetingId, userId: user.id, body }) });
});
