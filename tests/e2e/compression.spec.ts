import { accounts, expect, openRoom, test } from "./fixtures";

// Issue 11: pages and the API's JSON are gzipped when the browser accepts it (Next's compression;
// JSON needed lib/doors/content-type-header.ts), against the production server.

test("a room's page and its JSON are sent gzipped to a browser that accepts it", async ({ pageAs }) => {
  const page = await pageAs(accounts.emily);
  const roomPath = new URL(await openRoom(page, 1), "http://x").pathname;
  const roomId = roomPath.split("/").pop() ?? "";
  const headers = { "accept-encoding": "gzip" };

  const html = await page.request.get(roomPath, { headers });
  expect(html.status()).toBe(200);
  expect(html.headers()["content-encoding"]).toBe("gzip");

  for (const path of [`/api/rooms/${roomId}`, `/api/rooms/${roomId}/replies?after=0`]) {
    const json = await page.request.get(path, { headers });
    expect(json.status(), path).toBe(200);
    expect(json.headers()["content-type"], path).toBe("application/json");
    expect(json.headers()["content-encoding"], path).toBe("gzip");
    // Playwright undoes the gzip: the body is still the JSON the page reads.
    expect(await json.json(), path).toHaveProperty("replies");
  }
});
