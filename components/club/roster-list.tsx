"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { MemberRoleBadge } from "@/components/club/member-role-badge";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import type { RosterMember } from "@/lib/clubs/members";
import type { MemberTargetValues, SetMemberRoleValues } from "@/lib/validation/members";

type Props = {
  clubName: string;
  members: RosterMember[];
  setRole: (input: SetMemberRoleValues) => Promise<Outcome<null>>;
  transfer: (input: MemberTargetValues) => Promise<Outcome<null>>;
  remove: (input: MemberTargetValues) => Promise<Outcome<null>>;
};

type Confirming = { kind: "transfer" | "remove"; member: RosterMember };

// Fixed to UTC so the server's render and the browser's hydration print the same day.
const joinedDate = { dateStyle: "medium", timeZone: "UTC" } as const;

const smallButton =
  "inline-flex items-center justify-center rounded-md border px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-60";

/** One press of a roster control: whom it is about, the server action to call, and what to say when it worked. */
type Change = { member: RosterMember; call: () => Promise<Outcome<null>>; done: string };

export function RosterList({ clubName, members, setRole, transfer, remove }: Props) {
  const t = useTranslations("club.members");
  const format = useFormatter();
  const joined = (iso: string) => t.rich("joined", { date: () => <time dateTime={iso}>{format.dateTime(new Date(iso), joinedDate)}</time> });
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useActionForm((change: Change) => change.call(), {
    onSuccess: (_, change) => {
      setConfirming(null);
      setNotice(change.done);
    },
  });
  const { pending } = form;
  // A refusal is shown where the question was asked: in the dialog while it is open, above the list otherwise.
  const error = form.error?.message ?? null;

  function run(change: Change) {
    setNotice(null);
    form.submit(change);
  }

  function ask(kind: Confirming["kind"], member: RosterMember) {
    form.clearError();
    setNotice(null);
    setConfirming({ kind, member });
  }

  function cancel() {
    form.clearError();
    setConfirming(null);
  }

  return (
    <div className="space-y-3">
      <p role="status" className={notice ? "rounded-md border border-accent/20 bg-accent-soft px-3 py-2 text-sm text-accent-strong" : "sr-only"}>
        {notice}
      </p>
      {error && !confirming ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}

      <ul className="divide-y divide-line overflow-hidden rounded-lg border border-line bg-white shadow-sm">
        {members.map((member) => {
          const { promote, demote, transfer: canTransfer, remove: canRemove } = member.actions;
          const busy = pending && form.pendingInput?.member.id === member.id;
          return (
            // Phones: name on the left, Remove on its right, role changes on a line of their own.
            // Wider screens: everything on one line, in reading order.
            <li key={member.id} className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-3 p-4 sm:flex sm:items-center sm:gap-6 sm:px-5">
              <div className="min-w-0 sm:flex-1">
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className="font-medium break-words text-ink">{member.name}</span>
                  {member.isViewer ? <span className="text-sm text-muted">{t("you")}</span> : null}
                  <MemberRoleBadge role={member.role} />
                </p>
                <p className="mt-1 text-sm text-muted">
                  {joined(member.joinedAt)}
                </p>
              </div>

              {promote || demote || canTransfer ? (
                <div className="col-span-2 row-start-2 flex flex-wrap gap-2 sm:shrink-0">
                  {promote ? (
                    <button
                      type="button"
                      disabled={pending}
                      aria-label={t("makeModeratorLabel", { name: member.name })}
                      onClick={() => run({ member, call: () => setRole({ memberId: member.id, role: "moderator" }), done: t("nowModerator", { name: member.name }) })}
                      className={`${smallButton} border-line bg-white text-ink hover:bg-paper`}
                    >
                      {busy ? t("saving") : t("makeModerator")}
                    </button>
                  ) : null}
                  {demote ? (
                    <button
                      type="button"
                      disabled={pending}
                      aria-label={t("makeMemberLabel", { name: member.name })}
                      onClick={() => run({ member, call: () => setRole({ memberId: member.id, role: "member" }), done: t("nowMember", { name: member.name }) })}
                      className={`${smallButton} border-line bg-white text-ink hover:bg-paper`}
                    >
                      {busy ? t("saving") : t("makeMember")}
                    </button>
                  ) : null}
                  {canTransfer ? (
                    <button
                      type="button"
                      disabled={pending}
                      aria-label={t("makeOwnerLabel", { name: member.name })}
                      onClick={() => ask("transfer", member)}
                      className={`${smallButton} border-line bg-white text-ink hover:bg-paper`}
                    >
                      {t("makeOwner")}
                    </button>
                  ) : null}
                </div>
              ) : null}
              {canRemove ? (
                <button
                  type="button"
                  disabled={pending}
                  aria-label={t("removeLabel", { name: member.name })}
                  onClick={() => ask("remove", member)}
                  className={`${smallButton} col-start-2 row-start-1 self-start border-danger/30 bg-white text-danger hover:bg-red-50 sm:self-auto`}
                >
                  {t("remove")}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>

      {confirming?.kind === "transfer" ? (
        <ConfirmDialog
          title={t("transferTitle", { name: confirming.member.name })}
          description={t("transferBody")}
          confirmLabel={t("transferConfirm", { name: confirming.member.name })}
          pendingLabel={t("transferring")}
          tone="primary"
          pending={pending}
          error={error}
          onCancel={cancel}
          onConfirm={() =>
            run({
              member: confirming.member,
              call: () => transfer({ memberId: confirming.member.id }),
              done: t("nowOwner", { name: confirming.member.name, club: clubName }),
            })
          }
        />
      ) : null}
      {confirming?.kind === "remove" ? (
        <ConfirmDialog
          title={t("removeTitle", { name: confirming.member.name, club: clubName })}
          description={t("removeBody", { name: confirming.member.name })}
          confirmLabel={t("removeLabel", { name: confirming.member.name })}
          pendingLabel={t("removing")}
          tone="danger"
          pending={pending}
          error={error}
          onCancel={cancel}
          onConfirm={() =>
            run({ member: confirming.member, call: () => remove({ memberId: confirming.member.id }), done: t("removed", { name: confirming.member.name }) })
          }
        />
      ) : null}
    </div>
  );
}
