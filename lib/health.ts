import "server-only";
import { pingDatabase } from "@/db/queries/health";

/** Whether the database answers a trivial query now: true, or false on any failure (never throws). */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await pingDatabase();
    return true;
  } catch {
    return false;
  }
}
