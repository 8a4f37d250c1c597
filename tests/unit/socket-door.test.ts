import { afterEach, describe, expect, it, vi } from "vitest";
import { onSocketEvent, type ServerSocket, type SocketEventOptions, type SocketHandler } from "@/lib/doors/socket";
import { internalErrorMessage, type Outcome } from "@/lib/doors/outcome";
import { AppError, notFound } from "@/lib/errors";
import { errorText } from "@/lib/i18n/error-text";

// The session check reads the database; here it always passes, since this file tests the
// wrapper's mechanics. tests/integration/sessions.test.ts checks ended sessions for real.
vi.mock("@/lib/accounts/session-standing", () => ({ sessionStillCounts: async () => true }));

type Listener = (...args: unknown[]) => Promise<void>;

/** Just enough of a server socket: its data, and the listener onSocketEvent registers. */
function fakeSocket(data: Record<string, unknown>) {
  const listeners = new Map<string, Listener>();
  const socket = {
    data,
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
    },
    disconnect() {},
  } as unknown as ServerSocket;
  const send = (event: string, ...args: unknown[]): Promise<void> => {
    const listener = listeners.get(event);
    if (!listener) throw new Error(`nothing listens to ${event}`);
    return listener(...args);
  };
  return { socket, send };
}

/** Registers `handler` for room:leave (payload `{ roomId }`, acked with null) and sends it once. */
async function leave(
  handler: SocketHandler<"room:leave">,
  options: { userId?: string; args?: unknown[]; onFailure?: SocketEventOptions<"room:leave">["onFailure"] } = {},
): Promise<Outcome<null>[]> {
  const { socket, send } = fakeSocket({ userId: options.userId ?? "user-1" });
  onSocketEvent(socket, "room:leave", handler, { onFailure: options.onFailure });
  const answers: Outcome<null>[] = [];
  await send("room:leave", ...(options.args ?? [{ roomId: "room-1" }]), (outcome: Outcome<null>) => answers.push(outcome));
  return answers;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("onSocketEvent", () => {
  it("hands the handler the payload and the handshake's user, and acks its data", async () => {
    const handler = vi.fn(async () => null);
    expect(await leave(handler)).toEqual([{ ok: true, data: null }]);
    expect(handler).toHaveBeenCalledWith(expect.objectContaining({ payload: { roomId: "room-1" }, userId: "user-1" }));
  });

  it("refuses a socket without a user as unauthorized, without running the handler", async () => {
    const handler = vi.fn(async () => null);
    const [answer] = await leave(handler, { userId: "" });
    expect(answer).toMatchObject({ ok: false, error: { code: "unauthorized" } });
    const { socket, send } = fakeSocket({});
    onSocketEvent(socket, "room:leave", handler);
    const answers: Outcome<null>[] = [];
    await send("room:leave", { roomId: "room-1" }, (outcome: Outcome<null>) => answers.push(outcome));
    expect(answers).toMatchObject([{ ok: false, error: { code: "unauthorized" } }]);
    expect(handler).not.toHaveBeenCalled();
  });

  it("acks an AppError as its wire error, fields included, and logs nothing", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const answers = await leave(async () => {
      throw new AppError("bad_request", errorText("meeting.chooseQuestion"), { roomId: errorText("notFound.room") });
    });
    expect(answers).toEqual([
      { ok: false, error: { code: "bad_request", message: "Say which question is being discussed now.", fields: { roomId: "This room could not be found." } } },
    ]);
    expect(logged).not.toHaveBeenCalled();
  });

  it("acks an unknown error with the generic message and logs it once", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const answers = await leave(async () => {
      throw new Error("relation \"replies\" does not exist");
    });
    expect(answers).toEqual([{ ok: false, error: { code: "internal", message: internalErrorMessage } }]);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it("gives the handler an empty payload for anything that is not an object", async () => {
    for (const args of [[], [null], [42], ["x".repeat(10_000)], [["room-1"]]]) {
      const handler = vi.fn(async () => null);
      await leave(handler, { args });
      expect(handler).toHaveBeenCalledWith(expect.objectContaining({ payload: {} }));
    }
  });

  it("never throws out of the listener: not without an ack, nor when the ack or onFailure throws", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { socket, send } = fakeSocket({ userId: "user-1" });
    const failing = async (): Promise<null> => {
      throw notFound("room");
    };
    onSocketEvent(socket, "room:leave", failing, {
      onFailure: () => {
        throw new Error("leaving failed");
      },
    });
    await expect(send("room:leave", { roomId: "room-1" })).resolves.toBeUndefined();
    await expect(
      send("room:leave", { roomId: "room-1" }, () => {
        throw new Error("the client went away");
      }),
    ).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledTimes(3);
  });

  it("runs onFailure with the payload and the wire error before the ack, and not on success", async () => {
    const order: string[] = [];
    const onFailure = vi.fn(({ error }: { error: { code: string } }) => {
      order.push(`onFailure ${error.code}`);
    });
    const { socket, send } = fakeSocket({ userId: "user-1" });
    onSocketEvent(
      socket,
      "room:leave",
      async ({ payload }) => {
        if (payload.roomId !== "ok") throw notFound("room");
        return null;
      },
      { onFailure },
    );
    await send("room:leave", { roomId: "nope" }, (outcome: Outcome<null>) => order.push(`ack ${outcome.ok}`));
    await send("room:leave", { roomId: "ok" }, (outcome: Outcome<null>) => order.push(`ack ${outcome.ok}`));
    expect(order).toEqual(["onFailure not_found", "ack false", "ack true"]);
    expect(onFailure).toHaveBeenCalledWith(expect.objectContaining({ payload: { roomId: "nope" } }));
  });
});
