import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Runs a page's data loader; a not-found (which is also what strangers get) renders the 404 page. */
export async function loadOrNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
