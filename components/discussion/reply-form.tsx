"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ReplyView } from "@/lib/discussion/reply-view";
import type { WireError } from "@/lib/doors/outcome";
import { replyBodyMaxLength } from "@/lib/validation/limits";
import { useDiscussion } from "./discussion-context";
import { requestJson } from "./request";
import { SpoilerLevelSelect } from "./spoiler-level-select";
import { useMentionPicker } from "./use-mention-picker";

type Props = {
  roomId: string;
  parentId: string | null;
  label: string;
  onPosted: (reply: ReplyView) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
};

/** The server's words for a refusal; after a drop or a server error, that the text is safe here. */
function failureMessage(error: WireError, t: (key: "form.offline" | "form.notPosted") => string): string {
  if (error.code === "offline") return t("form.offline");
  if (error.code === "internal") return t("form.notPosted");
  return error.message;
}

const draftKey = (roomId: string, parentId: string | null) => `chapterhouse:draft:${roomId}:${parentId ?? "question"}`;

/**
 * Posts a reply. The idempotency key is made once per attempt and kept until the server has
 * answered, so pressing "Post reply" again after a dropped connection can never post twice.
 * The text is kept as a draft in this browser until it is posted.
 */
export function ReplyForm({ roomId, parentId, label, onPosted, onCancel, autoFocus }: Props) {
  const t = useTranslations("discussion");
  const fieldId = useId();
  const [body, setBody] = useState("");
  const pendingKey = useRef<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const { members, viewer, spoilers } = useDiscussion();
  // "Spoilers up to": the viewer's own progress unless they choose less (the server clamps it too).
  const [spoilerLevel, setSpoilerLevel] = useState<number | null>(null);
  const chosenLevel = spoilers ? Math.min(spoilerLevel ?? spoilers.reached, spoilers.reached) : null;
  const form = useActionForm(
    ({ text, idempotencyKey, level }: { text: string; idempotencyKey: string; level: number | null }) =>
      requestJson<{ reply: ReplyView }>(`/api/rooms/${roomId}/replies`, { method: "POST", body: { body: text, parentId, idempotencyKey, spoilerLevel: level } }),
    {
      onSuccess: (data) => {
        pendingKey.current = null;
        updateBody("");
        onPosted(data.reply);
        onCancel?.();
      },
      onFailure: (error) => {
        // A refusal stored nothing: the next attempt is a new submission. After a drop or a server
        // error it may have been stored, and only the same key again is sure not to post twice.
        if (error.code !== "offline" && error.code !== "internal") pendingKey.current = null;
      },
    },
  );

  useEffect(() => {
    const saved = window.localStorage.getItem(draftKey(roomId, parentId));
    if (saved) setBody(saved);
  }, [roomId, parentId]);

  useEffect(() => {
    if (autoFocus) textarea.current?.focus();
  }, [autoFocus]);

  function updateBody(value: string) {
    setBody(value);
    const key = draftKey(roomId, parentId);
    if (value.trim()) window.localStorage.setItem(key, value);
    else window.localStorage.removeItem(key);
  }

  const picker = useMentionPicker({ members, viewerId: viewer.id, textarea, body, setBody: updateBody });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!body.trim()) {
      form.fail({ code: "bad_request", message: t("form.empty") });
      return;
    }
    pendingKey.current ??= crypto.randomUUID();
    form.submit({ text: body, idempotencyKey: pendingKey.current, level: chosenLevel });
  }

  const error = form.error ? { ...form.error, message: failureMessage(form.error, t) } : null;
  return (
    <form onSubmit={onSubmit} className="space-y-2" noValidate>
      <label htmlFor={fieldId} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <textarea
        id={fieldId}
        ref={textarea}
        value={body}
        onChange={(event) => updateBody(event.target.value)}
        {...picker.fieldProps}
        onKeyDown={(event) => {
          if (picker.onKeyDown(event)) return;
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) event.currentTarget.form?.requestSubmit();
        }}
        rows={parentId ? 3 : 4}
        maxLength={replyBodyMaxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${fieldId}-help${error ? ` ${fieldId}-error` : ""}`}
        className="block w-full resize-y rounded-md border border-line bg-white px-3 py-2 text-base leading-relaxed text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30"
      />
      {picker.list}
      {chosenLevel === null ? null : <SpoilerLevelSelect id={`${fieldId}-spoilers`} value={chosenLevel} onChange={setSpoilerLevel} />}
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${fieldId}-help`} className="text-xs text-muted">
          {t("form.help")}
        </p>
        <div className="flex gap-2">
          {onCancel ? (
            <Button variant="secondary" onClick={onCancel}>
              {t("reply.cancel")}
            </Button>
          ) : null}
          <Button type="submit" disabled={form.pending}>
            {form.pending ? t("form.posting") : t("form.post")}
          </Button>
        </div>
      </div>
      <FormAlert id={`${fieldId}-error`} look="line" error={error} />
    </form>
  );
}
