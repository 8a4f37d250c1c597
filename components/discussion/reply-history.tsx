"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { useDateWords } from "@/components/ui/relative-time";
import { requestJson } from "./request";

type Version = { bodyHtml: string; writtenAt: string; replacedAt: string | null };
type History = { reply: ReplyView; versions: Version[] };

type HistoryKey = "history.current" | "history.original" | "history.edit";

function versionLabel(version: Version, index: number, t: (key: HistoryKey, values?: { number: number }) => string): string {
  if (version.replacedAt === null) return t("history.current");
  return index === 0 ? t("history.original") : t("history.edit", { number: index });
}

/** Every version of a reply, oldest first, for moderators and the reply's author. */
export function ReplyHistory({ replyId, onClose }: { replyId: string; onClose: () => void }) {
  const t = useTranslations("discussion");
  const { dateTime } = useDateWords();
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
        ? t("history.deleted")
        : history.reply.state === "hidden"
          ? t("history.hidden")
          : null
      : null;

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex items-baseline justify-between gap-2">
        <h3 id={headingId} className="font-serif text-base font-semibold">
          {t("history.title")}
        </h3>
        <button type="button" onClick={onClose} className="text-sm text-muted hover:text-ink hover:underline focus-visible:outline-2 focus-visible:outline-accent">
          {t("history.close")}
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : !history ? (
        <p className="text-sm text-muted">{t("history.loading")}</p>
      ) : (
        <ol className="space-y-3">
          {history.versions.map((version, index) => (
            <li key={`${version.writtenAt}-${index}`} className="rounded-md border border-line bg-paper/60 px-3 py-2">
              <p className="text-xs text-muted">
                <span className="font-medium text-ink">{versionLabel(version, index, t)}</span>
                <span aria-hidden> · </span>
                <time dateTime={version.writtenAt} suppressHydrationWarning>
                  {dateTime(version.writtenAt)}
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
