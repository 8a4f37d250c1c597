import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { isNotificationKind } from "./rules";

// The signed part of an unsubscribe link: which member, and which kinds of email it stops.
// HMAC-SHA256 under a key derived from NEXTAUTH_SECRET (the app's one secret), so a link cannot
// be made or altered without it, and works with nobody signed in. No expiry: an unsubscribe
// link in an old email must still work (RFC 8058 asks that it keep working).

export type UnsubscribeScope = { userId: string; kinds: NotificationKind[] };

const claims = z.object({
  u: z.uuid(),
  k: z
    .array(z.string())
    .min(1)
    .max(20)
    .refine((kinds) => kinds.every(isNotificationKind)),
});

function key(): Buffer {
  const secret = getEnv().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is unset: unsubscribe links cannot be signed or checked.");
  // A key of its own, so a signature made here is never valid as anything else the secret signs.
  return createHmac("sha256", secret).update("chapterhouse/unsubscribe/v1").digest();
}

function sign(payload: string): Buffer {
  return createHmac("sha256", key()).update(payload).digest();
}

/** The token for a link that stops these kinds of email for this member: `<payload>.<signature>`, URL-safe. */
export function signUnsubscribeToken(scope: UnsubscribeScope): string {
  const payload = Buffer.from(JSON.stringify({ u: scope.userId, k: [...new Set(scope.kinds)].sort() })).toString("base64url");
  return `${payload}.${sign(payload).toString("base64url")}`;
}

/** The member and kinds a token names, or null when it is malformed, cut short or its signature does not match. */
export function readUnsubscribeToken(token: unknown): UnsubscribeScope | null {
  if (typeof token !== "string" || token.length > 1000) return null;
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  // Compared as text: base64url has spare bits in its last character, so two spellings can
  // decode to the same bytes, and a changed link must never pass.
  const expected = Buffer.from(sign(payload).toString("base64url"));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = claims.safeParse(decoded);
  if (!parsed.success) return null;
  return { userId: parsed.data.u, kinds: parsed.data.k.filter(isNotificationKind) };
}
