import { databaseIsHealthy } from "@/lib/health";

export const dynamic = "force-dynamic";

/** 200 `{ ok: true }` when the app can reach its database, 503 otherwise. Public: it says nothing about anyone. */
export async function GET() {
  return (await databaseIsHealthy()) ? Response.json({ ok: true }) : Response.json({ ok: false }, { status: 503 });
}
