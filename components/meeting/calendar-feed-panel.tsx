"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { CopyLink } from "@/components/invite/copy-link";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";

type Feed = { path: string; createdAt: string };

type Props = {
  feed: Feed | null;
  origin: string;
  createAction: () => Promise<Outcome<Feed>>;
  revokeAction: () => Promise<Outcome<{ revoked: number }>>;
};

const created = new Intl.DateTimeFormat("en", { dateStyle: "long", timeZone: "UTC" });

/**
 * The member's private feed URL: make one, copy it (https:// and webcal://), and revoke it, which
 * stops the old URL at once. Making a new one also retires the old one.
 */
export function CalendarFeedPanel({ feed, origin, createAction, revokeAction }: Props) {
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
          You don&apos;t have a calendar link yet. Make one and add it to your calendar app once: new meetings, changes and cancellations
          from all your clubs then show up by themselves.
        </p>
        {error ? (
          <p role="alert" className="rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger">
            {error}
          </p>
        ) : null}
        <Button onClick={() => run("create")} disabled={pending !== null}>
          {pending === "create" ? "Making your link…" : "Make my calendar link"}
        </Button>
      </div>
    );
  }

  const httpsUrl = `${origin}${feed.path}`;
  const webcalUrl = httpsUrl.replace(/^https?:\/\//, "webcal://");
  return (
    <>
    <div className="space-y-6">
      <div className="space-y-2">
        <h3 className="text-sm font-medium text-ink">Your calendar link</h3>
        <CopyLink url={httpsUrl} label="Your calendar link" />
        <p className="text-xs text-muted">Made on {created.format(new Date(feed.createdAt))}. Anyone with this link can see your clubs&apos; meeting times, so keep it to yourself.</p>
      </div>

      <div className="space-y-2">
        <h3 className="text-sm font-medium text-ink">On a phone or a Mac</h3>
        <p className="text-sm leading-relaxed text-muted">
          Open this link on the device and it offers to subscribe (Apple Calendar, and most phone calendar apps):
        </p>
        <p>
          <a href={webcalUrl} className="break-all text-sm text-accent underline underline-offset-2 hover:text-accent-strong">
            {webcalUrl}
          </a>
        </p>
      </div>

      <div className="space-y-2">
        <h3 className="text-sm font-medium text-ink">Elsewhere</h3>
        <ul className="list-disc space-y-1.5 pl-5 text-sm leading-relaxed text-muted">
          <li>
            <span className="text-ink">Google Calendar</span> (on a computer): Other calendars, then <span className="text-ink">+</span>, then
            &ldquo;From URL&rdquo;, and paste the link. It appears on your phone too.
          </li>
          <li>
            <span className="text-ink">Outlook</span>: Add calendar, then &ldquo;Subscribe from web&rdquo;, and paste the link.
          </li>
          <li>
            <span className="text-ink">iPhone settings</span>: Settings, Calendar, Accounts, Add Account, Other, &ldquo;Add Subscribed
            Calendar&rdquo;, and paste the link.
          </li>
        </ul>
        <p className="text-xs text-muted">Calendar apps check for changes on their own schedule, from every few minutes to about a day.</p>
      </div>

      <div className="flex flex-wrap gap-3 border-t border-line pt-4">
        <Button variant="secondary" onClick={() => setConfirming("replace")} disabled={pending !== null}>
          Make a new link
        </Button>
        <button
          type="button"
          onClick={() => setConfirming("revoke")}
          disabled={pending !== null}
          className="inline-flex items-center justify-center rounded-md border border-danger/30 bg-white px-4 py-2 text-sm font-medium text-danger hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-danger disabled:opacity-60"
        >
          Turn off this link
        </button>
      </div>
    </div>

      <ConfirmDialog
        open={confirming !== null}
        title={confirming === "replace" ? "Make a new calendar link?" : "Turn off your calendar link?"}
        description={
          confirming === "replace"
            ? "The current link stops working straight away. Calendars subscribed to it stop updating until you add the new link to them."
            : "The link stops working straight away, and calendars subscribed to it stop updating. You can make a new link whenever you like."
        }
        confirmLabel={confirming === "replace" ? "Make a new link" : "Turn it off"}
        pendingLabel={confirming === "replace" ? "Making…" : "Turning off…"}
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
