"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
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
          You&apos;re signed out on every device, this one included. Anyone using an old sign-in has to sign in again.
        </p>
        <Link href="/sign-in?callbackUrl=/profile" className="inline-block text-sm font-medium text-accent hover:underline">
          Sign in again
        </Link>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      <p className="leading-relaxed text-muted">
        Signed in on a computer you no longer use, or lost a phone? This signs you out on every device and browser, this one
        included. Live discussions open elsewhere close within a second.
      </p>
      <Button
        variant="secondary"
        onClick={() => {
          form.clearError();
          setConfirming(true);
        }}
      >
        Sign out everywhere
      </Button>
      {confirming ? (
        <ConfirmDialog
          title="Sign out everywhere?"
          description="You'll be signed out on every device, this one too. Your clubs and replies stay as they are; sign in again whenever you like."
          confirmLabel="Sign out everywhere"
          pendingLabel="Signing out…"
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
