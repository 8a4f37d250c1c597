import type { ReactionView } from "./reaction-kinds";

/** A reply as every client renders it: from the page, the API and the live socket alike. */
export type ReplyView = {
  id: string;
  roomId: string;
  parentId: string | null;
  /**
   * The reply this one answers when nesting was capped (lib/discussion/depth.ts): it is shown
   * under `parentId` but says "Replying to" this reply's author. Null otherwise.
   */
  replyTo: { id: string; authorName: string } | null;
  seq: number;
  author: { id: string; name: string };
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
};
