"use client";

import { useTranslations } from "next-intl";

/**
 * "3 new replies": what arrived live from others while the viewer was reading, offered rather
 * than jumped to. Pressing it shows the first of them. It sits in the room's bar (in the page's
 * flow, sticky), so it never lies over a reply's text.
 */
export function NewRepliesMarker({ count, onShow }: { count: number; onShow: () => void }) {
  const t = useTranslations("discussion");
  if (count === 0) return null;
  return (
    <button
      type="button"
      onClick={onShow}
      className="shrink-0 rounded-full bg-accent px-3 py-1 text-sm font-medium text-white shadow-sm hover:bg-accent-strong focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
    >
      {t("room.newReplies", { count })}
    </button>
  );
}
