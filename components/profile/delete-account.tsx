"use client";

import { signOut } from "next-auth/react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { AccountDeletionView } from "@/lib/accounts/delete-account";
import type { Outcome } from "@/lib/doors/outcome";
import type { DeleteAccountValues } from "@/lib/validation/account-deletion";
import { forgetDraftsAndSayFarewell } from "./delete-account-farewell";

type Props = {
  view: AccountDeletionView;
  /** Where the member exports their own replies (the export section): the advice to export first links there. */
  exportHref?: string;
  deleteAccount: (input: DeleteAccountValues) => Promise<Outcome<{ deletedClubs: number }>>;
};

/**
 * "Delete your account": says what stays and what goes, sends an owner to hand their clubs over
 * first, then asks for the password (or, without one, the email) and a ticked confirmation
 * (lib/accounts/delete-account.ts). Once deleted, this browser forgets the session and its
 * drafts and lands on the home page, which says goodbye (./delete-account-farewell.tsx).
 */
export function DeleteAccount({ view, exportHref, deleteAccount }: Props) {
  const t = useTranslations("profile.deleteAccount");
  const cancel = useTranslations("common")("cancel");
  const [asking, setAsking] = useState(false);
  const form = useActionForm(deleteAccount, {
    leavesOnSuccess: true,
    onSuccess: () => {
      forgetDraftsAndSayFarewell();
      // The server already ended every session; this clears the cookie here, then a full load
      // of the home page drops everything this tab still held of the account.
      void signOut({ redirect: false }).then(() => window.location.assign("/"));
    },
  });
  const blocked = view.handOver.length > 0;
  // Built outside the markup, so the markup holds no message keys of its own.
  const exportFirst = t.rich("exportFirst", {
    export: (chunks) =>
      exportHref ? (
        <a href={exportHref} className="font-medium text-accent hover:underline">
          {chunks}
        </a>
      ) : (
        chunks
      ),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    form.submit({
      password: String(data.get("password") ?? ""),
      email: String(data.get("email") ?? ""),
      confirmed: data.get("confirmed") === "on",
      deleteClubIds: data.get("deleteClubs") === "on" ? view.onlyMember.map((club) => club.id) : [],
    });
  }

  return (
    <div className="space-y-4">
      <p className="leading-relaxed text-ink">{t("intro")}</p>
      <ul className="list-disc space-y-2 pl-5 leading-relaxed text-muted marker:text-line">
        <li>{t("repliesStay")}</li>
        <li>{t("dataGoes")}</li>
        <li>{t("signedOut")}</li>
      </ul>
      <p className="leading-relaxed text-muted">{exportFirst}</p>

      {blocked ? (
        <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3" role="note" aria-labelledby="hand-over-heading">
          <h3 id="hand-over-heading" className="font-semibold text-ink">
            {t("handOverHeading")}
          </h3>
          <p className="text-sm leading-relaxed text-ink">{t("handOver", { count: view.handOver.length })}</p>
          <ul className="space-y-1 text-sm">
            {view.handOver.map((club) => (
              <li key={club.id}>
                <Link href={`/clubs/${club.id}/members`} className="font-medium text-accent hover:underline">
                  {t("membersOf", { club: club.name })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          {view.onlyMember.length > 0 ? (
            <div className="space-y-1 text-sm leading-relaxed text-muted">
              <p>{t("onlyMember", { count: view.onlyMember.length })}</p>
              <ul className="list-disc pl-5">
                {view.onlyMember.map((club) => (
                  <li key={club.id} className="break-words text-ink">
                    {club.name}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <Button
            variant="secondary"
            onClick={() => {
              form.clearError();
              setAsking(true);
            }}
          >
            {t("start")}
          </Button>
        </>
      )}

      {asking && !blocked ? (
        <Dialog open title={t("dialogTitle")} description={t("dialogBody")} onDismiss={() => setAsking(false)} busy={form.pending}>
          <form onSubmit={onSubmit} className="space-y-4" noValidate>
            {view.hasPassword ? (
              <Field
                id="delete-password"
                name="password"
                type="password"
                label={t("password")}
                hint={t("passwordHint")}
                autoComplete="current-password"
                required
                error={form.fieldError("password")}
              />
            ) : (
              <Field id="delete-email" name="email" type="email" label={t("email")} hint={t("emailHint")} autoComplete="email" required error={form.fieldError("email")} />
            )}
            <label className="flex items-start gap-2 text-sm leading-relaxed text-ink">
              <input type="checkbox" name="confirmed" required className="mt-1 size-4 shrink-0 accent-danger" />
              <span>{t("confirm")}</span>
            </label>
            {view.onlyMember.length > 0 ? (
              <label className="flex items-start gap-2 text-sm leading-relaxed text-ink">
                <input type="checkbox" name="deleteClubs" className="mt-1 size-4 shrink-0 accent-danger" />
                <span>{t("confirmClubs", { count: view.onlyMember.length })}</span>
              </label>
            ) : null}
            <FormAlert error={form.error} shownFields={["password", "email"]} />
            <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
              <Button type="button" variant="secondary" onClick={() => setAsking(false)} disabled={form.pending}>
                {cancel}
              </Button>
              <button
                type="submit"
                disabled={form.pending}
                className="inline-flex items-center justify-center rounded-md bg-danger px-4 py-2 text-sm font-medium text-white hover:brightness-110 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-danger disabled:opacity-60"
              >
                {form.pending ? t("pending") : t("submit")}
              </button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </div>
  );
}
