"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";

type Props = {
  clubName: string;
  /** Redirects to the club on success, so only a failure comes back. */
  join: () => Promise<Outcome<{ clubId: string }>>;
};

export function JoinClubButton({ clubName, join }: Props) {
  const t = useTranslations("invite.landing");
  const form = useActionForm(join);
  return (
    <div className="space-y-3">
      <Button onClick={() => form.submit(undefined)} disabled={form.pending} className="w-full px-5 py-2.5 text-base sm:w-auto">
        {form.pending ? t("joining") : t("join", { club: clubName })}
      </Button>
      <FormAlert error={form.error} />
    </div>
  );
}
