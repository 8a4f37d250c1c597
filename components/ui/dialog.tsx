"use client";

import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";

type Props = {
  open: boolean;
  /** Names the dialog for assistive tech (aria-labelledby) and heads it. */
  title: string;
  /** Read out after the title (aria-describedby). */
  description?: ReactNode;
  /** Escape, or the caller's own Cancel button. Not called from Escape while `busy`: the answer is on its way. */
  onDismiss: () => void;
  busy?: boolean;
  /** Where focus goes when the dialog closes; by default the element that had it before it opened. */
  returnFocus?: RefObject<HTMLElement | null>;
  children: ReactNode;
};

/**
 * A modal dialog on the native <dialog> element: showModal() moves focus in (to the first
 * control: put the safe choice first), keeps it inside and makes the page behind inert; Escape
 * dismisses; focus goes back to the opener when it closes, also when the caller unmounts it.
 * Its type is set here (text-base), so it looks the same wherever in the page it is rendered.
 */
export function Dialog({ open, title, description, onDismiss, busy = false, returnFocus, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const closing = useRef(false);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) {
        closing.current = true;
        dialog.close();
      }
      const target = returnFocus?.current ?? opener;
      if (target?.isConnected) target.focus();
    };
  }, [open, returnFocus]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-description` : undefined}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onDismiss();
      }}
      onClose={() => {
        // Closed by us (open became false), or by the browser itself (a second Escape is not
        // cancellable in Chrome): in the second case the caller's state must follow.
        if (closing.current) closing.current = false;
        else onDismiss();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-line bg-white p-0 text-base text-ink shadow-xl backdrop:bg-ink/40"
    >
      <div className="space-y-4 p-5 sm:p-6">
        <h2 id={`${id}-title`} className="font-serif text-xl font-semibold leading-snug">
          {title}
        </h2>
        {description ? (
          <p id={`${id}-description`} className="leading-relaxed text-muted">
            {description}
          </p>
        ) : null}
        {children}
      </div>
    </dialog>
  );
}
