"use client";

import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { Button } from "./button";
import { Dialog } from "./dialog";

type Props = {
  /** Mount it only while asking, or keep it mounted and switch this. */
  open?: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  pendingLabel: string;
  /** "Cancel" unless that would be confusing next to the confirm label ("Cancel meeting"). */
  cancelLabel?: string;
  /** Danger for what removes or stops something; the accent colour for everything else. */
  tone?: "danger" | "primary";
  pending: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  returnFocus?: RefObject<HTMLElement | null>;
};

const confirmTones = {
  danger: "bg-danger hover:brightness-110 focus-visible:outline-danger",
  primary: "bg-accent hover:bg-accent-strong focus-visible:outline-accent",
};

/** Asks before a change others will notice or that is hard to undo. The safe answer comes first and has focus. */
export function ConfirmDialog({
  open = true,
  title,
  description,
  confirmLabel,
  pendingLabel,
  cancelLabel,
  tone = "danger",
  pending,
  error,
  onConfirm,
  onCancel,
  returnFocus,
}: Props) {
  const t = useTranslations("common");
  return (
    <Dialog open={open} title={title} description={description} onDismiss={onCancel} busy={pending} returnFocus={returnFocus}>
      {error ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          {cancelLabel ?? t("cancel")}
        </Button>
        <button
          type="button"
          onClick={onConfirm}
          disabled={pending}
          className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-medium text-white focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-60 ${confirmTones[tone]}`}
        >
          {pending ? pendingLabel : confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
