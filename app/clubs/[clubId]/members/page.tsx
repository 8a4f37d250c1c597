import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MemberLeaveClub } from "@/components/club/member-leave-club";
import { RosterList } from "@/components/club/roster-list";
import type { ClubRole } from "@/lib/permissions";
import { requireUser } from "@/lib/auth";
import { loadRosterPage } from "@/lib/clubs/members";
import { loadOrNotFound } from "@/lib/doors/page";
import { leaveClubAction, removeMemberAction, setMemberRoleAction, transferOwnershipAction } from "./actions";

type Props = { params: Promise<{ clubId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("club.nav");
  return { title: t("members") };
}

/** What the viewer's role lets them do here; members need no explanation. */
const roleHelp: Record<ClubRole, "ownerHelp" | "moderatorHelp" | null> = { owner: "ownerHelp", moderator: "moderatorHelp", member: null };

export default async function MembersPage({ params }: Props) {
  const { clubId } = await params;
  const user = await requireUser(`/clubs/${clubId}/members`);
  const { club, role, members, leave } = await loadOrNotFound(() => loadRosterPage({ clubId, userId: user.id }));
  const t = await getTranslations("club.members");
  const help = roleHelp[role];

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold sm:text-4xl">{club.name}</h1>
      </header>

      <section aria-labelledby="members-heading" className="space-y-4">
        <div className="space-y-1">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <h2 id="members-heading" className="font-serif text-2xl font-semibold">
              {t("heading")}
            </h2>
            <p className="text-sm text-muted">
              {t("count", { count: members.length })}
            </p>
          </div>
          {help ? <p className="text-sm leading-relaxed text-muted">{t(help)}</p> : null}
        </div>
        <RosterList
          clubName={club.name}
          members={members}
          setRole={setMemberRoleAction.bind(null, club.id)}
          transfer={transferOwnershipAction.bind(null, club.id)}
          remove={removeMemberAction.bind(null, club.id)}
        />
      </section>

      <MemberLeaveClub clubName={club.name} blocked={leave.allowed ? null : leave.reason} leave={leaveClubAction.bind(null, club.id)} />
    </div>
  );
}
