"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type CSSProperties } from "react";
import type { ClubRole } from "@/lib/permissions";
import { can } from "@/lib/permissions";

type Section = { href: string; label: string; show: boolean; exact?: boolean };

// How wide the fade is at an edge that has more tabs behind it.
const FADE = "1.5rem";

/** A mask that fades out the edges with tabs hidden behind them, so a phone shows there is more to scroll to. */
function edgeMask(start: boolean, end: boolean): CSSProperties | undefined {
  if (!start && !end) return undefined;
  const image = `linear-gradient(to right, ${start ? `transparent, black ${FADE}` : "black"}, ${end ? `black calc(100% - ${FADE}), transparent` : "black"})`;
  return { maskImage: image, WebkitMaskImage: image };
}

/**
 * The club's sections; moderators also see the ones they manage, and the owner the settings. Rendered once by the club's
 * layout; the current section is worked out from the address, so pages don't pass it.
 */
export function ClubNav({ clubId, role }: { clubId: string; role: ClubRole }) {
  const pathname = usePathname();
  const t = useTranslations("club.nav");
  const nav = useRef<HTMLElement>(null);
  const [edges, setEdges] = useState({ start: false, end: false });
  const base = `/clubs/${clubId}`;
  const sections: Section[] = [
    // Rooms belong to the discussion, so the Discussion tab stays current inside one.
    { href: base, label: t("discussion"), show: true, exact: true },
    { href: `${base}/meetings`, label: t("meetings"), show: can(role, "meeting:view") },
    { href: `${base}/polls`, label: t("polls"), show: true },
    { href: `${base}/books`, label: t("books"), show: true },
    { href: `${base}/members`, label: t("members"), show: can(role, "member:view-roster") },
    { href: `${base}/invites`, label: t("invites"), show: can(role, "invite:manage") },
    // The owner's own: the club's name, language and export (app/clubs/[clubId]/settings).
    { href: `${base}/settings`, label: t("settings"), show: can(role, "club:edit") },
  ];
  const isCurrent = (section: Section) =>
    section.exact ? pathname === section.href || pathname.startsWith(`${base}/rooms/`) : pathname === section.href || pathname.startsWith(`${section.href}/`);

  const measure = useCallback(() => {
    const element = nav.current;
    if (!element) return;
    setEdges({ start: element.scrollLeft > 1, end: element.scrollLeft + element.clientWidth < element.scrollWidth - 1 });
  }, []);

  // Should the row be wider than its column (from sm up; Spanish labels are longer): bring the
  // current tab into view, moving the row only, never the page.
  useEffect(() => {
    const element = nav.current;
    const current = element?.querySelector<HTMLElement>('[aria-current="page"]');
    if (element && current) {
      const right = current.offsetLeft + current.offsetWidth;
      if (right > element.scrollLeft + element.clientWidth) element.scrollLeft = right - element.clientWidth + 24;
      else if (current.offsetLeft < element.scrollLeft) element.scrollLeft = Math.max(0, current.offsetLeft - 24);
    }
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [pathname, measure]);

  return (
    // On a phone the tabs wrap onto a second row rather than scroll: a scrolled-away tab
    // ("Invitaciones" at 390 px) was found by nobody in review, faded edge or not. From sm up
    // they fit one row; should they not, the row scrolls and a faded edge says more are there.
    <div className="-mx-1 border-b border-line">
      <nav
        ref={nav}
        aria-label={t("label")}
        onScroll={measure}
        style={edgeMask(edges.start, edges.end)}
        className="relative flex flex-wrap gap-x-0 gap-y-1 whitespace-nowrap pb-2 text-sm [scrollbar-width:none] sm:flex-nowrap sm:gap-1 sm:overflow-x-auto"
      >
        {sections
          .filter((section) => section.show)
          .map((section) => {
            const current = isCurrent(section);
            return (
              <Link
                key={section.href}
                href={section.href}
                aria-current={current ? "page" : undefined}
                className={`shrink-0 rounded-md px-2 py-1.5 sm:px-3 ${current ? "bg-accent-soft font-medium text-accent-strong" : "text-muted hover:bg-white hover:text-ink"}`}
              >
                {section.label}
              </Link>
            );
          })}
      </nav>
    </div>
  );
}
