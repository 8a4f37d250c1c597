import { unstable_rethrow } from "next/navigation";
import { getCurrentUser, type SessionUser } from "@/lib/auth";
import { AppError } from "@/lib/errors";

/** What a server action hands back to the form that called it. */
export type ActionResult<Data = null> =
  | { ok: true; data: Data }
  | { ok: false; error: string; fields?: Record<string, string> };

/**
 * The one way a server action runs: require a signed-in user, call the domain function (which
 * validates its input and checks permission for the object it touches), and turn a failure
 * into a message for the form. A page's own auth check does not protect its actions; this does.
 */
export async function runAction<Data>(work: (user: SessionUser) => Promise<Data>): Promise<ActionResult<Data>> {
  try {
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: "Your session has ended. Sign in again to continue." };
    return { ok: true, data: await work(user) };
  } catch (error) {
    // redirect() and notFound() work by throwing; they must reach Next untouched.
    unstable_rethrow(error);
    if (error instanceof AppError) return { ok: false, error: error.message, fields: error.fields };
    console.error(error);
    return { ok: false, error: "Something went wrong on our side. Please try again." };
  }
}
