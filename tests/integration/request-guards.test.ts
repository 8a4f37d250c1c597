import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DELETE as deleteReplyRoute } from "@/app/api/replies/[replyId]/route";
import { POST as postReplyRoute } from "@/app/api/rooms/[roomId]/replies/route";
import { readJson } from "@/lib/doors/route";
import { AppError } from "@/lib/errors";
import { countRoomReplies, createTestClub, createTestUser } from "./factories";

// The route wrapper's guards (lib/doors/route.ts), on the real route handler: they refuse before
// the session is read, so no request scope is needed here. The same requests with a real
// session cookie run against the production server in tests/e2e/request-guards.spec.ts.

async function room() {
  const member = await createTestUser("Member");
  const club = await createTestClub({ members: [{ userId: member.id, role: "member" }] });
  return club.roomIds[0]!;
}

function post(roomId: string, init: { headers: Record<string, string>; body: BodyInit }) {
  const request = new Request(`http://localhost:3000/api/rooms/${roomId}/replies`, { method: "POST", duplex: "half", ...init } as RequestInit);
  return postReplyRoute(request, { params: Promise.resolve({ roomId }) });
}

const replyJson = () => JSON.stringify({ body: "Sent from another site", parentId: null, idempotencyKey: randomUUID() });

describe("API writes from another site or in another shape", () => {
  it("refuses a cross-origin text/plain POST with 403 and writes nothing", async () => {
    const roomId = await room();
    const response = await post(roomId, { headers: { origin: "https://evil.example", "content-type": "text/plain" }, body: replyJson() });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await countRoomReplies(roomId)).toBe(0);
  });

  it("refuses by Sec-Fetch-Site when there is no Origin, and Origin: null", async () => {
    const roomId = await room();
    const refused: Record<string, string>[] = [{ "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }, { origin: "null" }];
    for (const headers of refused) {
      const response = await post(roomId, { headers: { ...headers, "content-type": "application/json" }, body: replyJson() });
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    expect(await countRoomReplies(roomId)).toBe(0);
  });

  it("refuses a same-origin body that is not JSON with 415 and a sentence", async () => {
    const roomId = await room();
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await post(roomId, { headers: { "sec-fetch-site": "same-origin", "content-type": type }, body: replyJson() });
      expect(response.status, type).toBe(415);
      expect((await response.json()).error.message).toMatch(/JSON/);
    }
    expect(await countRoomReplies(roomId)).toBe(0);
  });

  it("takes a body-less DELETE as the server hands it over (an empty stream, no length, no type) as having no body: not 415", async () => {
    const replyId = randomUUID();
    const empty = new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
    const request = new Request(`http://localhost:3000/api/replies/${replyId}`, { method: "DELETE", body: empty, duplex: "half", headers: { "sec-fetch-site": "same-origin" } } as RequestInit);
    const response = await deleteReplyRoute(request, { params: Promise.resolve({ replyId }) });
    // Past the guards (what the door says next needs a request scope this test has not got).
    expect(response.status).not.toBe(415);
  });

  it("refuses a 10 MiB body with 413 from its Content-Length, before reading it", async () => {
    const roomId = await room();
    const body = JSON.stringify({ body: "x".repeat(10 * 1024 * 1024), parentId: null, idempotencyKey: randomUUID() });
    const response = await post(roomId, {
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) },
      body,
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatchObject({ code: "too_large", message: expect.stringMatching(/64 KB/) });
  });

  it("stops reading a chunked 10 MiB body (no Content-Length) at 64 KB with 413", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(16 * 1024).fill(0x61);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        if (pulled > 10 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const request = new Request("http://localhost:3000/api/x", { method: "POST", body: stream, duplex: "half", headers: { "content-type": "application/json" } } as RequestInit);
    const error = await readJson(request).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(413);
    expect(pulled).toBeLessThan(1024 * 1024);
  });

  it("reads a JSON body up to 64 KB", async () => {
    const value = { body: "y".repeat(60 * 1024) };
    const request = new Request("http://localhost:3000/api/x", { method: "POST", body: JSON.stringify(value), headers: { "content-type": "application/json" } });
    expect(await readJson(request)).toEqual(value);
  });
});
