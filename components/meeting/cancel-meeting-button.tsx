"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";

type Props = {
  action: () => Promise<Outcome<unknown>>;
  title: string;
};

/**
 * Cancelling tells every member's calendar, so it asks first. Its dismiss button says "Keep the
 * meeting": a plain "Cancel" would sit next to "Cancel meeting".
 */
export function CancelMeetingButton({ action, title }: Props) {
  const t = useTranslations("meeting.cancel");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useActionForm(action, {
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });

  return (
    <>
      <button
        type="button"
        onClick={() => {
          form.clearError();
          setOpen(true);
        }}
        className="inline-flex items-center justify-center rounded-md border border-danger/30 bg-white px-3 py-1.5 text-sm font-medium text-danger hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-danger"
      >
        {t("button")}
      </button>
      <ConfirmDialog
        open={open}
        title={t("title")}
        description={t("description", { title })}
        confirmLabel={t("confirm")}
        pendingLabel={t("pending")}
        cancelLabel={t("keep")}
        pending={form.pending}
        error={form.error?.message ?? null}
        onConfirm={() => form.submit(undefined)}
        onCancel={() => setOpen(false)}
      />
    </>
  );
}
