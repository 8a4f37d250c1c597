import { afterEach, describe, expect, it } from "vitest";
import { createTestClub, createTestUser } from "./factories";
import { joinRoom, useRealtimeServer, type ClientSocket } from "./realtime-harness";

// The live connection's handshake: only the app's own pages (and ALLOWED_ORIGINS) may open one
// with a member's cookie; a message over 64 KiB closes that one connection and nothing else.
// lib/realtime/server.ts, lib/doors/origin.ts.

const server = useRealtimeServer();

function outcome(socket: ClientSocket): Promise<"connected" | string> {
  return new Promise((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (error) => resolve(error.message));
  });
}

async function memberAndRoom() {
  const member = await createTestUser("Member");
  const club = await createTestClub({ members: [{ userId: member.id, role: "member" }] });
  return { member, roomId: club.roomIds[0]! };
}

afterEach(() => {
  delete process.env.ALLOWED_ORIGINS;
});

describe("the live connection's origin", () => {
  it("refuses a handshake from another site even with a valid cookie, so it never joins a room", async () => {
    const { member } = await memberAndRoom();
    const socket = server.connect(await server.sessionCookie(member), { headers: { origin: "https://evil.example" } });
    expect(await outcome(socket)).not.toBe("connected");
    expect(socket.connected).toBe(false);
  });

  it("refuses Origin: null (a sandboxed frame) and an origin that only starts like the app's", async () => {
    const { member } = await memberAndRoom();
    const cookie = await server.sessionCookie(member);
    const lookalike = `${server.baseUrl()}.evil.example`;
    for (const origin of ["null", lookalike, "not a url"]) {
      expect(await outcome(server.connect(cookie, { headers: { origin } })), origin).not.toBe("connected");
    }
  });

  it("accepts the app's own origin and joins the room", async () => {
    const { member, roomId } = await memberAndRoom();
    const socket = server.connect(await server.sessionCookie(member), { headers: { origin: server.baseUrl() } });
    expect(await outcome(socket)).toBe("connected");
    expect(await joinRoom(socket, roomId)).toMatchObject({ ok: true });
  });

  it("accepts an origin listed in ALLOWED_ORIGINS", async () => {
    const { member } = await memberAndRoom();
    process.env.ALLOWED_ORIGINS = "https://club.example.org, https://www.club.example.org";
    const socket = server.connect(await server.sessionCookie(member), { headers: { origin: "https://www.club.example.org" } });
    expect(await outcome(socket)).toBe("connected");
  });

  it("accepts a handshake with no Origin at all (a program, not a page: no forgery to fear)", async () => {
    const { member } = await memberAndRoom();
    expect(await outcome(server.connect(await server.sessionCookie(member)))).toBe("connected");
  });
});

describe("the live connection's message size", () => {
  it("closes a connection that sends a 100 KB event, and the server keeps serving others", async () => {
    const { member, roomId } = await memberAndRoom();
    const greedy = await server.connectAs(member);
    const closed = new Promise<string>((resolve) => greedy.once("disconnect", resolve));
    greedy.emit("room:join", { roomId: "x".repeat(100 * 1024), afterSeq: 0 }, () => {});
    expect(await closed).toBe("transport close");

    const other = await server.connectAs(member);
    expect(await joinRoom(other, roomId)).toMatchObject({ ok: true });
  });
});
