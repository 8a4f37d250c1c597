"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ClubRole } from "@/lib/permissions";
import { can } from "@/lib/permissions";

type Section = { href: string; label: string; show: boolean; exact?: boolean };

/**
 * The club's sections; moderators also see the ones they manage. Rendered once by the club's
 * layout; the current section is worked out from the address, so pages don't pass it.
 */
export function ClubNav({ clubId, role }: { clubId: string; role: ClubRole }) {
  const pathname = usePathname();
  const t = useTranslations("club.nav");
  const base = `/clubs/${clubId}`;
  const sections: Section[] = [
    // Rooms belong to the discussion, so the Discussion tab stays current inside one.
    { href: base, label: t("discussion"), show: true, exact: true },
    { href: `${base}/meetings`, label: t("meetings"), show: can(role, "meeting:view") },
    { href: `${base}/books`, label: t("books"), show: true },
    { href: `${base}/members`, label: t("members"), show: can(role, "member:view-roster") },
    { href: `${base}/invites`, label: t("invites"), show: can(role, "invite:manage") },
  ];
  const isCurrent = (section: Section) =>
    section.exact ? pathname === section.href || pathname.startsWith(`${base}/rooms/`) : pathname === section.href || pathname.startsWith(`${section.href}/`);
  return (
    // One row that scrolls sideways on a phone rather than wrapping a tab onto its own line.
    <nav aria-label={t("label")} className="-mx-1 flex gap-1 overflow-x-auto whitespace-nowrap border-b border-line pb-2 text-sm">
      {sections
        .filter((section) => section.show)
        .map((section) => {
          const current = isCurrent(section);
          return (
            <Link
              key={section.href}
              href={section.href}
              aria-current={current ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 ${current ? "bg-accent-soft font-medium text-accent-strong" : "text-muted hover:bg-white hover:text-ink"}`}
            >
              {section.label}
            </Link>
          );
        })}
    </nav>
  );
}
