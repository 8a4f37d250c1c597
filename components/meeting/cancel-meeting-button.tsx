"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { Outcome } from "@/lib/doors/outcome";

type Props = {
  action: () => Promise<Outcome<unknown>>;
  title: string;
};

/**
 * Cancelling tells every member's calendar, so it asks first. Its own dialog rather than the
 * shared confirm dialog, whose "Cancel" button would sit next to "Cancel meeting".
 */
export function CancelMeetingButton({ action, title }: Props) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      const result = await action();
      if (result.ok) {
        setOpen(false);
        router.refresh();
      } else {
        setError(result.error.message);
      }
    } catch {
      setError("We couldn't reach Chapterhouse. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
        className="inline-flex items-center justify-center rounded-md border border-danger/30 bg-white px-3 py-1.5 text-sm font-medium text-danger hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-danger"
      >
        Cancel meeting
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        onCancel={(event) => {
          event.preventDefault();
          if (!pending) setOpen(false);
        }}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-line bg-white p-0 text-ink shadow-xl backdrop:bg-ink/30"
      >
        <div className="space-y-3 p-5 sm:p-6">
          <h2 id={`${id}-title`} className="font-serif text-xl font-semibold">
            Cancel this meeting?
          </h2>
          <p id={`${id}-description`} className="text-sm leading-relaxed text-muted">
            &ldquo;{title}&rdquo; stays on the club&apos;s list, marked as cancelled, and subscribed calendars show it as cancelled.
            This can&apos;t be undone, but you can always schedule a new meeting.
          </p>
          {error ? (
            <p role="alert" className="text-sm text-danger">
              {error}
            </p>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              Keep the meeting
            </Button>
            <button
              type="button"
              onClick={confirm}
              disabled={pending}
              className="inline-flex items-center justify-center rounded-md bg-danger px-4 py-2 text-sm font-medium text-white hover:brightness-110 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-danger disabled:opacity-60"
            >
              {pending ? "Cancelling…" : "Cancel meeting"}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
