"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { Outcome } from "@/lib/doors/outcome";

type Props = {
  clubName: string;
  /** Redirects to the club on success, so only a failure comes back. */
  join: () => Promise<Outcome<{ clubId: string }>>;
};

export function JoinClubButton({ clubName, join }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onJoin() {
    setError(null);
    startTransition(async () => {
      try {
        const result = await join();
        if (result && !result.ok) setError(result.error.message);
      } catch {
        setError("We couldn't reach Chapterhouse. Check your connection and try again.");
      }
    });
  }

  return (
    <div className="space-y-3">
      <Button onClick={onJoin} disabled={pending} className="w-full px-5 py-2.5 text-base sm:w-auto">
        {pending ? "Joining…" : `Join ${clubName}`}
      </Button>
      {error ? (
        <p role="alert" className="rounded-md border border-danger/30 bg-red-50 px-3 py-2 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
