"use client";

import { createContext, useContext } from "react";
import type { ClubRole } from "@/lib/permissions";
import type { ReplyReactionsView } from "@/lib/discussion/reaction-kinds";
import type { MentionableMember } from "@/lib/discussion/mention-syntax";
import type { ReplyView } from "@/lib/discussion/reply-view";
import type { BookShape } from "@/lib/books/points";

export type Viewer = { id: string; role: ClubRole };

/**
 * What every reply in a room needs to know to show the right controls. These only decide what
 * is offered: every action is checked again on the server.
 */
export type DiscussionState = {
  roomId: string;
  viewer: Viewer;
  locked: boolean;
  /** The viewer was removed from the club while the page was open: read-only from then on. */
  revoked: boolean;
  onPosted: (reply: ReplyView) => void;
  onChanged: (reply: ReplyView) => void;
  /** The viewer's own reaction answered by the server: the reply's reactions as they now are. */
  onReactions: (reactions: ReplyReactionsView) => void;
  /** The club's members, offered by the composer after "@". */
  members: readonly MentionableMember[];
  /** The viewer showed a veiled reply (the answer of the reveal door, with its text). */
  onRevealed: (reply: ReplyView) => void;
  /** What the composer's "Spoilers up to" offers: the book's shape and the viewer's progress; null where unknown (no picker). */
  spoilers: { shape: BookShape | null; reached: number } | null;
};

const DiscussionContext = createContext<DiscussionState | null>(null);

export const DiscussionProvider = DiscussionContext.Provider;

export function useDiscussion(): DiscussionState {
  const value = useContext(DiscussionContext);
  if (!value) throw new Error("useDiscussion must be used inside a DiscussionProvider");
  return value;
}
