import { useTranslations } from "next-intl";
import type { ClubRole } from "@/lib/permissions";

const tones: Record<ClubRole, string> = {
  owner: "border-accent/30 bg-accent-soft text-accent-strong",
  moderator: "border-amber-300/70 bg-amber-50 text-amber-900",
  member: "border-line bg-paper text-muted",
};

export function MemberRoleBadge({ role }: { role: ClubRole }) {
  const t = useTranslations("club.roles");
  return <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium ${tones[role]}`}>{t(role)}</span>;
}
