"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";

/** Makes a past book the club's current one; the page refreshes from the server action's revalidation. */
export function SetCurrentBookButton({ action }: { action: () => Promise<Outcome<null>> }) {
  const t = useTranslations("book.page");
  const form = useActionForm(action);
  return (
    <div className="space-y-2">
      <Button variant="secondary" onClick={() => form.submit(undefined)} disabled={form.pending} aria-describedby={form.error ? "set-current-error" : undefined}>
        {form.pending ? t("switching") : t("makeCurrent")}
      </Button>
      <FormAlert id="set-current-error" look="line" error={form.error} />
    </div>
  );
}
