"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { InviteStatus, InviteView } from "@/lib/clubs/invites";
import { InviteTime } from "./invite-time";

type Props = {
  invites: InviteView[];
  revoke: (inviteId: string) => Promise<Outcome<null>>;
};

const statusTones: Record<InviteStatus, string> = {
  active: "bg-accent-soft text-accent-strong",
  expired: "bg-stone-100 text-muted",
  used_up: "bg-stone-100 text-muted",
  revoked: "bg-red-50 text-danger",
};

export function InviteList({ invites, revoke }: Props) {
  const t = useTranslations("invite.list");
  const active = invites.filter((invite) => invite.status === "active");
  const past = invites.filter((invite) => invite.status !== "active");
  return (
    <div className="space-y-8">
      <section aria-labelledby="active-invites-heading" className="space-y-3">
        <h2 id="active-invites-heading" className="font-serif text-2xl font-semibold">
          {t("active")}
        </h2>
        {active.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line bg-white/60 p-5 text-muted">
            {t("noneActive")}
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
            {t("past")}
          </h2>
          <p className="text-sm text-muted">{t("pastHint")}</p>
          <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white shadow-sm">
            {past.map((invite) => (
              <li key={invite.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm sm:px-5">
                <StatusBadge status={invite.status} />
                <span className="text-muted">
                  <PastWhen invite={invite} />
                  <span aria-hidden> · </span>
                  <span className="sr-only">, </span>
                  <Uses invite={invite} joined />
                  <span aria-hidden> · </span>
                  <span className="sr-only">, </span>
                  {t("by", { name: invite.createdByName ?? t("formerMember") })}
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
  const t = useTranslations("invite.list");
  const [confirming, setConfirming] = useState(false);
  const form = useActionForm(revoke);
  const { pending } = form;
  const onRevoke = () => form.submit(invite.id);
  const createdBy = t.rich("createdBy", {
    name: invite.createdByName ?? t("formerMember"),
    who: (chunks) => <span className="text-ink">{chunks}</span>,
    when: () => <InviteTime iso={invite.createdAt} />,
  });
  const revokeLabel = t.rich("revoke", { sr: (chunks) => <span className="sr-only">{chunks}</span> });

  return (
    <article className="space-y-3 rounded-lg border border-line bg-white p-4 shadow-sm sm:p-5">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <StatusBadge status={invite.status} />
        <span className="text-muted">
          {createdBy}
        </span>
      </div>
      <p className="text-sm text-muted">{t("shownOnce")}</p>
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <dl className="flex flex-wrap gap-x-5 gap-y-1">
          <div className="flex gap-1.5">
            <dt className="text-muted">{t("expires")}</dt>
            <dd>
              <InviteTime iso={invite.expiresAt} />
            </dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-muted">{t("joined")}</dt>
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
            {revokeLabel}
          </button>
        )}
      </div>
      {confirming ? (
        <div role="group" aria-label={t("confirmGroup")} className="space-y-3 rounded-md border border-danger/30 bg-red-50 p-3 sm:p-4">
          <p className="text-sm text-ink">{t("confirmBody")}</p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              onClick={onRevoke}
              disabled={pending}
              className="inline-flex items-center justify-center rounded-md bg-danger px-4 py-2 text-sm font-medium text-white hover:bg-danger/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-danger disabled:opacity-60"
            >
              {pending ? t("revoking") : t("revokeConfirm")}
            </button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              {t("keep")}
            </Button>
          </div>
        </div>
      ) : null}
      <FormAlert error={form.error} />
    </article>
  );
}

function StatusBadge({ status }: { status: InviteStatus }) {
  const t = useTranslations("invite.status");
  return <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${statusTones[status]}`}>{t(status)}</span>;
}

/** How many joined through the link: "2 of 5", "3 (no limit)"; `joined` adds the verb, for the past list. */
function Uses({ invite, joined = false }: { invite: InviteView; joined?: boolean }) {
  const t = useTranslations("invite.list");
  if (invite.maxUses === null) return <>{t(joined ? "usesUnlimitedJoined" : "usesUnlimited", { uses: invite.uses })}</>;
  return <>{t(joined ? "usesOfJoined" : "usesOf", { uses: invite.uses, max: invite.maxUses })}</>;
}

function PastWhen({ invite }: { invite: InviteView }) {
  const t = useTranslations("invite.list");
  const [key, iso] =
    invite.status === "revoked" && invite.revokedAt
      ? (["revokedWhen", invite.revokedAt] as const)
      : invite.status === "expired"
        ? (["expiredWhen", invite.expiresAt] as const)
        : (["createdWhen", invite.createdAt] as const);
  return <>{t.rich(key, { when: () => <InviteTime iso={iso} /> })}</>;
}
