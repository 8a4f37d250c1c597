import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getCurrentUser, type SessionUser } from "@/lib/auth";
import type { Outcome } from "./outcome";
import { failure } from "./wire-error";
import { AppError } from "@/lib/errors";
import { errorText } from "@/lib/i18n/error-text";
import { defaultLocale } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request";

/**
 * The wrapper every server action goes through: require a signed-in user, run the work (which
 * calls a door: parse, authorize for the object, act, events after commit), and answer with an
 * Outcome carrying the same wire error as the API. A page's own auth check does not protect
 * its actions; this does.
 */
export async function runAction<Data>(work: (user: SessionUser) => Promise<Data>): Promise<Outcome<Data>> {
  try {
    const user = await getCurrentUser();
    if (!user) throw new AppError("unauthorized", errorText("session.ended"));
    return { ok: true, data: await work(user) };
  } catch (error) {
    // redirect() and notFound() work by throwing; they must reach Next untouched.
    unstable_rethrow(error);
    return failure(error, await requestLocale().catch(() => defaultLocale));
  }
}
