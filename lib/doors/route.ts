import "server-only";
import { getCurrentUser, type SessionUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { toWireError } from "./outcome";

/** Reads a JSON body, or fails with a 400 a person can understand. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("bad_request", "The request body must be valid JSON.");
  }
}

/**
 * Any failure as a JSON response: `{ error: WireError }` with the error's HTTP status, and a
 * `Retry-After` header (seconds) when it is a rate limit.
 */
export function errorResponse(error: unknown): Response {
  const { status, error: wire } = toWireError(error);
  const headers: Record<string, string> = wire.retryAfter === undefined ? {} : { "Retry-After": String(wire.retryAfter) };
  return Response.json({ error: wire }, { status, headers });
}

type RouteContext = { params: Promise<Record<string, string>> };

/**
 * The wrapper every API route handler goes through: require a signed-in user (401 otherwise),
 * hand the route's params and the user to the handler, which calls a door (lib/doors/door.ts),
 * and turn any failure into the wire error with its status.
 */
export function route<Params extends Record<string, string>>(
  handler: (input: { request: Request; params: Params; user: SessionUser }) => Promise<Response>,
): (request: Request, context: { params: Promise<Params> }) => Promise<Response> {
  return async (request, context: RouteContext | { params: Promise<Params> }) => {
    try {
      const user = await getCurrentUser();
      if (!user) throw new AppError("unauthorized", "Sign in to continue.");
      const params = (await context.params) as Params;
      return await handler({ request, params, user });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
