"use client";

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
const joinedFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

const smallButton =
  "inline-flex items-center justify-center rounded-md border px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent disabled:opacity-60";

/** One press of a roster control: whom it is about, the server action to call, and what to say when it worked. */
type Change = { member: RosterMember; call: () => Promise<Outcome<null>>; done: string };

export function RosterList({ clubName, members, setRole, transfer, remove }: Props) {
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
                  {member.isViewer ? <span className="text-sm text-muted">(you)</span> : null}
                  <MemberRoleBadge role={member.role} />
                </p>
                <p className="mt-1 text-sm text-muted">
                  Joined <time dateTime={member.joinedAt}>{joinedFormat.format(new Date(member.joinedAt))}</time>
                </p>
              </div>

              {promote || demote || canTransfer ? (
                <div className="col-span-2 row-start-2 flex flex-wrap gap-2 sm:shrink-0">
                  {promote ? (
                    <button
                      type="button"
                      disabled={pending}
                      aria-label={`Make moderator: ${member.name}`}
                      onClick={() => run({ member, call: () => setRole({ memberId: member.id, role: "moderator" }), done: `${member.name} is now a moderator.` })}
                      className={`${smallButton} border-line bg-white text-ink hover:bg-paper`}
                    >
                      {busy ? "Saving…" : "Make moderator"}
                    </button>
                  ) : null}
                  {demote ? (
                    <button
                      type="button"
                      disabled={pending}
                      aria-label={`Make member: ${member.name}`}
                      onClick={() => run({ member, call: () => setRole({ memberId: member.id, role: "member" }), done: `${member.name} is now a member.` })}
                      className={`${smallButton} border-line bg-white text-ink hover:bg-paper`}
                    >
                      {busy ? "Saving…" : "Make member"}
                    </button>
                  ) : null}
                  {canTransfer ? (
                    <button
                      type="button"
                      disabled={pending}
                      aria-label={`Make owner: ${member.name}`}
                      onClick={() => ask("transfer", member)}
                      className={`${smallButton} border-line bg-white text-ink hover:bg-paper`}
                    >
                      Make owner
                    </button>
                  ) : null}
                </div>
              ) : null}
              {canRemove ? (
                <button
                  type="button"
                  disabled={pending}
                  aria-label={`Remove ${member.name}`}
                  onClick={() => ask("remove", member)}
                  className={`${smallButton} col-start-2 row-start-1 self-start border-danger/30 bg-white text-danger hover:bg-red-50 sm:self-auto`}
                >
                  Remove
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>

      {confirming?.kind === "transfer" ? (
        <ConfirmDialog
          title={`Make ${confirming.member.name} the owner?`}
          description={`You'll become a moderator. Only the owner can change roles or hand the club on, so you won't be able to undo this yourself.`}
          confirmLabel={`Make ${confirming.member.name} the owner`}
          pendingLabel="Transferring…"
          tone="primary"
          pending={pending}
          error={error}
          onCancel={cancel}
          onConfirm={() =>
            run({
              member: confirming.member,
              call: () => transfer({ memberId: confirming.member.id }),
              done: `${confirming.member.name} is now the owner of ${clubName}. You're a moderator.`,
            })
          }
        />
      ) : null}
      {confirming?.kind === "remove" ? (
        <ConfirmDialog
          title={`Remove ${confirming.member.name} from ${clubName}?`}
          description={`${confirming.member.name} will lose access to the club's discussions straight away. Their replies stay. To come back they'll need a new invite.`}
          confirmLabel={`Remove ${confirming.member.name}`}
          pendingLabel="Removing…"
          tone="danger"
          pending={pending}
          error={error}
          onCancel={cancel}
          onConfirm={() =>
            run({ member: confirming.member, call: () => remove({ memberId: confirming.member.id }), done: `${confirming.member.name} has been removed from the club.` })
          }
        />
      ) : null}
    </div>
  );
}
