import { getCurrentUser, type SessionUser } from "@/lib/auth";
import { AppError, toErrorResponse } from "@/lib/errors";

/** Reads a JSON body, or fails with a 400 a person can understand. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("bad_request", "The request body must be valid JSON.");
  }
}

export function errorResponse(error: unknown): Response {
  const { status, body } = toErrorResponse(error);
  return Response.json(body, { status });
}

/**
 * The one wrapper every API route handler goes through: require a signed-in user, run the
 * handler, and turn any failure into a JSON error with the right status.
 */
export function withUser<Context>(
  handler: (input: { request: Request; context: Context; user: SessionUser }) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    try {
      const user = await getCurrentUser();
      if (!user) throw new AppError("unauthorized", "Sign in to continue.");
      return await handler({ request, context, user });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
