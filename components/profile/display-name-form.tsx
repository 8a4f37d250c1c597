"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { Outcome } from "@/lib/doors/outcome";

type Props = {
  currentName: string;
  rename: (input: { name: string }) => Promise<Outcome<{ name: string }>>;
};

type State = { kind: "idle" } | { kind: "saved"; name: string } | { kind: "error"; message: string; field?: string };

export function DisplayNameForm({ currentName, rename }: Props) {
  const [name, setName] = useState(currentName);
  const [state, setState] = useState<State>({ kind: "idle" });
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setState({ kind: "idle" });
    startTransition(async () => {
      try {
        const result = await rename({ name });
        if (result.ok) {
          setName(result.data.name);
          setState({ kind: "saved", name: result.data.name });
        } else {
          setState({ kind: "error", message: result.error.message, field: result.error.fields?.name });
        }
      } catch {
        setState({ kind: "error", message: "We couldn't reach Chapterhouse. Check your connection and try again." });
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field
        id="profile-name"
        name="name"
        label="Display name"
        autoComplete="name"
        required
        maxLength={80}
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          if (state.kind === "saved") setState({ kind: "idle" });
        }}
        error={state.kind === "error" ? state.field : undefined}
        hint="Shown to the other members of your clubs, next to everything you post."
      />
      {state.kind === "error" ? (
        // The name's own error already says it: announce the message without showing it twice.
        <p role="alert" className={state.message === state.field ? "sr-only" : "rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger"}>
          {state.message}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save name"}
        </Button>
        <p role="status" className="text-sm text-accent-strong">
          {state.kind === "saved" ? `Saved. Your name is now “${state.name}”` : ""}
        </p>
      </div>
    </form>
  );
}
