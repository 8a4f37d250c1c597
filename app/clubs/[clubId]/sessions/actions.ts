"use server";

import { revalidatePath } from "next/cache";
import type { SessionFormValues } from "@/components/session/session-form";
import type { RsvpStatus } from "@/db/schema/sessions";
import { runAction, type ActionResult } from "@/lib/action";
import { cancelSession, editSession, scheduleSession, sessionHref, setRsvp, type RsvpSummary } from "@/lib/sessions/service";

function refreshClub(clubId: string) {
  // The club page, the Meetings list and every meeting page show what changed.
  revalidatePath(`/clubs/${clubId}`, "layout");
  revalidatePath("/");
}

export async function scheduleSessionAction(clubId: string, values: SessionFormValues): Promise<ActionResult<{ href: string }>> {
  const result = await runAction((user) => scheduleSession({ clubId, userId: user.id, values }));
  if (!result.ok) return result;
  const { clubId: id, sessionIds } = result.data;
  refreshClub(id);
  const [first] = sessionIds;
  return { ok: true, data: { href: first ? sessionHref(id, first) : `/clubs/${id}/sessions` } };
}

export async function editSessionAction(clubId: string, sessionId: string, values: SessionFormValues): Promise<ActionResult<{ href: string }>> {
  const result = await runAction((user) => editSession({ clubId, sessionId, userId: user.id, values }));
  if (!result.ok) return result;
  refreshClub(result.data.clubId);
  return { ok: true, data: { href: sessionHref(result.data.clubId, result.data.sessionId) } };
}

export async function cancelSessionAction(clubId: string, sessionId: string): Promise<ActionResult<{ sessionId: string }>> {
  const result = await runAction((user) => cancelSession({ clubId, sessionId, userId: user.id }));
  if (!result.ok) return result;
  refreshClub(result.data.clubId);
  return { ok: true, data: { sessionId: result.data.sessionId } };
}

export async function setRsvpAction(
  clubId: string,
  sessionId: string,
  status: RsvpStatus,
): Promise<ActionResult<{ status: RsvpStatus; summary: RsvpSummary }>> {
  const result = await runAction((user) => setRsvp({ clubId, sessionId, userId: user.id, status }));
  if (result.ok) refreshClub(clubId);
  return result;
}
