import { publicRoute } from "@/lib/doors/route";
import { databaseIsHealthy } from "@/lib/health";

export const dynamic = "force-dynamic";

/** 200 `{ ok: true }` when the app can reach its database, 503 otherwise. Public: it says nothing about anyone. */
export const GET = publicRoute(async () =>
  (await databaseIsHealthy()) ? Response.json({ ok: true }) : Response.json({ ok: false }, { status: 503 }),
);
