"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { Outcome } from "@/lib/doors/outcome";

/** Makes a past book the club's current one; the page refreshes from the server action's revalidation. */
export function SetCurrentBookButton({ action }: { action: () => Promise<Outcome<null>> }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onClick() {
    setPending(true);
    setError(null);
    try {
      const result = await action();
      if (!result.ok) setError(result.error.message);
    } catch {
      setError("We couldn't reach Chapterhouse. Check your connection and try again.");
    }
    setPending(false);
  }

  return (
    <div className="space-y-2">
      <Button variant="secondary" onClick={onClick} disabled={pending} aria-describedby={error ? "set-current-error" : undefined}>
        {pending ? "Switching…" : "Make this the current book"}
      </Button>
      {error ? (
        <p id="set-current-error" role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
