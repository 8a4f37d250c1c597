/**
 * The fixed set of reactions, in the order the picker offers them. Pure and client-safe: the
 * database stores the names (db/schema/discussion.ts reaction_kind, checked equal in
 * lib/discussion/reactions.ts) and every client draws the emoji from here.
 */
export const reactionKinds = ["thumbs_up", "heart", "laugh", "surprised", "sad", "idea"] as const;

export type ReactionKind = (typeof reactionKinds)[number];

/** Each kind's emoji. Its name in words (a screen reader's and a tooltip's) is a message: `discussion.reactions.<kind>`. */
export const reactionEmoji: Record<ReactionKind, string> = {
  thumbs_up: "👍",
  heart: "❤️",
  laugh: "😂",
  surprised: "😮",
  sad: "😢",
  idea: "💡",
};

/** One kind of reaction on a reply: who gave it, first first. Its count is `users.length`. */
export type ReactionView = { kind: ReactionKind; users: { id: string; name: string }[] };

/** A reply's reactions after a change, as the room hears it live. `count` is every kind together. */
export type ReplyReactionsView = { roomId: string; replyId: string; reactions: ReactionView[]; count: number };

/** How many names a tooltip lists before "and N others". */
const namesShown = 8;

/** The words a summary is made of, in the reader's language (the room passes its messages and Intl list formatting). */
export type ReactorWords = {
  /** The viewer, lower case ("you", "tú"). */
  you: string;
  /** "4 others" past the names shown. */
  others: (count: number) => string;
  /** "Ruth, Kathy and Tommy". */
  list: (names: string[]) => string;
};

/** English, as the unit tests and any caller without a reader's language read it. */
const englishWords: ReactorWords = {
  you: "you",
  others: (count) => `${count} ${count === 1 ? "other" : "others"}`,
  list: (names) => (names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`),
};

/**
 * "Ruth, Kathy and Tommy" for the people who gave one reaction; the viewer reads as "you" and
 * comes first; past eight names, "and 4 others". In: the users in the order they reacted.
 */
function reactorNames(users: readonly { id: string; name: string }[], viewerId: string | null, words: ReactorWords): string {
  const mine = users.filter((user) => user.id === viewerId);
  const names = [...mine.map(() => words.you), ...users.filter((user) => user.id !== viewerId).map((user) => user.name)];
  if (names.length > namesShown) {
    const rest = names.length - (namesShown - 1);
    return capitalize(words.list([...names.slice(0, namesShown - 1), words.others(rest)]));
  }
  return capitalize(words.list(names));
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The tooltip of one reaction: "👍 3 — Ruth, Kathy and Tommy". */
export function reactionSummary(reaction: ReactionView, viewerId: string | null, words: ReactorWords = englishWords): string {
  return `${reactionEmoji[reaction.kind]} ${reaction.users.length} — ${reactorNames(reaction.users, viewerId, words)}`;
}
