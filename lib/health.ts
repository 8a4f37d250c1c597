import "server-only";
import { pingDatabase } from "@/db/queries/health";

/** Whether the database answers a trivial query: what `GET /api/health` reports (load balancers and the test server wait on it). */
export async function databaseIsHealthy(): Promise<boolean> {
  return pingDatabase().then(
    () => true,
    () => false,
  );
}
