"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CopyLink } from "@/components/invite/copy-link";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";

type Feed = { path: string; createdAt: string };

// How to subscribe in the calendar apps people use most, one message each.
const steps = ["google", "outlook", "iphone"] as const;

type Props = {
  feed: Feed | null;
  origin: string;
  createAction: () => Promise<Outcome<Feed>>;
  revokeAction: () => Promise<Outcome<{ revoked: number }>>;
};

/**
 * The member's private feed URL: make one, copy it (https:// and webcal://), and revoke it, which
 * stops the old URL at once. Making a new one also retires the old one.
 */
export function CalendarFeedPanel({ feed, origin, createAction, revokeAction }: Props) {
  const t = useTranslations("meeting.feed");
  const format = useFormatter();
  const router = useRouter();
  const [confirming, setConfirming] = useState<"revoke" | "replace" | null>(null);
  const form = useActionForm((kind: "create" | "revoke"): Promise<Outcome<unknown>> => (kind === "create" ? createAction() : revokeAction()), {
    onSuccess: () => {
      setConfirming(null);
      router.refresh();
    },
  });
  const pending = form.pending ? form.pendingInput : null;
  const error = form.error?.message ?? null;
  const run = form.submit;

  if (!feed) {
    return (
      <div className="space-y-3">
        <p className="leading-relaxed text-muted">
          {t("none")}
        </p>
        {error ? (
          <p role="alert" className="rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger">
            {error}
          </p>
        ) : null}
        <Button onClick={() => run("create")} disabled={pending !== null}>
          {pending === "create" ? t("making") : t("make")}
        </Button>
      </div>
    );
  }

  const httpsUrl = `${origin}${feed.path}`;
  const webcalUrl = httpsUrl.replace(/^https?:\/\//, "webcal://");
  const replacing = confirming === "replace";
  return (
    <>
    <div className="space-y-6">
      <div className="space-y-2">
        <h3 className="text-sm font-medium text-ink">{t("yourLink")}</h3>
        <CopyLink url={httpsUrl} label={t("yourLink")} />
        <p className="text-xs text-muted">{t("madeOn", { date: format.dateTime(new Date(feed.createdAt), { dateStyle: "long", timeZone: "UTC" }) })}</p>
      </div>

      <div className="space-y-2">
        <h3 className="text-sm font-medium text-ink">{t("phoneHeading")}</h3>
        <p className="text-sm leading-relaxed text-muted">
          {t("phoneText")}
        </p>
        <p>
          <a href={webcalUrl} className="break-all text-sm text-accent underline underline-offset-2 hover:text-accent-strong">
            {webcalUrl}
          </a>
        </p>
      </div>

      <div className="space-y-2">
        <h3 className="text-sm font-medium text-ink">{t("elsewhere")}</h3>
        <ul className="list-disc space-y-1.5 pl-5 text-sm leading-relaxed text-muted">
          {steps.map((step) => (
            <li key={step}>{t.rich(step, { b: (chunks) => <span className="text-ink">{chunks}</span> })}</li>
          ))}
        </ul>
        <p className="text-xs text-muted">{t("refresh")}</p>
      </div>

      <div className="flex flex-wrap gap-3 border-t border-line pt-4">
        <Button variant="secondary" onClick={() => setConfirming("replace")} disabled={pending !== null}>
          {t("newLink")}
        </Button>
        <button
          type="button"
          onClick={() => setConfirming("revoke")}
          disabled={pending !== null}
          className="inline-flex items-center justify-center rounded-md border border-danger/30 bg-white px-4 py-2 text-sm font-medium text-danger hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-danger disabled:opacity-60"
        >
          {t("turnOff")}
        </button>
      </div>
    </div>

      <ConfirmDialog
        open={confirming !== null}
        title={replacing ? t("replaceTitle") : t("revokeTitle")}
        description={replacing ? t("replaceText") : t("revokeText")}
        confirmLabel={replacing ? t("replaceConfirm") : t("revokeConfirm")}
        pendingLabel={replacing ? t("replacePending") : t("revokePending")}
        pending={pending !== null}
        error={error}
        onConfirm={() => run(confirming === "replace" ? "create" : "revoke")}
        onCancel={() => {
          form.clearError();
          setConfirming(null);
        }}
      />
    </>
  );
}
