"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * A link shown in full (wrapping on a phone rather than hiding the token) with a button that
 * copies it. Without clipboard access the text is selected instead, for a manual copy.
 */
export function CopyLink({ url, label }: { url: string; label: string }) {
  const t = useTranslations("invite.copy");
  const id = useId();
  const text = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(null), 3000);
    return () => clearTimeout(timer);
  }, [copied]);

  function selectText() {
    const node = text.current;
    const selection = window.getSelection();
    if (!node || !selection) return;
    const range = document.createRange();
    range.selectNodeContents(node);
    selection.removeAllRanges();
    selection.addRange(range);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      selectText();
      setCopied("failed");
    }
  }

  return (
    <div className="space-y-1">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <span className="sr-only">{t("srLabel", { label })}</span>
        <code
          ref={text}
          id={id}
          className="block min-w-0 flex-1 rounded-md border border-line bg-paper px-3 py-2 font-mono text-sm leading-relaxed break-all text-ink select-all"
        >
          {url}
        </code>
        <Button variant="secondary" onClick={copy} aria-describedby={id} className="shrink-0 self-start">
          {copied === "yes" ? t("copied") : t("copy")}
        </Button>
      </div>
      <p aria-live="polite" className="text-xs text-muted empty:hidden">
        {copied === "yes" ? t("done") : copied === "failed" ? t("failed") : ""}
      </p>
    </div>
  );
}
