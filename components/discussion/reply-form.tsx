"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { replyBodyMaxLength } from "@/lib/validation/limits";

type Props = {
  roomId: string;
  parentId: string | null;
  label: string;
  onPosted: (reply: ReplyView) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
};

const draftKey = (roomId: string, parentId: string | null) => `chapterhouse:draft:${roomId}:${parentId ?? "question"}`;

/**
 * Posts a reply. The idempotency key is made once per attempt and kept until the server has
 * answered, so pressing "Post reply" again after a dropped connection can never post twice.
 * The text is kept as a draft in this browser until it is posted.
 */
export function ReplyForm({ roomId, parentId, label, onPosted, onCancel, autoFocus }: Props) {
  const fieldId = useId();
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const pendingKey = useRef<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

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

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!body.trim()) {
      setError("Write something before posting.");
      return;
    }
    pendingKey.current ??= crypto.randomUUID();
    setPending(true);
    setError(null);
    try {
      const response = await fetch(`/api/rooms/${roomId}/replies`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ body, parentId, idempotencyKey: pendingKey.current }),
      });
      const payload = (await response.json().catch(() => null)) as { reply?: ReplyView; error?: { message?: string } } | null;
      if (response.ok && payload?.reply) {
        pendingKey.current = null;
        updateBody("");
        onPosted(payload.reply);
        onCancel?.();
      } else if (response.status >= 400 && response.status < 500) {
        // The server refused it and stored nothing: the next attempt is a new submission.
        pendingKey.current = null;
        setError(payload?.error?.message ?? "This reply couldn't be posted.");
      } else {
        setError("Your reply wasn't posted yet; it's kept here. Try again in a moment.");
      }
    } catch {
      setError("You seem to be offline. Your reply is kept here; post it again when you're back.");
    } finally {
      setPending(false);
    }
  }

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
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) event.currentTarget.form?.requestSubmit();
        }}
        rows={parentId ? 3 : 4}
        maxLength={replyBodyMaxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${fieldId}-help${error ? ` ${fieldId}-error` : ""}`}
        className="block w-full resize-y rounded-md border border-line bg-white px-3 py-2 text-base leading-relaxed text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30"
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${fieldId}-help`} className="text-xs text-muted">
          Markdown works: **bold**, *italic*, &gt; quotes, links.
        </p>
        <div className="flex gap-2">
          {onCancel ? (
            <Button variant="secondary" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" disabled={pending}>
            {pending ? "Posting…" : "Post reply"}
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
