"use client";

import { useTranslations } from "next-intl";
import { nameOrFormer } from "@/lib/accounts/former-member";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { excerptFromHtml } from "@/lib/discussion/threads";
import { PinIcon } from "./icons";
import { useVeilLabel } from "./use-veil-label";

/** The room's pinned replies as short links above the threads; following one shows it in its thread. */
export function PinnedReplies({ pinned, onOpen }: { pinned: ReplyView[]; onOpen: (replyId: string) => void }) {
  const t = useTranslations("discussion");
  const formerMember = useTranslations("common")("formerMember");
  const veilLabel = useVeilLabel();
  if (pinned.length === 0) return null;
  return (
    <section aria-labelledby="pinned-heading" className="rounded-lg border border-accent/25 bg-accent-soft/60 px-4 py-3">
      <h3 id="pinned-heading" className="flex items-center gap-1.5 text-xs font-medium uppercase tracking-wider text-accent-strong">
        <PinIcon />
        {t("room.pinned")}
      </h3>
      <ul className="mt-2 space-y-1.5">
        {pinned.map((reply) => (
          <li key={reply.id} className="text-sm leading-snug">
            <a
              href={`#reply-${reply.id}`}
              onClick={(event) => {
                event.preventDefault();
                onOpen(reply.id);
              }}
              className="group block rounded focus-visible:outline-2 focus-visible:outline-accent">
              <span className="font-semibold text-ink">{nameOrFormer(reply.author.name, formerMember)}</span>
              <span className="text-muted">: </span>
              <span className="text-ink group-hover:underline">{reply.veil ? veilLabel(reply.veil) : excerptFromHtml(reply.bodyHtml)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
