import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { createClubAction } from "@/app/clubs/new/actions";
import { POST as postReplyRoute } from "@/app/api/rooms/[roomId]/replies/route";
import { getDb } from "@/db/index";
import { users } from "@/db/schema/users";
import type { WireError } from "@/lib/doors/outcome";
import { createTestClub, createTestUser } from "./factories";
import { joinRoom, useRealtimeServer } from "./realtime-harness";
import { withCookie } from "./request-scope";

// An error reaches a person in their language, whichever door answers: a route handler in the
// request's (Accept-Language here), a server action in the member's profile choice, a socket
// acknowledgement in the one its handshake settled. With none of them said: English, which every
// other test reads.

vi.mock("next/headers", () => import("./request-scope"));

const realtime = useRealtimeServer();

async function memberWithRoom(name: string) {
  const user = await createTestUser(name);
  const { roomIds } = await createTestClub({ members: [{ userId: user.id, role: "member" }] });
  const roomId = roomIds[0];
  if (!roomId) throw new Error("no room");
  return { user, roomId, cookie: await realtime.sessionCookie(user) };
}

/** POSTs a reply with `body` through the real route handler, as a page in a browser asking for `language`. */
async function postReply(input: { cookie: string; roomId: string; body: string; language?: string }): Promise<{ status: number; error: WireError }> {
  const headers = new Headers({ cookie: input.cookie, "content-type": "application/json", "sec-fetch-site": "same-origin" });
  if (input.language) headers.set("accept-language", input.language);
  const request = new Request(`http://localhost/api/rooms/${input.roomId}/replies`, {
    method: "POST",
    headers,
    body: JSON.stringify({ body: input.body, parentId: null, idempotencyKey: randomUUID() }),
  });
  const { result } = await withCookie(input.cookie, () => postReplyRoute(request, { params: Promise.resolve({ roomId: input.roomId }) }), headers);
  return { status: result.status, error: ((await result.json()) as { error: WireError }).error };
}

describe("the language of an error", () => {
  it("answers a route handler's 400 in Spanish for Accept-Language es, its field too, with the zod bound in Spanish digits", async () => {
    const { roomId, cookie } = await memberWithRoom("Idioma");
    const spanish = await postReply({ cookie, roomId, body: "a".repeat(10_001), language: "es-ES,es;q=0.9,en;q=0.5" });
    expect(spanish.status).toBe(400);
    expect(spanish.error).toEqual({
      code: "bad_request",
      message: "Una respuesta puede tener como máximo 10.000 caracteres.",
      fields: { body: "Una respuesta puede tener como máximo 10.000 caracteres." },
    });
    const english = await postReply({ cookie, roomId, body: "a".repeat(10_001) });
    expect(english.error.message).toBe("A reply can be at most 10,000 characters.");
  });

  it("names the field a text rule refuses in the reader's language", async () => {
    const { roomId, cookie } = await memberWithRoom("Campo");
    const { error } = await postReply({ cookie, roomId, body: "a\u0000b", language: "es" });
    expect(error.fields).toEqual({ body: "Hay un carácter de control en la respuesta que no se puede guardar. Quítalo e inténtalo de nuevo." });
  });

  it("answers a server action in the member's profile language, whatever the browser asks for", async () => {
    const user = await createTestUser("Perfil");
    await getDb().update(users).set({ locale: "es" }).where(eq(users.id, user.id));
    const cookie = await realtime.sessionCookie(user);
    const { result } = await withCookie(cookie, () => createClubAction({ name: "  ", description: "" }), new Headers({ "accept-language": "en-US" }));
    expect(result).toEqual({
      ok: false,
      error: { code: "bad_request", message: "Ponle un nombre al club.", fields: { name: "Ponle un nombre al club." } },
    });
  });

  it("answers a socket acknowledgement in the language of the handshake's Accept-Language", async () => {
    const stranger = await createTestUser("Extraño");
    const { roomId } = await memberWithRoom("Sala");
    const socket = realtime.connect(await realtime.sessionCookie(stranger), { headers: { "accept-language": "es" } });
    expect(await joinRoom(socket, roomId)).toEqual({ ok: false, error: { code: "not_found", message: "No hemos encontrado esta sala." } });
    const english = realtime.connect(await realtime.sessionCookie(stranger));
    expect(await joinRoom(english, roomId)).toEqual({ ok: false, error: { code: "not_found", message: "This room could not be found." } });
  });
});
