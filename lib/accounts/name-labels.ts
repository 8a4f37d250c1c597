import "server-only";
import { listClubMembers } from "@/db/queries/members";
import { displayNameKey } from "@/lib/validation/display-name";

/**
 * How each member of one club is shown: their name, or, when two members' names match once
 * normalized, case-folded and stripped of invisible characters (lib/validation/display-name.ts
 * displayNameKey), the name with a number: the member who joined first keeps the plain name, the
 * next is "Kathy (2)", and so on. Stable while the members stay, calm, and it reveals nothing
 * (an email's first letters would). Components only render what this gives them.
 *
 * In: the club's members with when they joined. Out: user id → the label to show.
 */
export function distinctMemberNames(members: readonly { id: string; name: string; joinedAt: Date }[]): Map<string, string> {
  const labels = new Map<string, string>();
  const taken = new Set(members.map((member) => displayNameKey(member.name)));
  const groups = new Map<string, { id: string; name: string; joinedAt: Date }[]>();
  for (const member of members) {
    const key = displayNameKey(member.name);
    groups.set(key, [...(groups.get(key) ?? []), member]);
  }
  for (const group of groups.values()) {
    const ordered = [...group].sort((a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || (a.id < b.id ? -1 : 1));
    let next = 2;
    ordered.forEach((member, index) => {
      if (index === 0) {
        labels.set(member.id, member.name);
        return;
      }
      // Skip a number that would read as another member's own name ("Kathy (2)" typed as a name).
      let label = `${member.name} (${next++})`;
      while (taken.has(displayNameKey(label))) label = `${member.name} (${next++})`;
      taken.add(displayNameKey(label));
      labels.set(member.id, label);
    });
  }
  return labels;
}

/** A club's member id → label map (see distinctMemberNames); people no longer members keep their stored name. */
export type ClubNames = ReadonlyMap<string, string>;

/** The labels of one club's current members, read from the database. */
export async function loadClubNames(clubId: string): Promise<ClubNames> {
  return distinctMemberNames(await listClubMembers({ clubId }));
}
