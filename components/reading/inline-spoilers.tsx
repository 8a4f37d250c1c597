"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";

/** Reveals one inline spoiler: its words become readable and are read out instead of the "hidden" label. */
function reveal(element: HTMLElement): void {
  element.setAttribute("aria-expanded", "true");
  element.removeAttribute("aria-label");
}

function spoilerAt(target: EventTarget | null): HTMLElement | null {
  if (!(target instanceof Element)) return null;
  const spoiler = target.closest<HTMLElement>("[data-spoiler]");
  return spoiler?.getAttribute("aria-expanded") === "false" ? spoiler : null;
}

/**
 * Reveals inline spoilers (`||like this||`, rendered by lib/discussion/inline-spoiler.ts) on click,
 * Enter or Space, wherever replies are shown on the page. One delegated listener: replies arrive
 * live and re-render, and the CSP forbids the inline handlers a per-element approach would need.
 * A click on a hidden link inside a spoiler reveals it rather than following the link.
 */
export function InlineSpoilers() {
  const label = useTranslations("discussion")("spoiler.inlineHidden");
  // The label is written into each reply's HTML when it is posted (in English, the same for every
  // reader): a hidden spoiler is relabelled in the reader's language here, also as replies arrive.
  useEffect(() => {
    const relabel = () => {
      for (const element of document.querySelectorAll<HTMLElement>('[data-spoiler][aria-expanded="false"]')) {
        if (element.getAttribute("aria-label") !== label) element.setAttribute("aria-label", label);
      }
    };
    relabel();
    const observer = new MutationObserver(relabel);
    observer.observe(document.body, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [label]);

  useEffect(() => {
    function onClick(event: MouseEvent) {
      const spoiler = spoilerAt(event.target);
      if (!spoiler) return;
      event.preventDefault();
      reveal(spoiler);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Enter" && event.key !== " ") return;
      const spoiler = spoilerAt(event.target);
      if (!spoiler) return;
      event.preventDefault();
      reveal(spoiler);
    }
    document.addEventListener("click", onClick);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("click", onClick);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, []);
  return null;
}
