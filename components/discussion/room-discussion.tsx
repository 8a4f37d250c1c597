"use client";

import { useCallback, useMemo, useState } from "react";
import type { MentionableMember } from "@/lib/discussion/mention-syntax";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { buildThreadTree, type ThreadSort } from "@/lib/discussion/threads";
import { can, canPostInRoom } from "@/lib/permissions";
import { ConnectionStatus } from "./connection-status";
import { DiscussionProvider, type DiscussionState, type Viewer } from "./discussion-context";
import { LockRoomControl } from "./lock-room-control";
import { NewRepliesMarker } from "./new-replies-marker";
import { PinnedReplies } from "./pinned-replies";
import { ReplyForm } from "./reply-form";
import { RoomNotice } from "./room-notice";
import { SortControl } from "./sort-control";
import { ThreadList } from "./thread-list";
import { useReplyDeepLink } from "./use-reply-deep-link";
import { useRoomLive } from "./use-room-live";
import { useRoomLock } from "./use-room-lock";
import { useThreadPaging } from "./use-thread-paging";

type Props = {
  roomId: string;
  clubId: string;
  viewer: Viewer;
  initialReplies: ReplyView[];
  initialLocked: boolean;
  /** The club's members for @mentions (none: the composer offers nobody, typed mentions still work). */
  members?: readonly MentionableMember[];
};

/**
 * A room's threaded replies, kept live: new replies appear under their parent, edits, deletes,
 * pins and hides replace a reply in place, and a lock switches the forms off at once. This file
 * lays the room out; the live state, paging, lock and each control have their own modules.
 */
const noMembers: readonly MentionableMember[] = [];

export function RoomDiscussion({ roomId, clubId, viewer, initialReplies, initialLocked, members = noMembers }: Props) {
  const live = useRoomLive({ roomId, clubId, initialReplies, initialLocked });
  const { replies, locked, revoked, arrived, clearArrived, addOwnReply, changeReply } = live;
  const [sort, setSort] = useState<ThreadSort>("oldest");
  const tree = useMemo(() => buildThreadTree(replies, sort), [replies, sort]);
  const { visibleTree, hiddenThreads, reveal, showMore, showOneMore } = useThreadPaging(tree);
  const lock = useRoomLock(roomId, live.applyRoomState);
  // A notification's link names a reply: open the room at it.
  useReplyDeepLink(replies, reveal);

  const pinned = useMemo(() => replies.filter((reply) => reply.pinned), [replies]);
  const arrivedIds = useMemo(() => new Set(arrived), [arrived]);
  const onPosted = useCallback((reply: ReplyView) => {
    addOwnReply(reply);
    // Your own new thread may land past the threads shown: show it.
    if (reply.parentId === null) showOneMore();
  }, [addOwnReply, showOneMore]);
  const discussion = useMemo<DiscussionState>(
    () => ({ roomId, viewer, locked, revoked, onPosted, onChanged: changeReply, members }),
    [roomId, viewer, locked, revoked, onPosted, changeReply, members],
  );

  const mayPost = !revoked && canPostInRoom(viewer.role, { locked });
  const mayLock = !revoked && can(viewer.role, "room:lock");

  function showArrived() {
    const first = arrived[0];
    if (first) reveal(first);
    clearArrived();
  }

  return (
    <DiscussionProvider value={discussion}>
      <section aria-labelledby="replies-heading" className="space-y-6">
        <RoomNotice revoked={revoked} locked={locked} mayPost={mayPost} lock={mayLock ? lock : null} />

        {mayPost ? (
          <div className="rounded-lg border border-line bg-white p-4 shadow-sm">
            <ReplyForm roomId={roomId} parentId={null} label="Your answer" onPosted={onPosted} />
          </div>
        ) : null}

        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="replies-heading" className="font-serif text-xl font-semibold">
            {replies.length === 0 ? "No replies yet" : `${replies.length} ${replies.length === 1 ? "reply" : "replies"}`}
          </h2>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            <ConnectionStatus connection={live.connection} />
            <SortControl value={sort} onChange={setSort} />
            {mayLock ? <LockRoomControl lock={lock} showButton={!locked} /> : null}
          </div>
        </div>

        <PinnedReplies pinned={pinned} onOpen={reveal} />

        {replies.length === 0 ? (
          <p className="text-muted">
            {mayPost ? "Be the first to answer. Others will see your reply as soon as you post it." : "Nobody answered this question before it was locked."}
          </p>
        ) : (
          <ThreadList visibleTree={visibleTree} hiddenThreads={hiddenThreads} arrivedIds={arrivedIds} onShowMore={showMore} />
        )}

        <NewRepliesMarker count={arrived.length} onShow={showArrived} />
      </section>
    </DiscussionProvider>
  );
}
