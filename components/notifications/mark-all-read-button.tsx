"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";

type Props = {
  upTo: string | null;
  markAllRead: (input: { upTo: string | null }) => Promise<Outcome<{ marked: number }>>;
  /** The page's status line, which keeps keyboard focus once this button is no longer needed. */
  statusId: string;
};

export function MarkAllReadButton({ upTo, markAllRead, statusId }: Props) {
  const t = useTranslations("common");
  const form = useActionForm(markAllRead, { onSuccess: () => document.getElementById(statusId)?.focus() });
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <Button variant="secondary" onClick={() => form.submit({ upTo })} disabled={form.pending}>
        {form.pending ? t("marking") : t("markAllRead")}
      </Button>
      <FormAlert error={form.error} />
    </div>
  );
}
