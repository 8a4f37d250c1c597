"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";

type Props = {
  title: string;
  description: string;
  confirmLabel: string;
  pendingLabel: string;
  /** Danger for removing and leaving; the accent colour for everything else. */
  tone: "danger" | "primary";
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
};

/**
 * A modal question before a change that is hard to undo. The native dialog element gives focus
 * trapping, Escape to cancel and an inert page behind it without any extra code.
 */
export function MemberConfirmDialog({ title, description, confirmLabel, pendingLabel, tone, pending, error, onConfirm, onCancel }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const confirmClass =
    tone === "danger"
      ? "bg-danger text-white hover:bg-red-900 disabled:opacity-60"
      : "bg-accent text-white hover:bg-accent-strong disabled:opacity-60";

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        event.preventDefault();
        if (!pending) onCancel();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-line bg-white p-0 text-ink shadow-xl backdrop:bg-ink/40"
    >
      <div className="space-y-4 p-5 sm:p-6">
        <h2 id={titleId} className="font-serif text-xl font-semibold leading-snug">
          {title}
        </h2>
        <p id={descriptionId} className="leading-relaxed text-muted">
          {description}
        </p>
        {error ? (
          <p role="alert" className="rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger">
            {error}
          </p>
        ) : null}
        <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onCancel} disabled={pending} autoFocus>
            Cancel
          </Button>
          <button
            type="button"
            onClick={onConfirm}
            disabled={pending}
            className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent ${confirmClass}`}
          >
            {pending ? pendingLabel : confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
