import { randomUUID } from "node:crypto";
import type { WebSocketRoute } from "@playwright/test";
import { accounts, expect, liveStatus, offlineCapableURL, openRoom, test, unique } from "./fixtures";

test("a page that lost its live connection shows a reply posted meanwhile, once, when it reconnects", async ({ baseURL, pageAs }) => {
  // Kathy's context goes offline, so it uses 127.0.0.1: see offlineCapableURL.
  const kathy = await pageAs(accounts.kathy, { baseURL: offlineCapableURL(baseURL) });
  const tommy = await pageAs(accounts.tommy);
  const roomPath = new URL(await openRoom(kathy, 3)).pathname;
  await tommy.goto(roomPath);
  await expect(liveStatus(kathy)).toHaveText("Live");
  await expect(liveStatus(tommy)).toHaveText("Live");
  await kathy.evaluate(() => ((window as { e2eMark?: boolean }).e2eMark = true));

  await kathy.context().setOffline(true);
  // The browser's offline event, not only the socket, says so.
  await expect(liveStatus(kathy)).toContainText("Offline");

  const text = unique("Posted while Kathy was offline");
  await tommy.getByRole("textbox", { name: "Your answer" }).fill(text);
  await tommy.getByRole("button", { name: "Post reply" }).click();
  await expect(tommy.getByText(text)).toHaveCount(1);
  await expect(liveStatus(kathy)).toContainText("Offline");
  await expect(kathy.getByText(text)).toHaveCount(0);

  await kathy.context().setOffline(false);
  // Back online, it reconnects at once rather than after Socket.IO's back-off (lib/realtime/client.ts).
  await expect(liveStatus(kathy)).toHaveText("Live", { timeout: 5_000 });
  await expect(kathy.getByText(text)).toHaveCount(1);
  expect(await kathy.evaluate(() => (window as { e2eMark?: boolean }).e2eMark)).toBe(true);
});

test.describe("a page whose live connection is down while it posts", () => {
  // Fails today against Postgres (E2E_DATABASE_URL set, so the Postgres adapter, production's
  // default): the page's own POST answer moves its last seq (use-room-live.ts addReplies →
  // lastSeq) past the reply Tommy posted meanwhile; the reconnect is never recovered through that
  // adapter (docs/decisions/0021), and room:join asks only for what came after the page's own
  // reply; the first-screen reload shows only each thread's first replies. On PGlite (in-memory
  // adapter) the recovered connection replays the missed event, so the test passes there.
  test("still shows, after it reconnects, a reply posted meanwhile by another member", async ({ pageAs }) => {
    const kathy = await pageAs(accounts.kathy);
    const tommy = await pageAs(accounts.tommy);
    // Kathy's live connection only (HTTP stays up): cut at will, and refused while cut.
    let cut = false;
    const open: WebSocketRoute[] = [];
    await kathy.routeWebSocket(/\/socket\.io\//, (ws) => {
      if (cut) return void ws.close();
      ws.connectToServer();
      open.push(ws);
    });
    await kathy.route(/\/socket\.io\/.*transport=polling/, (route) => (cut ? route.abort() : route.continue()));
    const roomUrl = await openRoom(kathy, 3);
    const roomId = new URL(roomUrl).pathname.split("/").pop() ?? "";
    await expect(liveStatus(kathy)).toHaveText("Live");

    const post = async (body: string, parentId: string | null) => {
      const response = await tommy.request.post(`/api/rooms/${roomId}/replies`, {
        headers: { "content-type": "application/json" },
        data: JSON.stringify({ body, parentId, idempotencyKey: randomUUID(), spoilerLevel: 0 }),
      });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { reply: { id: string } }).reply.id;
    };
    // A thread Kathy watches arrive live, two answers deep: the first screen's reload shows no more of it.
    const root = await post(unique("Gap thread"), null);
    const first = await post(unique("Gap answer 1"), root);
    const secondText = unique("Gap answer 2");
    const second = await post(secondText, first);
    await expect(kathy.getByText(secondText)).toHaveCount(1);

    cut = true;
    for (const ws of open.splice(0)) await ws.close();
    await expect(liveStatus(kathy)).not.toHaveText("Live");

    const missedText = unique("Posted while Kathy's live connection was down");
    await post(missedText, second);
    const ownText = unique("Kathy posts before her live connection is back");
    await kathy.getByRole("textbox", { name: "Your answer" }).fill(ownText);
    await kathy.getByRole("button", { name: "Post reply" }).click();
    await expect(kathy.getByText(ownText)).toHaveCount(1);

    cut = false;
    await expect(liveStatus(kathy)).toHaveText("Live", { timeout: 15_000 });
    await expect(kathy.getByText(missedText)).toHaveCount(1);
  });
});
