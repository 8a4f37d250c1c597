"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { Outcome } from "@/lib/doors/outcome";

type Props = {
  upTo: string | null;
  markAllRead: (input: { upTo: string | null }) => Promise<Outcome<{ marked: number }>>;
  /** The page's status line, which keeps keyboard focus once this button is no longer needed. */
  statusId: string;
};

export function MarkAllReadButton({ upTo, markAllRead, statusId }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onClick() {
    setError(null);
    startTransition(async () => {
      try {
        const result = await markAllRead({ upTo });
        if (result.ok) document.getElementById(statusId)?.focus();
        else setError(result.error.message);
      } catch {
        setError("We couldn't reach Chapterhouse. Check your connection and try again.");
      }
    });
  }

  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <Button variant="secondary" onClick={onClick} disabled={pending}>
        {pending ? "Marking…" : "Mark all as read"}
      </Button>
      {error ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
