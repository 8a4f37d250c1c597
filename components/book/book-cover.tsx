"use client";

import { useEffect, useRef, useState } from "react";

type Size = "sm" | "md" | "lg";

const sizes: Record<Size, string> = {
  sm: "w-12 sm:w-14",
  md: "w-20 sm:w-24",
  lg: "w-24 sm:w-32",
};

/**
 * A book's cover. A link that no longer loads falls back like a book without a cover: to a plain
 * spine with the title's first letter, or to nothing where the page reads fine without one.
 */
export function BookCover({ url, title, size = "md", placeholder = false }: { url: string | null; title: string; size?: Size; placeholder?: boolean }) {
  const [failed, setFailed] = useState(false);
  const image = useRef<HTMLImageElement>(null);
  // A server-rendered image can fail before React attaches onError; catch that case on mount.
  useEffect(() => {
    const element = image.current;
    if (element?.complete && element.naturalWidth === 0) setFailed(true);
  }, []);
  const frame = `${sizes[size]} aspect-[2/3] shrink-0 overflow-hidden rounded-md border border-line shadow-sm`;
  if (url && !failed) {
    return (
      // A plain img, not next/image: covers come from whatever https host a moderator links to.
      <img ref={image} src={url} alt="" loading="lazy" referrerPolicy="no-referrer" onError={() => setFailed(true)} className={`${frame} bg-paper object-cover`} />
    );
  }
  if (!placeholder) return null;
  return (
    <span aria-hidden className={`${frame} flex items-center justify-center bg-accent-soft font-serif text-2xl font-semibold text-accent-strong/70`}>
      {title.trim().charAt(0).toUpperCase()}
    </span>
  );
}
