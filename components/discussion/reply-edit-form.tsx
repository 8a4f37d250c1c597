"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { replyBodyMaxLength } from "@/lib/validation/limits";
import { useDiscussion } from "./discussion-context";
import { requestJson } from "./request";
import { SpoilerLevelSelect } from "./spoiler-level-select";

/** Edits a reply in place: loads its Markdown, saves it, and the room sees the change live. */
export function ReplyEditForm({ replyId, level, onDone }: { replyId: string; level: number; onDone: () => void }) {
  const t = useTranslations("discussion");
  const { onChanged } = useDiscussion();
  // Sent only when changed: an unchanged level stays as stored (lib/discussion/replies.ts editReply).
  const [spoilerLevel, setSpoilerLevel] = useState(level);
  const fieldId = useId();
  const [body, setBody] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const form = useActionForm(
    (text: string) => requestJson<{ reply: ReplyView }>(`/api/replies/${replyId}`, { method: "PATCH", body: { body: text, spoilerLevel: spoilerLevel === level ? undefined : spoilerLevel } }),
    {
      onSuccess: (data) => {
        onChanged(data.reply);
        onDone();
      },
    },
  );

  useEffect(() => {
    let active = true;
    void requestJson<{ source: { body: string } | null }>(`/api/replies/${replyId}`).then((result) => {
      if (!active) return;
      if (result.ok && result.data.source) setBody(result.data.source.body);
      else setLoadError(result.ok ? t("form.editGone") : result.error.message);
    });
    return () => {
      active = false;
    };
  }, [replyId, t]);

  const loaded = body !== null;
  useEffect(() => {
    if (!loaded || !textarea.current) return;
    textarea.current.focus();
    textarea.current.setSelectionRange(textarea.current.value.length, textarea.current.value.length);
  }, [loaded]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (body === null) return;
    if (!body.trim()) {
      form.fail({ code: "bad_request", message: t("form.editEmpty") });
      return;
    }
    form.submit(body);
  }

  const error = loadError ?? form.error?.message ?? null;
  return (
    <form onSubmit={onSubmit} className="mt-2 space-y-2" noValidate>
      <label htmlFor={fieldId} className="block text-sm font-medium text-ink">
        {t("form.editLabel")}
      </label>
      {loaded ? (
        <textarea
          id={fieldId}
          ref={textarea}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) event.currentTarget.form?.requestSubmit();
            if (event.key === "Escape") onDone();
          }}
          rows={4}
          maxLength={replyBodyMaxLength}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${fieldId}-help${error ? ` ${fieldId}-error` : ""}`}
          className="block max-h-[60vh] min-h-28 w-full resize-y rounded-md border border-line bg-white px-3 py-2 text-base leading-relaxed text-ink shadow-sm field-sizing-content focus:border-accent focus:outline-2 focus:outline-accent/30"
        />
      ) : (
        <p id={fieldId} className="rounded-md border border-dashed border-line px-3 py-2 text-sm text-muted">
          {loadError ? t("form.loadFailed") : t("form.loadingText")}
        </p>
      )}
      <SpoilerLevelSelect id={`${fieldId}-spoilers`} value={spoilerLevel} onChange={setSpoilerLevel} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${fieldId}-help`} className="text-xs text-muted">
          {t("form.editHelp")}
        </p>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={onDone}>
            {t("reply.cancel")}
          </Button>
          <Button type="submit" disabled={form.pending || !loaded}>
            {form.pending ? t("form.saving") : t("form.save")}
          </Button>
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
