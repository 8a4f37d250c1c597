"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { Outcome } from "@/lib/doors/outcome";

type Input = { currentPassword: string; newPassword: string; confirmPassword: string };

type Props = {
  /** False for accounts made through GitHub or Google: they set a first password without a current one. */
  hasPassword: boolean;
  changePassword: (input: Input) => Promise<Outcome<{ hadPassword: boolean }>>;
};

type State = { kind: "idle" } | { kind: "saved"; message: string } | { kind: "error"; message: string; fields?: Record<string, string> };

export function PasswordForm({ hasPassword, changePassword }: Props) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input: Input = {
      currentPassword: String(data.get("currentPassword") ?? ""),
      newPassword: String(data.get("newPassword") ?? ""),
      confirmPassword: String(data.get("confirmPassword") ?? ""),
    };
    setState({ kind: "idle" });
    startTransition(async () => {
      try {
        const result = await changePassword(input);
        if (result.ok) {
          form.reset();
          setState({
            kind: "saved",
            message: result.data.hadPassword
              ? "Your password has been changed. Use the new one next time you sign in."
              : "Your password is set. You can now also sign in with your email and this password.",
          });
        } else {
          setState({ kind: "error", message: result.error.message, fields: result.error.fields });
        }
      } catch {
        setState({ kind: "error", message: "We couldn't reach Chapterhouse. Check your connection and try again." });
      }
    });
  }

  const fields = state.kind === "error" ? state.fields : undefined;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {hasPassword ? (
        <Field
          id="current-password"
          name="currentPassword"
          type="password"
          label="Current password"
          autoComplete="current-password"
          required
          error={fields?.currentPassword}
        />
      ) : (
        <p className="text-sm leading-relaxed text-muted">
          You sign in through another service, so this account has no password yet. Set one to also sign in with your email.
        </p>
      )}
      <Field
        id="new-password"
        name="newPassword"
        type="password"
        label="New password"
        autoComplete="new-password"
        required
        error={fields?.newPassword}
        hint="At least 8 characters."
      />
      <Field
        id="confirm-password"
        name="confirmPassword"
        type="password"
        label="New password, again"
        autoComplete="new-password"
        required
        error={fields?.confirmPassword}
      />
      {state.kind === "error" ? (
        <p role="alert" className={Object.values(state.fields ?? {}).includes(state.message) ? "sr-only" : "rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger"}>
          {state.message}
        </p>
      ) : null}
      <div role="status">
        {state.kind === "saved" ? (
          <p className="rounded-md border border-accent/30 bg-accent-soft px-3 py-2 text-sm text-accent-strong">{state.message}</p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : hasPassword ? "Change password" : "Set password"}
      </Button>
    </form>
  );
}
