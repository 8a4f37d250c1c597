import Link from "next/link";
import type { ClubRole } from "@/db/schema/clubs";
import { can } from "@/lib/permissions";

type Section = "discussion" | "meetings" | "books" | "members" | "invites";

/** The club's sections; moderators also see the ones they manage. */
export function ClubNav({ clubId, role, current }: { clubId: string; role: ClubRole; current: Section }) {
  const links: { section: Section; href: string; label: string; show: boolean }[] = [
    { section: "discussion", href: `/clubs/${clubId}`, label: "Discussion", show: true },
    { section: "meetings", href: `/clubs/${clubId}/meetings`, label: "Meetings", show: can(role, "meeting:view") },
    { section: "books", href: `/clubs/${clubId}/books`, label: "Books", show: true },
    { section: "members", href: `/clubs/${clubId}/members`, label: "Members", show: can(role, "member:view-roster") },
    { section: "invites", href: `/clubs/${clubId}/invites`, label: "Invites", show: can(role, "invite:manage") },
  ];
  return (
    <nav aria-label="Club" className="-mx-1 flex flex-wrap gap-1 border-b border-line pb-2 text-sm">
      {links
        .filter((link) => link.show)
        .map((link) => (
          <Link
            key={link.section}
            href={link.href}
            aria-current={link.section === current ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 ${link.section === current ? "bg-accent-soft font-medium text-accent-strong" : "text-muted hover:bg-white hover:text-ink"}`}
          >
            {link.label}
          </Link>
        ))}
    </nav>
  );
}
