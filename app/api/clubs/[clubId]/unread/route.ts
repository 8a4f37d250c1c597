import { loadClubUnread } from "@/lib/discussion/unread";
import { route } from "@/lib/doors/route";

type Params = { clubId: string };

/** The caller's unread replies in the club, per room: what a page fetches when told its counts changed. */
export const GET = route<Params>(async ({ params, user }) => {
  const { clubId } = params;
  return Response.json({ unread: await loadClubUnread({ clubId, userId: user.id }) });
});
