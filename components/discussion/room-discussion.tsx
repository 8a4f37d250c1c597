"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo, useState, type FocusEvent, type FormEvent } from "react";
import type { MentionableMember } from "@/lib/discussion/mention-syntax";
import { stillNew } from "@/lib/discussion/new-replies";
import type { ReplyView } from "@/lib/discussion/reply-view";
import type { RoomPageView } from "@/lib/discussion/room-page-view";
import { InlineSpoilers } from "@/components/reading/inline-spoilers";
import { buildThreadTree } from "@/lib/discussion/threads";
import { can, canPostInRoom } from "@/lib/permissions";
import { ConnectionStatus } from "./connection-status";
import { DiscussionProvider, type DiscussionState, type Viewer } from "./discussion-context";
import { LockRoomControl } from "./lock-room-control";
import { NewRepliesAnnouncer } from "./new-replies-announcer";
import { NewRepliesMarker } from "./new-replies-marker";
import { PinnedReplies } from "./pinned-replies";
import { ReadingProvider } from "./reading";
import { ReplyForm } from "./reply-form";
import { RoomNotice } from "./room-notice";
import { HereNow, TypingLine } from "./room-presence";
import { SortControl } from "./sort-control";
import { ThreadList } from "./thread-list";
import { useOnline } from "./use-online";
import { useReplyDeepLink } from "./use-reply-deep-link";
import { useRoomLive, type RoomReader } from "./use-room-live";
import type { BookShape } from "@/lib/books/points";
import { useRoomLock } from "./use-room-lock";
import { useRoomPresence } from "./use-room-presence";
import { ThreadMoreProvider, useThreadPaging } from "./use-thread-paging";

type Props = {
  roomId: string;
  clubId: string;
  viewer: Viewer;
  /** The room's first screen as the server read it (lib/discussion/room-reading.ts). */
  initialPage: RoomPageView;
  initialLocked: boolean;
  /** "Here now" beside the live status; off where the page already shows who is here (the live meeting). */
  showHereNow?: boolean;
  /** The viewer's read position when the room opened (0: never read); null where no divider is wanted (the live meeting). */
  initialReadSeq?: number | null;
  /** The club's members for @mentions (none: the composer offers nobody, typed mentions still work). */
  members?: readonly MentionableMember[];
  /** The viewer as a reader of the room's book, for spoiler veils and the composer's level; absent: no picker, veils shown as sent. */
  reader?: RoomReader & { shape: BookShape | null };
};

/**
 * A room's threaded replies, kept live: new replies appear under their parent, edits, deletes,
 * pins and hides replace a reply in place, and a lock switches the forms off at once. This file
 * lays the room out; the live state, paging, lock and each control have their own modules.
 */
const noMembers: readonly MentionableMember[] = [];

