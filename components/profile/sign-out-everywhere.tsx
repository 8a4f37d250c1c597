"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";

type Props = {
  signOutEverywhere: () => Promise<Outcome<null>>;
};

/**
 * Ends every session of the account, on every device, this one included. The server ends them
 * (lib/accounts/profile.ts); here the browser forgets its own cookie and says what happened.
 */
export function SignOutEverywhere({ signOutEverywhere }: Props) {
  const t = useTranslations("profile.sessions");
  const [confirming, setConfirming] = useState(false);
  const [finished, setFinished] = useState(false);
  const form = useActionForm(signOutEverywhere, {
    onSuccess: () => {
      setConfirming(false);
      setFinished(true);
      // The session already ended on the server; this only clears the cookie here.
      void signOut({ redirect: false });
    },
  });

  if (finished) {
    return (
      <div role="status" className="space-y-3">
        <p className="rounded-md border border-accent/30 bg-accent-soft px-3 py-2 text-sm text-accent-strong">
          {t("done")}
        </p>
        <Link href="/sign-in?callbackUrl=/profile" className="inline-block text-sm font-medium text-accent hover:underline">
          {t("signInAgain")}
        </Link>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      <p className="leading-relaxed text-muted">{t("intro")}</p>
      <Button
        variant="secondary"
        onClick={() => {
          form.clearError();
          setConfirming(true);
        }}
      >
        {t("button")}
      </Button>
      {confirming ? (
        <ConfirmDialog
          title={t("confirmTitle")}
          description={t("confirmBody")}
          confirmLabel={t("button")}
          pendingLabel={t("pending")}
          tone="primary"
          pending={form.pending}
          error={form.error?.message ?? null}
          onCancel={() => setConfirming(false)}
          onConfirm={() => form.submit(undefined)}
        />
      ) : null}
    </div>
  );
}
