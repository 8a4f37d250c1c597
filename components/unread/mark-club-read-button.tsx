"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/form-alert";
import { useActionForm } from "@/components/ui/use-action-form";
import type { Outcome } from "@/lib/doors/outcome";
import { useUnreadContext } from "./unread-live";

type Props = { markRead: (clubId: string) => Promise<Outcome<{ rooms: number }>> };

/** "Mark all as read" for the club: shown while something in it is unread. */
export function MarkClubReadButton({ markRead }: Props) {
  const t = useTranslations("common");
  const { unread, set } = useUnreadContext();
  const form = useActionForm(markRead, { onSuccess: () => set({ clubId: unread.clubId, total: 0, rooms: {} }) });
  if (unread.total === 0 && !form.error) return null;
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <Button variant="quiet" onClick={() => form.submit(unread.clubId)} disabled={form.pending}>
        {form.pending ? t("marking") : t("markAllRead")}
      </Button>
      <FormAlert error={form.error} />
    </div>
  );
}