export function RoomDiscussion({ roomId, clubId, viewer, initialPage, initialLocked, showHereNow = true, initialReadSeq = null, members = noMembers, reader }: Props) {
  const t = useTranslations("discussion");
  const live = useRoomLive({ roomId, clubId, viewerId: viewer.id, initialPage, initialLocked, reader });
  const online = useOnline();
  // The browser knows first when the network is gone; the socket only once a ping fails.
  const connection = !online && live.connection !== "revoked" ? "offline" : live.connection;
  // Who is here and who is typing are known only while connected: offline or reconnecting, the
  // last lists are stale, so they are not shown (the room sends them again on rejoin).
  const presenceKnown = connection === "live";
  const { replies, locked, revoked, arrived, clearArrived, addOwnReply, changeReply, applyReactions, markRevealed } = live;
  const spoilerShape = reader?.shape;
  const spoilerReached = reader?.reached;
  const spoilers = useMemo(
    () => (spoilerShape === undefined || spoilerReached === undefined ? null : { shape: spoilerShape, reached: spoilerReached }),
    [spoilerShape, spoilerReached],
  );
  const { sort, changeSort, threads, threadCount, replyCount, moreThreads, loadMoreThreads, loadMoreReplies, loadAround } = live;
  const [sortError, setSortError] = useState<string | null>(null);
  const tree = useMemo(() => buildThreadTree(replies, sort), [replies, sort]);
  const { reveal, more } = useThreadPaging({ replies, threads, loadMoreReplies, loadAround });
  const lock = useRoomLock(roomId, live.applyRoomState);
  const presence = useRoomPresence({ roomId, clubId, viewerId: viewer.id });
  // A notification's link names a reply: open the room at it.
  useReplyDeepLink(reveal);

  const pinned = useMemo(() => replies.filter((reply) => reply.pinned), [replies]);
  // Deleted and hidden replies keep their place in the threads but are not counted (the room's count, kept live).
  const visibleCount = replyCount;
  const arrivedIds = useMemo(() => new Set(arrived), [arrived]);
  const onPosted = useCallback((reply: ReplyView) => addOwnReply(reply), [addOwnReply]);
  const discussion = useMemo<DiscussionState>(
    () => ({ roomId, viewer, locked, revoked, onPosted, onChanged: changeReply, onReactions: applyReactions, members, onRevealed: markRevealed, spoilers }),
    [roomId, viewer, locked, revoked, onPosted, changeReply, applyReactions, members, markRevealed, spoilers],
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

  function showArrived(waiting: readonly string[]) {
    const first = waiting[0];
    if (first) void reveal(first);
    clearArrived();
  }

  return (
    <DiscussionProvider value={discussion}>
      {/* Wherever replies are shown (the room page, the live meeting's panel): inline spoilers reveal on request, labelled in the reader's language. */}
      <InlineSpoilers />
      <section aria-labelledby="replies-heading" className="space-y-6" onInput={onComposerInput} onSubmit={presence.onStoppedTyping} onBlur={onComposerBlur}>
        <RoomNotice revoked={revoked} locked={locked} mayPost={mayPost} lock={mayLock ? lock : null} />

        <div className="space-y-1.5">
          {mayPost ? (
            <div className="rounded-lg border border-line bg-white p-4 shadow-sm">
              <ReplyForm roomId={roomId} parentId={null} label={t("room.yourAnswer")} onPosted={onPosted} />
            </div>
          ) : null}
          {revoked || !presenceKnown ? null : <TypingLine typing={presence.typing} />}
        </div>

        <ReadingProvider roomId={roomId} viewerId={viewer.id} replies={replies} tree={tree} initialReadSeq={initialReadSeq}>
          {(reading) => (
            <>
              <div className="flex flex-wrap items-center justify-between gap-3">
                <h2 id="replies-heading" className="font-serif text-xl font-semibold">
                  {visibleCount === 0 && threadCount === 0 ? t("room.noReplies") : t("room.replyCount", { count: visibleCount })}
                </h2>
                <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
                  <SortControl
                    value={sort}
                    onChange={(next) => {
                      setSortError(null);
                      void changeSort(next).then(setSortError);
                    }}
                  />
                  {mayLock ? <LockRoomControl lock={lock} showButton={!locked} /> : null}
                </div>
              </div>

              {/* The room's bar: in the page's flow and sticky, so nothing in it ever lies over a reply. */}
              <div className="sticky top-0 z-10 -mx-4 flex min-h-11 flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-line bg-paper/95 px-4 py-2 backdrop-blur sm:-mx-6 sm:px-6">
                <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
                  <ConnectionStatus connection={connection} />
                  <NewRepliesAnnouncer arrived={arrived} />
                  {revoked || !showHereNow || !presenceKnown ? null : <HereNow present={presence.present} viewerId={viewer.id} />}
                </div>
                <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
                  {reading.jumpTo ? (
                    <button
                      type="button"
                      onClick={() => reading.jumpTo && void reveal(reading.jumpTo)}
                      className="text-sm font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent"
                    >
                      {t("room.jumpToNew", { count: reading.newCount })}
                    </button>
                  ) : null}
                  {/* What arrived and is still news: not yet on screen, not deleted or hidden since. */}
                  <NewRepliesMarker count={stillNew(arrived, replies, reading.seen).length} onShow={() => showArrived(stillNew(arrived, replies, reading.seen))} />
                </div>
              </div>

              {sortError ? (
                <p role="alert" className="text-sm text-danger">
                  {sortError}
                </p>
              ) : null}

              <PinnedReplies pinned={pinned} onOpen={(id) => void reveal(id)} />

              {replies.length === 0 && threadCount === 0 ? (
                <p className="text-muted">
                  {mayPost ? t("room.emptyMayPost") : t("room.emptyLocked")}
                </p>
              ) : (
                <ThreadMoreProvider value={more}>
                  <ThreadList tree={tree} notLoaded={Math.max(0, threadCount - tree.length)} more={moreThreads} arrivedIds={arrivedIds} onLoadMore={loadMoreThreads} autoLoad={initialPage.focus === null} />
                </ThreadMoreProvider>
              )}
            </>
          )}
        </ReadingProvider>
      </section>
    </DiscussionProvider>
  );
}
