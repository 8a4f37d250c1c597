"use client";

import { useEffect, useId, useState } from "react";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { formatDateTime } from "./edited-marker";
import { requestJson } from "./request";

type Version = { bodyHtml: string; writtenAt: string; replacedAt: string | null };
type History = { reply: ReplyView; versions: Version[] };

function versionLabel(version: Version, index: number): string {
  if (version.replacedAt === null) return "Current version";
  return index === 0 ? "Original" : `Edit ${index}`;
}

/** Every version of a reply, oldest first, for moderators and the reply's author. */
export function ReplyHistory({ replyId, onClose }: { replyId: string; onClose: () => void }) {
  const headingId = useId();
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    void requestJson<History>(`/api/replies/${replyId}/history`).then((result) => {
      if (!active) return;
      if (result.ok) setHistory(result.data);
      else setError(result.error.message);
    });
    return () => {
      active = false;
    };
  }, [replyId]);

  const ending =
    history && history.versions.at(-1)?.replacedAt !== null
      ? history.reply.state === "deleted"
        ? "Deleted by its author."
        : history.reply.state === "hidden"
          ? "The current version is hidden by a moderator."
          : null
      : null;

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex items-baseline justify-between gap-2">
        <h3 id={headingId} className="font-serif text-base font-semibold">
          Edit history
        </h3>
        <button type="button" onClick={onClose} className="text-sm text-muted hover:text-ink hover:underline focus-visible:outline-2 focus-visible:outline-accent">
          Close history
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : !history ? (
        <p className="text-sm text-muted">Loading the earlier versions…</p>
      ) : (
        <ol className="space-y-3">
          {history.versions.map((version, index) => (
            <li key={`${version.writtenAt}-${index}`} className="rounded-md border border-line bg-paper/60 px-3 py-2">
              <p className="text-xs text-muted">
                <span className="font-medium text-ink">{versionLabel(version, index)}</span>
                <span aria-hidden> · </span>
                <time dateTime={version.writtenAt} suppressHydrationWarning>
                  {formatDateTime(version.writtenAt)}
                </time>
              </p>
              {/* Sanitized when it was written, like every reply body. */}
              <div className="reply-body mt-1 text-[0.95rem] text-ink" dangerouslySetInnerHTML={{ __html: version.bodyHtml }} />
            </li>
          ))}
          {ending ? <li className="px-3 text-sm italic text-muted">{ending}</li> : null}
        </ol>
      )}
    </section>
  );
}
