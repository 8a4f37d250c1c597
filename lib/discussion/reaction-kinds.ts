/**
 * The fixed set of reactions, in the order the picker offers them. Pure and client-safe: the
 * database stores the names (db/schema/discussion.ts reaction_kind, checked equal in
 * lib/discussion/reactions.ts) and every client draws the emoji from here.
 */
export const reactionKinds = ["thumbs_up", "heart", "laugh", "surprised", "sad", "idea"] as const;

export type ReactionKind = (typeof reactionKinds)[number];

/** Each kind's emoji and its name in words (a screen reader's and a tooltip's). */
export const reactionLabels: Record<ReactionKind, { emoji: string; name: string }> = {
  thumbs_up: { emoji: "👍", name: "Thumbs up" },
  heart: { emoji: "❤️", name: "Heart" },
  laugh: { emoji: "😂", name: "Laugh" },
  surprised: { emoji: "😮", name: "Surprised" },
  sad: { emoji: "😢", name: "Sad" },
  idea: { emoji: "💡", name: "Idea" },
};

/** One kind of reaction on a reply: who gave it, first first. Its count is `users.length`. */
export type ReactionView = { kind: ReactionKind; users: { id: string; name: string }[] };

/** A reply's reactions after a change, as the room hears it live. `count` is every kind together. */
export type ReplyReactionsView = { roomId: string; replyId: string; reactions: ReactionView[]; count: number };

/** How many names a tooltip lists before "and N others". */
const namesShown = 8;

/**
 * "Ruth, Kathy and Tommy" for the people who gave one reaction; the viewer reads as "you" and
 * comes first; past eight names, "and 4 others". In: the users in the order they reacted.
 */
function reactorNames(users: readonly { id: string; name: string }[], viewerId: string | null): string {
  const mine = users.filter((user) => user.id === viewerId);
  const names = [...mine.map(() => "you"), ...users.filter((user) => user.id !== viewerId).map((user) => user.name)];
  if (names.length > namesShown) {
    const rest = names.length - (namesShown - 1);
    return `${names.slice(0, namesShown - 1).join(", ")} and ${rest} others`;
  }
  if (names.length <= 1) return capitalize(names[0] ?? "");
  return capitalize(`${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The tooltip of one reaction: "👍 3 — Ruth, Kathy and Tommy". */
export function reactionSummary(reaction: ReactionView, viewerId: string | null): string {
  const { emoji } = reactionLabels[reaction.kind];
  return `${emoji} ${reaction.users.length} — ${reactorNames(reaction.users, viewerId)}`;
}
