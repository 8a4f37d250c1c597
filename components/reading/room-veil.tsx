"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";

/**
 * What a veiled room shows instead of its discussion: how far the room reaches, and a deliberate
 * way in. The replies are not on the page at all; lifting asks the server, which remembers the
 * choice, and the page then reloads with the discussion.
 */
export function RoomVeil({ reach, progress, lift }: { reach: string; progress: string; lift: () => Promise<Outcome<null>> }) {
  const t = useTranslations("discussion");
  const router = useRouter();
  const lifted = useRef(false);
  const form = useActionForm(lift, {
    onSuccess: () => {
      lifted.current = true;
      router.refresh();
    },
  });
  // The button that had focus goes with the veil: focus moves to the room's title (the page's
  // #room-title), where the discussion now starts, rather than falling to the page.
  useEffect(
    () => () => {
      if (!lifted.current) return;
      requestAnimationFrame(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        document.getElementById("room-title")?.focus();
      });
    },
    [],
  );
  return (
    <section aria-labelledby="veil-heading" className="space-y-3 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
      <h2 id="veil-heading" className="font-serif text-xl font-semibold">
        {t("reading.veilTitle")}
      </h2>
      <p className="text-muted">
        {t("reading.veilText", { reach, progress })}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => form.submit(undefined)} disabled={form.pending}>
          {form.pending ? t("reading.veilOpening") : t("reading.veilLift")}
        </Button>
      </div>
      <FormAlert error={form.error} look="line" />
    </section>
  );
}
