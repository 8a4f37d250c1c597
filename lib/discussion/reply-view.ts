import type { ShownName } from "@/lib/accounts/former-member";
import type { ReactionView } from "./reaction-kinds";
import type { ReplySpoiler } from "./spoilers";

/** A reply as every client renders it: from the page, the API and the live socket alike. */
export type ReplyView = {
  id: string;
  roomId: string;
  parentId: string | null;
  /** The thread it belongs to: its top-level reply's id (its own id when it is one). */
  threadId: string;
  /**
   * The reply this one answers when nesting was capped (lib/discussion/depth.ts): it is shown
   * under `parentId` but says "Replying to" this reply's author. Null otherwise.
   */
  replyTo: { id: string; authorName: ShownName } | null;
  seq: number;
  /** `name` is null for a deleted account: render it with nameOrFormer (lib/accounts/former-member.ts). */
  author: { id: string; name: ShownName };
  /**
   * Empty for a deleted or hidden reply: hidden text never leaves the server in this shape,
   * so it is never broadcast. Moderators fetch it on request.
   */
  bodyHtml: string;
  createdAt: string;
  editedAt: string | null;
  state: "visible" | "deleted" | "hidden";
  hiddenReason: string | null;
  pinned: boolean;
  /** Reactions by kind, only the kinds someone gave; empty for a deleted or hidden reply. */
  reactions: ReactionView[];
  /** Every reaction on it, all kinds together (0 for a deleted or hidden reply): "Most reacted" sorts by it. */
  reactionCount: number;
  /** How far into the book it may spoil ("Spoiler up to …"); null for a reply with no spoilers. */
  spoiler: ReplySpoiler | null;
  /**
   * Set when this reader gets the veil instead of the text (lib/discussion/spoilers.ts): then
   * bodyHtml is "" and the text comes only through the reply fetch or the reveal door.
   */
  veil: ReplySpoiler | null;
};
