import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";
import { closeDb, databaseInfo, migrateDatabase } from "./db/index";
import { seedDemo } from "./db/seed";
import { stampClientAddress } from "./lib/doors/client-address";
import { keepContentTypeSingle } from "./lib/doors/content-type-header";
import { getEnv } from "./lib/env";
import { clusterAdapter } from "./lib/realtime/cluster";
import { attachRealtime } from "./lib/realtime/server";
import { startReminders } from "./lib/reminders/queue";
import { hasMalformedPath, malformedPathMessage } from "./lib/validation/request-path";

// Without a configured secret, a random one is kept in the local data folder so sign-ins
// survive restarts on a newcomer's machine. A deployment sets NEXTAUTH_SECRET.
function ensureAuthSecret(configured: string | undefined): string {
  if (configured) return configured;
  const file = path.resolve(".data/auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  const secret = readFileSync(file, "utf8").trim();
  // A write, not a read: next-auth reads NEXTAUTH_SECRET from process.env itself.
  // eslint-disable-next-line n/no-process-env -- next-auth's own configuration channel.
  process.env.NEXTAUTH_SECRET = secret;
  return secret;
}

async function main() {
  const env = getEnv();
  const dev = env.NODE_ENV !== "production";
  const port = env.PORT;
  const secret = ensureAuthSecret(env.NEXTAUTH_SECRET);
  if (!env.NEXTAUTH_URL) {
    // A write, not a read: next-auth reads NEXTAUTH_URL from process.env itself.
    // eslint-disable-next-line n/no-process-env -- next-auth's own configuration channel.
    process.env.NEXTAUTH_URL = `http://localhost:${port}`;
  }

  // Migrate and seed before Next answers anything; never inside `next build`.
  const started = Date.now();
  await migrateDatabase();
  const { seeded } = env.SEED_DEMO ? await seedDemo() : { seeded: false };
  const { driver, location } = databaseInfo();
  console.log(`> Database ready (${driver}, ${location}) in ${Date.now() - started} ms${seeded ? ", demo seeded" : ""}`);
  const stopReminders = await startReminders();

  const httpServer = createServer();
  const app = next({ dev, hostname: env.HOST, port, httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();

  const cluster = await clusterAdapter();
  const io = attachRealtime(httpServer, { secret, adapter: cluster.adapter });
  httpServer.on("request", (req, res) => {
    // Socket.IO answers its own path (long-polling included): Next must not answer it too (a 308 broke polling).
    if (req.url?.startsWith("/socket.io/")) return;
    // The address limits are keyed by: the client's, never one it wrote itself.
    stampClientAddress(req);
    // Route handlers' JSON is gzipped like pages only with a single Content-Type (lib/doors/content-type-header.ts).
    keepContentTypeSingle(res);
    // One check for every route: Next turns an undecodable path into a 500 (lib/validation/request-path.ts).
    if (hasMalformedPath(req.url)) {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end(malformedPathMessage(req.headers));
      return;
    }
    void handle(req, res);
  });

  httpServer.listen(port, env.HOST, () => {
    console.log(`> Chapterhouse ready on http://localhost:${port} (${dev ? "development" : "production"})`);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`> ${signal}: closing`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    io.close();
    httpServer.close(() => {
      // The queue shares the database (the same PGlite instance), so it stops first.
      void stopReminders()
        .then(() => closeDb())
        .finally(() => process.exit(0));
    });
    httpServer.closeAllConnections();
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
