import "server-only";
import { z } from "zod";
import { notFound, type MissingThing } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse";
import { consumeLimit, limitKey, type LimitName } from "./limits";
import { deliverLiveEvents } from "./deliver";
import type { Done } from "./live";

// The pipeline every entry point runs, whatever carried the request (route handler, server
// action, socket event): docs/decisions/0006-one-door-kit.md says why and what it guarantees.

type Schema = z.ZodType;
type BodyOf<B> = B extends Schema ? z.output<B> : undefined;

/** What a caller passes: the user, the object's ids as they arrived (unknown: they are parsed), the payload. */
type DoorCall<P extends Schema, B extends Schema | undefined> = { userId: string } & { [K in keyof z.input<P>]: unknown } & (B extends Schema
    ? { body: unknown }
    : { body?: undefined }) & {
    /** The clock, for tests; a UTC instant, now when omitted. */
    now?: Date;
  };

export type DoorSpec<P extends Schema, B extends Schema | undefined, Target, Value> = {
  /** The ids naming the object (from the URL or the event). Anything malformed is simply not found. */
  params: P;
  /** What a stranger, a malformed id or a missing row is told is not found: `room` ("This room could not be found."). */
  what: MissingThing;
  /**
   * Finds the object for this user and checks they may do this to it (lib/access.ts and
   * lib/permissions.ts). Throws not-found for strangers, forbidden for members who may see it.
   */
  resolve: (input: { userId: string; params: z.output<P>; now: Date }) => Promise<Target>;
  /**
   * The payload's schema. Parsed after `resolve`, so a stranger's malformed payload still reads
   * as not found; a member's gets a 400 naming each field that is wrong.
   */
  body?: B;
  /**
   * The rate limit this door spends a point of, per user (lib/doors/limits.ts): checked after
   * the payload parsed and before `act`, so a stranger or a malformed payload costs nothing and
   * an over-limit call does no work. Over it: rate_limited, 429 with Retry-After.
   */
  limit?: LimitName;
  /** Does the work, in one transaction where it writes, and returns the events to send after it. */
  act: (input: { userId: string; params: z.output<P>; body: BodyOf<B>; target: Target; now: Date }) => Promise<Done<Value>>;
};

export type Door<P extends Schema, B extends Schema | undefined, Value> = (call: DoorCall<P, B>) => Promise<Value>;

/**
 * Defines a door: parse the ids → resolve and authorize the object for the user → parse the
 * payload → spend a point of its rate limit, if it has one → act → send the act's live events. Events go out only after `act` has returned,
 * and `act` returns only after its transaction committed: emit-after-commit by construction.
 * Errors are AppErrors (lib/errors.ts) for the transport wrapper to put on the wire.
 */
export function door<P extends Schema, B extends Schema | undefined, Target, Value>(spec: DoorSpec<P, B, Target, Value>): Door<P, B, Value> {
  return async (call) => {
    const parsedParams = spec.params.safeParse(call);
    if (!parsedParams.success) throw notFound(spec.what);
    const params = parsedParams.data as z.output<P>;
    const now = call.now ?? new Date();
    const target = await spec.resolve({ userId: call.userId, params, now });
    const body = (spec.body ? parseInput(spec.body, call.body) : undefined) as BodyOf<B>;
    if (spec.limit) await consumeLimit(spec.limit, limitKey(call.userId));
    const { value, events } = await spec.act({ userId: call.userId, params, body, target, now });
    await deliverLiveEvents(events);
    return value;
  };
}

/**
 * The door of a background job (pg-boss runs it: no caller to authorize, no payload from a
 * person). Like any door, it sends the act's live events only once the act has returned, after
 * its writes committed; returns the act's value.
 */
export async function runJob<Value>(act: () => Promise<Done<Value>>): Promise<Value> {
  const { value, events } = await act();
  await deliverLiveEvents(events);
  return value;
}

/** For doors that name no object (creating a club, your own profile). */
export const noParams = z.object({});
