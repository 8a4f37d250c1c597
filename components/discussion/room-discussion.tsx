"use client";

import { useCallback, useMemo, useState, type FocusEvent, type FormEvent } from "react";
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
import { HereNow, TypingLine } from "./room-presence";
import { SortControl } from "./sort-control";
import { ThreadList } from "./thread-list";
import { useRoomLive } from "./use-room-live";
import { useRoomLock } from "./use-room-lock";
import { useRoomPresence } from "./use-room-presence";
import { useThreadPaging } from "./use-thread-paging";

type Props = {
  roomId: string;
  clubId: string;
  viewer: Viewer;
  initialReplies: ReplyView[];
  initialLocked: boolean;
  /** "Here now" beside the live status; off where the page already shows who is here (the live meeting). */
  showHereNow?: boolean;
};

/**
 * A room's threaded replies, kept live: new replies appear under their parent, edits, deletes,
 * pins and hides replace a reply in place, and a lock switches the forms off at once. This file
 * lays the room out; the live state, paging, lock and each control have their own modules.
 */
export function RoomDiscussion({ roomId, clubId, viewer, initialReplies, initialLocked, showHereNow = true }: Props) {
  const live = useRoomLive({ roomId, clubId, initialReplies, initialLocked });
  const { replies, locked, revoked, arrived, clearArrived, addOwnReply, changeReply, applyReactions } = live;
  const [sort, setSort] = useState<ThreadSort>("oldest");
  const tree = useMemo(() => buildThreadTree(replies, sort), [replies, sort]);
  const { visibleTree, hiddenThreads, reveal, showMore, showOneMore } = useThreadPaging(tree);
  const lock = useRoomLock(roomId, live.applyRoomState);
  const presence = useRoomPresence({ roomId, clubId, viewerId: viewer.id });

  const pinned = useMemo(() => replies.filter((reply) => reply.pinned), [replies]);
  const arrivedIds = useMemo(() => new Set(arrived), [arrived]);
  const onPosted = useCallback((reply: ReplyView) => {
    addOwnReply(reply);
    // Your own new thread may land past the threads shown: show it.
    if (reply.parentId === null) showOneMore();
  }, [addOwnReply, showOneMore]);
  const discussion = useMemo<DiscussionState>(
    () => ({ roomId, viewer, locked, revoked, onPosted, onChanged: changeReply, onReactions: applyReactions }),
    [roomId, viewer, locked, revoked, onPosted, changeReply, applyReactions],
  );

  const mayPost = !revoked && canPostInRoom(viewer.role, { locked });
  const mayLock = !revoked && can(viewer.role, "room:lock");

  // Typing is noticed for every composer in the room at once (the answer form, each reply form):
  // a keystroke in a text box says "typing", emptying it, posting or leaving it says "stopped".
  function onComposerInput(event: FormEvent<HTMLElement>) {
    const field = event.target;
    if (!(field instanceof HTMLTextAreaElement)) return;
    if (field.value.trim() === "") presence.onStoppedTyping();
    else presence.onTyping();
  }
  function onComposerBlur(event: FocusEvent<HTMLElement>) {
    if (event.target instanceof HTMLTextAreaElement) presence.onStoppedTyping();
  }

  function showArrived() {
    const first = arrived[0];
    if (first) reveal(first);
    clearArrived();
  }

  return (
    <DiscussionProvider value={discussion}>
      <section aria-labelledby="replies-heading" className="space-y-6" onInput={onComposerInput} onSubmit={presence.onStoppedTyping} onBlur={onComposerBlur}>
        <RoomNotice revoked={revoked} locked={locked} mayPost={mayPost} lock={mayLock ? lock : null} />

        <div className="space-y-1.5">
          {mayPost ? (
            <div className="rounded-lg border border-line bg-white p-4 shadow-sm">
              <ReplyForm roomId={roomId} parentId={null} label="Your answer" onPosted={onPosted} />
            </div>
          ) : null}
          {revoked ? null : <TypingLine typing={presence.typing} />}
        </div>

        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="replies-heading" className="font-serif text-xl font-semibold">
            {replies.length === 0 ? "No replies yet" : `${replies.length} ${replies.length === 1 ? "reply" : "replies"}`}
          </h2>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            {revoked || !showHereNow ? null : <HereNow present={presence.present} viewerId={viewer.id} />}
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
