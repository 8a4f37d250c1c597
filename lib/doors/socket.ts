import "server-only";
import type { Socket } from "socket.io";
import { sessionStillCounts } from "@/lib/accounts/session-standing";
import { AppError } from "@/lib/errors";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "@/lib/realtime/events";
import { consumeLimit } from "./limits";
import type { Outcome, WireError } from "./outcome";
import { failure } from "./wire-error";
import { errorText } from "@/lib/i18n/error-text";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";

/** A connection on the server, with the typed event maps of lib/realtime/events.ts. */
export type ServerSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export type ClientEvent = keyof ClientToServerEvents;

type PayloadOf<Event extends ClientEvent> = Parameters<ClientToServerEvents[Event]>[0];
type AckOf<Event extends ClientEvent> = NonNullable<Parameters<ClientToServerEvents[Event]>[1]>;

/** What an event's acknowledgement carries when it succeeds (the `data` of its Outcome). */
type EventData<Event extends ClientEvent> = AckOf<Event> extends (result: Outcome<infer Data>) => void ? Data : never;

/**
 * A payload as it arrived: the fields the event map names, each still unknown. The handler
 * hands them to a door, whose schemas parse them; the map's types are what an honest client
 * sends, not a promise about what arrived. Anything that is not an object arrives as `{}`.
 */
type Untrusted<Payload> = { readonly [Key in keyof Payload]?: unknown };

export type SocketHandler<Event extends ClientEvent> = (input: {
  payload: Untrusted<PayloadOf<Event>>;
  /** The user the handshake authenticated (lib/realtime/server.ts). */
  userId: string;
  socket: ServerSocket;
}) => Promise<EventData<Event>>;

export type SocketEventOptions<Event extends ClientEvent> = {
  /**
   * What a refusal does besides answering the ack (leave the channel it named, tell the page),
   * run before the answer with the same wire error. It must not assume the payload is valid.
   */
  onFailure?: (input: { payload: Untrusted<PayloadOf<Event>>; socket: ServerSocket; error: WireError }) => Promise<void> | void;
};

type Listener = (...args: unknown[]) => Promise<void>;

/**
 * The wrapper every client→server socket event goes through, as route() and runAction() are for
 * HTTP: require the handshake's user, and that their session has not ended since ("unauthorized"
 * otherwise, and the connection is closed after the answer; lib/accounts/session-standing.ts
 * bounds how late an ending on another node is seen), spend a point of the connection's event
 * limit ("rate_limited" over it), run the handler (which calls a
 * door: parse, resolve and authorize, act, live events after commit), and answer the
 * acknowledgement, if the client sent one, with `Outcome<data>`: the same wire error as the API.
 * The listener never throws: an unknown error is logged once (toWireError) and answered with
 * the generic message, and the connection stays up.
 */
export function onSocketEvent<Event extends ClientEvent>(
  socket: ServerSocket,
  event: Event,
  handler: SocketHandler<Event>,
  options: SocketEventOptions<Event> = {},
): void {
  const listener: Listener = async (...args) => {
    // Socket.IO puts the client's callback last, whatever came before it.
    const last = args[args.length - 1];
    const ack = typeof last === "function" ? (last as (outcome: Outcome<EventData<Event>>) => void) : null;
    const payload = fieldsOf<PayloadOf<Event>>(ack ? args.slice(0, -1)[0] : args[0]);
    const outcome = await run(socket.data.locale ?? defaultLocale, async () => {
      const { userId, sessionId, sessionVersion } = socket.data;
      if (typeof userId !== "string" || userId === "") throw new AppError("unauthorized", errorText("session.signInLive"));
      if (!(await sessionStillCounts({ userId, sessionId, sessionVersion }))) throw sessionEnded();
      // Per connection, in this process's memory: a connection lives on one node.
      await consumeLimit("socket:event", socket.id);
      return handler({ payload, userId, socket });
    });
    if (!outcome.ok) await settle(() => options.onFailure?.({ payload, socket, error: outcome.error }));
    await settle(() => ack?.(outcome));
    // An ended session keeps no connection: it goes once the refusal has been sent.
    if (!outcome.ok && outcome.error.code === "unauthorized") socket.disconnect(true);
  };
  // Socket.IO's typings cannot follow a generic event name to its listener; onSocketEvent's own signature keeps callers typed.
  (socket as unknown as { on(event: string, listener: Listener): void }).on(event, listener);
}

const sessionEnded = () => new AppError("unauthorized", errorText("session.ended"));

/** The work's data, or its failure as the wire error (an unknown error is logged there, once). */
async function run<Data>(locale: Locale, work: () => Promise<Data>): Promise<Outcome<Data>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    return failure(error, locale);
  }
}

/** Runs a step that must not take the listener down: its failure is logged, never thrown. */
async function settle(step: () => unknown): Promise<void> {
  try {
    await step();
  } catch (error) {
    console.error(error);
  }
}

function fieldsOf<Payload>(payload: unknown): Untrusted<Payload> {
  return typeof payload === "object" && payload !== null && !Array.isArray(payload) ? (payload as Untrusted<Payload>) : {};
}
