"use client";

import { useState } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ReplyView } from "@/lib/reply-view";
import { countDescendants, type ThreadNode } from "@/lib/threads";
import { ReplyForm } from "./reply-form";

// Deeper replies stop indenting (a phone has no room for more) but still say whom they answer.
export const maxIndentDepth = 5;

type Shared = {
  roomId: string;
  arrivedIds: ReadonlySet<string>;
  onPosted: (reply: ReplyView) => void;
};

export function ReplyList({ nodes, parentName, ...shared }: Shared & { nodes: ThreadNode<ReplyView>[]; parentName?: string }) {
  return (
    <ol className="space-y-4">
      {nodes.map((node) => (
        <ReplyItem key={node.item.id} node={node} parentName={parentName} {...shared} />
      ))}
    </ol>
  );
}

function ReplyItem({ node, parentName, ...shared }: Shared & { node: ThreadNode<ReplyView>; parentName?: string }) {
  const reply = node.item;
  const [collapsed, setCollapsed] = useState(false);
  const [replying, setReplying] = useState(false);
  const hidden = countDescendants(node);
  const nested = node.depth + 1 < maxIndentDepth;
  const showParentHint = parentName !== undefined && node.depth >= maxIndentDepth;

  return (
    <li id={`reply-${reply.id}`} data-reply-id={reply.id} data-parent-id={reply.parentId ?? ""} className="scroll-mt-24">
      <article
        aria-label={`Reply by ${reply.author.name}`}
        className={`rounded-lg border border-line bg-white px-4 py-3 shadow-sm ${shared.arrivedIds.has(reply.id) ? "reply-arrived" : ""}`}
      >
        <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <span className="font-semibold text-ink">{reply.author.name}</span>
          {showParentHint ? <span className="text-muted">replying to {parentName}</span> : null}
          <span aria-hidden className="text-muted">
            ·
          </span>
          <RelativeTime iso={reply.createdAt} className="text-muted" />
        </header>
        <div className="reply-body mt-1.5 text-[0.975rem] text-ink" dangerouslySetInnerHTML={{ __html: reply.bodyHtml }} />
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <button
            type="button"
            onClick={() => setReplying((value) => !value)}
            aria-expanded={replying}
            className="font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent"
          >
            Reply
          </button>
          {hidden > 0 ? (
            <button
              type="button"
              onClick={() => setCollapsed((value) => !value)}
              aria-expanded={!collapsed}
              className="text-muted hover:text-ink hover:underline focus-visible:outline-2 focus-visible:outline-accent"
            >
              {collapsed ? `Show ${hidden} ${hidden === 1 ? "reply" : "replies"}` : "Collapse thread"}
            </button>
          ) : null}
        </div>
        {replying ? (
          <div className="mt-3 border-t border-line pt-3">
            <ReplyForm
              roomId={shared.roomId}
              parentId={reply.id}
              label={`Your reply to ${reply.author.name}`}
              onPosted={shared.onPosted}
              onCancel={() => setReplying(false)}
              autoFocus
            />
          </div>
        ) : null}
      </article>
      {node.children.length > 0 && !collapsed ? (
        <div className={nested ? "mt-3 ml-3 border-l-2 border-line pl-3 sm:ml-5 sm:pl-4" : "mt-3"}>
          <ReplyList nodes={node.children} parentName={reply.author.name} {...shared} />
        </div>
      ) : null}
    </li>
  );
}
