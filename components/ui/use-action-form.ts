"use client";

import { unstable_rethrow } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { offlineFailure, type Outcome, type WireError } from "@/lib/doors/outcome";
import { browserText } from "./browser-text";
import { fieldErrorOf } from "./form-errors";

type ActionFormOptions<Input, Data> = {
  /** After the server said yes: show the result, reset the form, move on. */
  onSuccess?: (data: Data, input: Input) => void;
  /** After a refusal, before it is shown: undo an optimistic change, forget an idempotency key. */
  onFailure?: (error: WireError, input: Input) => void;
  /**
   * The page moves on after a success (`router.push` in onSuccess): stay pending until it has
   * gone, so the form can't be sent twice meanwhile. A server action's redirect counts as
   * leaving without this.
   */
  leavesOnSuccess?: boolean;
};

type ActionForm<Input> = {
  /** Sends `input`, unless a submission is already on its way (a double press sends once). */
  submit: (input: Input) => void;
  pending: boolean;
  /** What is being sent while pending (which of several buttons was pressed); null otherwise. */
  pendingInput: Input | null;
  /** The last refusal, as the server (or the browser, for "offline") worded it. */
  error: WireError | null;
  /** The message for one input, from `error.fields` (nested paths included: "agenda" finds "agenda.2"). */
  fieldError: (name: string) => string | undefined;
  /** Shows a problem the browser found before sending, in the same shape as the server's. */
  fail: (error: WireError) => void;
  /** Forgets the error: the person changed what it was about, or closed the dialog. */
  clearError: () => void;
};

const leaving = Symbol("leaving");

/** Next tells the browser about a server action's redirect by rejecting the call with its own error. */
function isNavigation(error: unknown): boolean {
  try {
    unstable_rethrow(error);
    return false;
  } catch {
    return true;
  }
}

async function call<Input, Data>(action: (input: Input) => Promise<Outcome<Data>>, input: Input): Promise<Outcome<Data> | typeof leaving> {
  try {
    // A server action that redirected may also resolve with nothing: the navigation is under way.
    return (await action(input)) ?? leaving;
  } catch (error) {
    return isNavigation(error) ? leaving : { ...offlineFailure, error: { ...offlineFailure.error, message: browserText("offline") } };
  }
}

/**
 * The submit / pending / error / field-errors cycle every form and action button shares.
 * `action` is a server action or a call to an API route (components/discussion/request.ts),
 * answering `Outcome<Data>`; a call that throws (the server was unreachable) reads as
 * `offlineFailure`. What to show is decided from `error.code` and `error.fields`.
 */
export function useActionForm<Input, Data>(
  action: (input: Input) => Promise<Outcome<Data>>,
  options: ActionFormOptions<Input, Data> = {},
): ActionForm<Input> {
  const [transitionPending, startTransition] = useTransition();
  const [pendingInput, setPendingInput] = useState<Input | null>(null);
  const [gone, setGone] = useState(false);
  const [error, setError] = useState<WireError | null>(null);
  // State lags a render behind: Enter pressed twice in a row must still send once.
  const inFlight = useRef(false);

  function submit(input: Input) {
    if (inFlight.current) return;
    inFlight.current = true;
    setError(null);
    setPendingInput(input);
    startTransition(async () => {
      const outcome = await call(action, input);
      const leaves = outcome === leaving || (outcome.ok && options.leavesOnSuccess === true);
      if (leaves) setGone(true);
      else {
        inFlight.current = false;
        setPendingInput(null);
      }
      if (outcome === leaving) return;
      if (outcome.ok) {
        options.onSuccess?.(outcome.data, input);
      } else {
        options.onFailure?.(outcome.error, input);
        setError(outcome.error);
      }
    });
  }

  return {
    submit,
    pending: transitionPending || gone,
    pendingInput,
    error,
    fieldError: (name) => fieldErrorOf(error, name),
    fail: setError,
    clearError: () => setError(null),
  };
}
