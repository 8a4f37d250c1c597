"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";

type Props = {
  clubName: string;
  /** Why the viewer can't leave yet; null when they can. */
  blocked: "last_owner" | null;
  leave: () => Promise<Outcome<null>>;
};

export function MemberLeaveClub({ clubName, blocked, leave }: Props) {
  const t = useTranslations("club.leave");
  const [confirming, setConfirming] = useState(false);
  // On success the action redirects home, so only a failure comes back here.
  const form = useActionForm(leave);

  return (
    <section aria-labelledby="leave-heading" className="space-y-3 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
      <h2 id="leave-heading" className="font-serif text-xl font-semibold">
        {t("heading")}
      </h2>
      {blocked ? (
        <p className="leading-relaxed text-muted">{t("lastOwner")}</p>
      ) : (
        <>
          <p className="leading-relaxed text-muted">
            {t("body", { club: clubName })}
          </p>
          <button
            type="button"
            onClick={() => {
              form.clearError();
              setConfirming(true);
            }}
            className="inline-flex items-center justify-center rounded-md border border-danger/30 bg-white px-4 py-2 text-sm font-medium text-danger hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            {t("button")}
          </button>
        </>
      )}
      {confirming ? (
        <ConfirmDialog
          title={t("confirmTitle", { club: clubName })}
          description={t("confirmBody")}
          confirmLabel={t("button")}
          pendingLabel={t("pending")}
          tone="danger"
          pending={form.pending}
          error={form.error?.message ?? null}
          onCancel={() => setConfirming(false)}
          onConfirm={() => form.submit(undefined)}
        />
      ) : null}
    </section>
  );
}
