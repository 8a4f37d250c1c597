import type { ClubRole } from "@/lib/permissions";

const labels: Record<ClubRole, string> = { owner: "Owner", moderator: "Moderator", member: "Member" };

const tones: Record<ClubRole, string> = {
  owner: "border-accent/30 bg-accent-soft text-accent-strong",
  moderator: "border-amber-300/70 bg-amber-50 text-amber-900",
  member: "border-line bg-paper text-muted",
};

export function MemberRoleBadge({ role }: { role: ClubRole }) {
  return (
    <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium ${tones[role]}`}>{labels[role]}</span>
  );
}
