"use client";

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
