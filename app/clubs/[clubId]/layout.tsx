import type { ReactNode } from "react";
import { ClubNav } from "@/components/club/club-nav";
import { ClubSearchBox } from "@/components/search/club-search-box";
import { getCurrentUser } from "@/lib/auth";
import { loadClubFrame } from "@/lib/clubs/clubs";
import { loadOrNotFound } from "@/lib/doors/page";

type Props = { children: ReactNode; params: Promise<{ clubId: string }> };

/**
 * Every page of one club: membership is resolved once here for the club's sections; a stranger
 * gets the not-found page. Each page still asks its own door for its data, so no page relies on
 * this check. A signed-out visitor gets the page alone, which sends them to sign in with the
 * right return address (the layout does not know the full path).
 */
export default async function ClubLayout({ children, params }: Props) {
  const { clubId } = await params;
  const user = await getCurrentUser();
  if (!user) return children;
  const { club, role } = await loadOrNotFound(() => loadClubFrame({ clubId, userId: user.id }));
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <ClubSearchBox clubId={club.id} />
        <ClubNav clubId={club.id} role={role} />
      </div>
      {children}
    </div>
  );
}
