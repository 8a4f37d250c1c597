import type { ReplyView } from "@/lib/discussion/reply-view";
import type { ThreadNode } from "@/lib/discussion/threads";
import { ReplyList } from "./reply-thread";
import { threadsPerPage } from "./use-thread-paging";

type Props = {
  visibleTree: ThreadNode<ReplyView>[];
  hiddenThreads: number;
  arrivedIds: ReadonlySet<string>;
  onShowMore: () => void;
};

/** The threads shown so far, and a button for the next page of them. */
export function ThreadList({ visibleTree, hiddenThreads, arrivedIds, onShowMore }: Props) {
  return (
    <>
      <ReplyList nodes={visibleTree} arrivedIds={arrivedIds} />
      {hiddenThreads > 0 ? (
        <div className="flex justify-center">
          <button
            type="button"
            onClick={onShowMore}
            className="rounded-md border border-line bg-white px-4 py-2 text-sm font-medium text-ink hover:bg-paper"
          >
            Show {Math.min(threadsPerPage, hiddenThreads)} more {hiddenThreads === 1 ? "thread" : "threads"} ({hiddenThreads} not shown yet)
          </button>
        </div>
      ) : null}
    </>
  );
}
