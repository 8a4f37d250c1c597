"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ReplyView } from "@/lib/discussion/reply-view";
// Same limit as hideReplyInput in lib/validation/moderation.ts, which the server enforces.
import { hiddenReasonMaxLength } from "@/lib/validation/limits";
import { useDiscussion } from "./discussion-context";
import { requestJson } from "./request";

/** A moderator hides a reply; the reason they give is what members see in its place. */
export function HideReplyForm({ replyId, onDone }: { replyId: string; onDone: () => void }) {
  const t = useTranslations("discussion");
  const { onChanged } = useDiscussion();
  const fieldId = useId();
  const [reason, setReason] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const form = useActionForm(
    (text: string) => requestJson<{ reply: ReplyView }>(`/api/replies/${replyId}/hidden`, { method: "PUT", body: { reason: text } }),
    {
      onSuccess: (data) => {
        onChanged(data.reply);
        onDone();
      },
    },
  );

  useEffect(() => input.current?.focus(), []);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      form.fail({ code: "bad_request", message: t("form.hideEmpty") });
      return;
    }
    form.submit(reason);
  }

  const error = form.error?.message ?? null;
  return (
    <form onSubmit={onSubmit} className="space-y-2" noValidate>
      <label htmlFor={fieldId} className="block text-sm font-medium text-ink">
        {t("form.hideLabel")}
      </label>
      <input
        id={fieldId}
        ref={input}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") onDone();
        }}
        maxLength={hiddenReasonMaxLength}
        placeholder={t("form.hidePlaceholder")}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${fieldId}-help${error ? ` ${fieldId}-error` : ""}`}
        className="block w-full rounded-md border border-line bg-white px-3 py-2 text-base text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30"
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${fieldId}-help`} className="text-xs text-muted">
          {t("form.hideHelp")}
        </p>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={onDone}>
            {t("reply.cancel")}
          </Button>
          <button
            type="submit"
            disabled={form.pending}
            className="inline-flex items-center justify-center rounded-md bg-danger px-4 py-2 text-sm font-medium text-white hover:brightness-110 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-danger disabled:opacity-60"
          >
            {form.pending ? t("form.hiding") : t("form.hideSubmit")}
          </button>
        </div>
      </div>
      {error ? (
        <p id={`${fieldId}-error`} role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </form>
  );
}
