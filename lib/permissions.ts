import type { ClubRole } from "@/db/schema/clubs";

/**
 * Who may do what in a club: the one place that decides. Every page, route handler and socket
 * event asks here, with the caller's role in *that* club (null when not a member).
 */
const matrix = {
  "club:view": ["owner", "moderator", "member"],
  "room:read": ["owner", "moderator", "member"],
  "reply:create": ["owner", "moderator", "member"],
} as const satisfies Record<string, readonly ClubRole[]>;

export type ClubAction = keyof typeof matrix;

export function can(role: ClubRole | null | undefined, action: ClubAction): boolean {
  if (!role) return false;
  return (matrix[action] as readonly ClubRole[]).includes(role);
}

/** The matrix as rows, for documentation and tests. */
export function permissionMatrix(): { action: ClubAction; roles: readonly ClubRole[] }[] {
  return Object.entries(matrix).map(([action, roles]) => ({ action: action as ClubAction, roles }));
}
