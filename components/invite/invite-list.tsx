"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { RelativeTime } from "@/components/ui/relative-time";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { InviteStatus, InviteView } from "@/lib/clubs/invites";

type Props = {
  invites: InviteView[];
  revoke: (inviteId: string) => Promise<Outcome<null>>;
};

const statusLabels: Record<InviteStatus, { text: string; className: string }> = {
  active: { text: "Active", className: "bg-accent-soft text-accent-strong" },
  expired: { text: "Expired", className: "bg-stone-100 text-muted" },
  used_up: { text: "Used up", className: "bg-stone-100 text-muted" },
  revoked: { text: "Revoked", className: "bg-red-50 text-danger" },
};

export function InviteList({ invites, revoke }: Props) {
  const active = invites.filter((invite) => invite.status === "active");
  const past = invites.filter((invite) => invite.status !== "active");
  return (
    <div className="space-y-8">
      <section aria-labelledby="active-invites-heading" className="space-y-3">
        <h2 id="active-invites-heading" className="font-serif text-2xl font-semibold">
          Active links
        </h2>
        {active.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line bg-white/60 p-5 text-muted">
            No links are open right now. Create one above to invite someone.
          </p>
        ) : (
          <ul className="space-y-3">
            {active.map((invite) => (
              <li key={invite.id}>
                <ActiveInvite invite={invite} revoke={revoke} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {past.length > 0 ? (
        <section aria-labelledby="past-invites-heading" className="space-y-3">
          <h2 id="past-invites-heading" className="font-serif text-xl font-semibold">
            Past links
          </h2>
          <p className="text-sm text-muted">These no longer let anyone join.</p>
          <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white shadow-sm">
            {past.map((invite) => (
              <li key={invite.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm sm:px-5">
                <StatusBadge status={invite.status} />
                <span className="text-muted">
                  <PastWhen invite={invite} /> · <Uses invite={invite} /> joined · by {invite.createdByName ?? "a former member"}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function ActiveInvite({ invite, revoke }: { invite: InviteView; revoke: Props["revoke"] }) {
  const [confirming, setConfirming] = useState(false);
  const form = useActionForm(revoke);
  const { pending } = form;
  const onRevoke = () => form.submit(invite.id);

  return (
    <article className="space-y-3 rounded-lg border border-line bg-white p-4 shadow-sm sm:p-5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <StatusBadge status={invite.status} />
        <span className="text-muted">
          Created by <span className="text-ink">{invite.createdByName ?? "a former member"}</span>{" "}
          <RelativeTime iso={invite.createdAt} />
        </span>
      </div>
      <p className="text-sm text-muted">The link was shown once, when it was made; it is kept only in a form that can't be turned back into a link. Make a new one if it was lost.</p>
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <dl className="flex flex-wrap gap-x-5 gap-y-1">
          <div className="flex gap-1.5">
            <dt className="text-muted">Expires</dt>
            <dd>
              <RelativeTime iso={invite.expiresAt} />
            </dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-muted">Joined</dt>
            <dd>
              <Uses invite={invite} />
            </dd>
          </div>
        </dl>
        {confirming ? null : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="rounded-md px-2 py-1 text-sm font-medium text-danger hover:bg-red-50 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-danger"
          >
            Revoke<span className="sr-only"> this invite link</span>
          </button>
        )}
      </div>
      {confirming ? (
        <div role="group" aria-label="Confirm revoking" className="space-y-3 rounded-md border border-danger/30 bg-red-50 p-3 sm:p-4">
          <p className="text-sm text-ink">Revoke this link? Anyone who hasn&apos;t joined yet won&apos;t be able to use it. People who already joined stay in the club.</p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              onClick={onRevoke}
              disabled={pending}
              className="inline-flex items-center justify-center rounded-md bg-danger px-4 py-2 text-sm font-medium text-white hover:bg-danger/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-danger disabled:opacity-60"
            >
              {pending ? "Revoking…" : "Revoke link"}
            </button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              Keep it
            </Button>
          </div>
        </div>
      ) : null}
      <FormAlert error={form.error} />
    </article>
  );
}

function StatusBadge({ status }: { status: InviteStatus }) {
  const label = statusLabels[status];
  return <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${label.className}`}>{label.text}</span>;
}

function Uses({ invite }: { invite: InviteView }) {
  if (invite.maxUses === null) return <>{invite.uses} (no limit)</>;
  return (
    <>
      {invite.uses} of {invite.maxUses}
    </>
  );
}

function PastWhen({ invite }: { invite: InviteView }) {
  if (invite.status === "revoked" && invite.revokedAt) {
    return (
      <>
        Revoked <RelativeTime iso={invite.revokedAt} />
      </>
    );
  }
  if (invite.status === "expired") {
    return (
      <>
        Expired <RelativeTime iso={invite.expiresAt} />
      </>
    );
  }
  return (
    <>
      Created <RelativeTime iso={invite.createdAt} />
    </>
  );
}
