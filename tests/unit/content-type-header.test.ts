import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { keepContentTypeSingle } from "@/lib/doors/content-type-header";

// A real Node response: Next copies a route handler's headers with setHeader(name, [value]),
// which left Content-Type an array that Next's gzip refuses (lib/doors/content-type-header.ts).

let server: Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Answers one request after `respond` set its headers; resolves with what the handler saw and what the client got. */
async function roundTrip(respond: (res: import("node:http").ServerResponse) => void) {
  let seen: unknown;
  server = createServer((_req, res) => {
    respond(res);
    seen = res.getHeader("content-type");
    res.end("{}");
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const received = await new Promise<{ contentType: string | undefined; setCookie: string[] | undefined }>((resolve, reject) => {
    request({ port, host: "127.0.0.1" }, (res) => {
      res.resume();
      resolve({ contentType: res.headers["content-type"], setCookie: res.headers["set-cookie"] });
    })
      .on("error", reject)
      .end();
  });
  return { seen, received };
}

describe("keepContentTypeSingle", () => {
  it("without it, Content-Type set as an array stays one (what Next's gzip refuses)", async () => {
    const { seen } = await roundTrip((res) => res.setHeader("Content-Type", ["application/json"]));
    expect(seen).toEqual(["application/json"]);
  });

  it("keeps Content-Type a single string, the last one of an array", async () => {
    const { seen, received } = await roundTrip((res) => {
      keepContentTypeSingle(res);
      res.setHeader("content-type", ["text/plain", "application/json"]);
    });
    expect(seen).toBe("application/json");
    expect(received.contentType).toBe("application/json");
  });

  it("leaves every other header as given, cookies included", async () => {
    const { received } = await roundTrip((res) => {
      keepContentTypeSingle(res);
      res.setHeader("Set-Cookie", ["a=1", "b=2"]);
    });
    expect(received.setCookie).toEqual(["a=1", "b=2"]);
  });
});
