"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";

type Props = {
  clubName: string;
  /** Why the viewer can't leave yet (the last owner); null when they can. */
  blockedReason: string | null;
  leave: () => Promise<Outcome<null>>;
};

export function MemberLeaveClub({ clubName, blockedReason, leave }: Props) {
  const [confirming, setConfirming] = useState(false);
  // On success the action redirects home, so only a failure comes back here.
  const form = useActionForm(leave);

  return (
    <section aria-labelledby="leave-heading" className="space-y-3 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
      <h2 id="leave-heading" className="font-serif text-xl font-semibold">
        Leave this club
      </h2>
      {blockedReason ? (
        <p className="leading-relaxed text-muted">{blockedReason}</p>
      ) : (
        <>
          <p className="leading-relaxed text-muted">
            You&apos;ll stop seeing {clubName} and its discussions. Your replies stay for the others to read.
          </p>
          <button
            type="button"
            onClick={() => {
              form.clearError();
              setConfirming(true);
            }}
            className="inline-flex items-center justify-center rounded-md border border-danger/30 bg-white px-4 py-2 text-sm font-medium text-danger hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
          >
            Leave club
          </button>
        </>
      )}
      {confirming ? (
        <ConfirmDialog
          title={`Leave ${clubName}?`}
          description="You'll lose access to its discussions straight away. To come back, you'll need a new invite."
          confirmLabel="Leave club"
          pendingLabel="Leaving…"
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
