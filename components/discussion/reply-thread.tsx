"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import { nameOrFormer } from "@/lib/accounts/former-member";
import { replyActions } from "@/lib/permissions";
import type { ReplyView } from "@/lib/discussion/reply-view";
import { countDescendants, type ThreadNode } from "@/lib/discussion/threads";
import { ActionsMenu, type MenuAction } from "./actions-menu";
import { useDiscussion } from "./discussion-context";
import { EditedMarker } from "./edited-marker";
import { HideReplyForm } from "./hide-reply-form";
import { PinIcon } from "./icons";
import { ReactionBar } from "./reaction-bar";
import { NewBadge, UnreadDivider, useSeenOnScreen } from "./reading";
import { ReplyEditForm } from "./reply-edit-form";
import { ReplyForm } from "./reply-form";
import { ReplyHistory } from "./reply-history";
import { ReplyTime } from "./reply-time";
import { requestJson } from "./request";
import { repliesPerPage, useThreadMore } from "./use-thread-paging";
import { useVeilLabel } from "./use-veil-label";

// Deeper replies stop indenting (a phone has no room for more) but still say whom they answer.
const maxIndentDepth = 5;

type Shared = { arrivedIds: ReadonlySet<string> };
type Panel = "reply" | "edit" | "hide" | "history" | null;
type Change = { url: string; method: "PUT" | "DELETE"; after?: () => void };

const textButton = "text-muted hover:text-ink hover:underline focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-60";

export function ReplyList({ nodes, parentName, ...shared }: Shared & { nodes: ThreadNode<ReplyView>[]; parentName?: string }) {
  return (
    <ol className="space-y-4">
      {nodes.map((node) => (
        <ReplyItem key={node.item.id} node={node} parentName={parentName} {...shared} />
      ))}
    </ol>
  );
}

/**
 * A reply past the viewer's progress: its level in words and "Show". The text is not in the page
 * until shown (the server sent none), so a screen reader hears the veil, never the spoiler.
 */
function ReplyVeil({ replyId, label }: { replyId: string; label: string }) {
  const t = useTranslations("discussion");
  const { onRevealed } = useDiscussion();
  const form = useActionForm(() => requestJson<{ reply: ReplyView }>(`/api/replies/${replyId}/reveal`, { method: "POST" }), {
    onSuccess: (data) => onRevealed(data.reply),
  });
  return (
    <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1.5 rounded-md border border-dashed border-line bg-paper px-3 py-2" role="group" aria-label={label}>
      <p className="text-[0.95rem] italic text-muted">{label}</p>
      <button
        type="button"
        onClick={() => form.submit(undefined)}
        disabled={form.pending}
        className="min-h-9 rounded-md px-2 text-sm font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-60"
      >
        {form.pending ? t("spoiler.showing") : t("spoiler.show")}
      </button>
      {form.error ? (
        <p role="alert" className="w-full text-sm text-danger">
          {form.error.message}
        </p>
      ) : null}
    </div>
  );
}

/**
 * "Show 12 more replies" at the foot of a thread whose replies are not all loaded: the next
 * page, in posting order, each reply under its parent. Nothing when the thread is all here.
 */
function ThreadMoreButton({ threadId }: { threadId: string }) {
  const t = useTranslations("discussion");
  const more = useThreadMore();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const remaining = more?.remaining(threadId) ?? 0;
  if (!more || remaining === 0) return null;
  const next = Math.min(repliesPerPage, remaining);
  const load = () => {
    if (pending) return;
    // Focus must not fall to the page when the button goes (the last page loaded): it moves to
    // the first reply that arrived, which a keyboard or screen-reader user reads next.
    const thread = wrapper.current?.parentElement ?? null;
    const before = new Set(thread ? thread.querySelectorAll("article") : []);
    const hadFocus = wrapper.current?.contains(document.activeElement) ?? false;
    setPending(true);
    setError(null);
    void more.loadMore(threadId).then((failure) => {
      setPending(false);
      setError(failure);
      if (failure || !hadFocus || !thread) return;
      requestAnimationFrame(() => {
        const arrived = [...thread.querySelectorAll("article")].find((article) => !before.has(article));
        arrived?.focus({ preventScroll: true });
      });
    });
  };
  return (
    <div ref={wrapper} className="mt-3 ml-3 border-l-2 border-dashed border-line pl-3 sm:ml-5 sm:pl-4">
      {/* aria-disabled, not disabled, while loading: a disabled button drops its focus to the page. */}
      <button type="button" onClick={load} aria-disabled={pending} aria-busy={pending} className="min-h-9 rounded-md px-1 text-sm font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent aria-disabled:opacity-60">
        {pending ? t("reply.loadingReplies") : t("reply.showMore", { count: next })}
        {!pending && remaining > next ? <span className="font-normal text-muted"> · {t("reply.notShownYet", { count: remaining })}</span> : null}
      </button>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function ReplyItem({ node, parentName, ...shared }: Shared & { node: ThreadNode<ReplyView>; parentName?: string }) {
  const reply = node.item;
  const t = useTranslations("discussion");
  const common = useTranslations("common");
  // A deleted account's replies keep their place, signed "A former member".
  const authorName = nameOrFormer(reply.author.name, common("formerMember"));
  const veilLabel = useVeilLabel();
  const { roomId, viewer, locked, revoked, onPosted, onChanged, onReactions } = useDiscussion();
  const [collapsed, setCollapsed] = useState(false);
  const [panel, setPanel] = useState<Panel>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [revealedHtml, setRevealedHtml] = useState<string | null>(null);
  const [revealError, setRevealError] = useState<string | null>(null);
  const article = useRef<HTMLElement>(null);
  const { firstUnread, isNew } = useSeenOnScreen(article, reply);
  // Pin, unpin, unhide and delete: one request each, answered with the reply as it now is.
  const form = useActionForm(({ url, method }: Change) => requestJson<{ reply: ReplyView }>(url, { method }), {
    onSuccess: (data, { after }) => {
      onChanged(data.reply);
      after?.();
    },
  });
  const { pending } = form;
  const error = form.error?.message ?? revealError;

  const hiddenCount = countDescendants(node);
  const nested = node.depth + 1 < maxIndentDepth;
  const showParentHint = parentName !== undefined && node.depth >= maxIndentDepth;

  // What to offer; the server checks each action again for this reply.
  const visible = reply.state === "visible";
  // A member removed while the page is open may do nothing more here.
  const offered = replyActions(revoked ? null : viewer.role, { isAuthor: reply.author.id === viewer.id, state: reply.state, edited: reply.editedAt !== null }, { locked });
  const { react: mayReact, reply: mayReply, edit: mayEdit, delete: mayDelete, pin: mayPin, hide: mayHide, viewHidden: mayViewHidden, viewHistory: mayViewHistory } = offered;

  // A change from elsewhere (a moderator hid it, a lock arrived, another tab deleted it)
  // closes whatever no longer applies, and a revealed hidden text never outlives the hiding.
  useEffect(() => {
    setPanel((current) => {
      if ((current === "edit" && !mayEdit) || (current === "reply" && !mayReply) || (current === "hide" && !visible)) return null;
      if (current === "history" && !mayViewHistory) return null;
      return current;
    });
  }, [mayEdit, mayReply, visible, mayViewHistory]);
  useEffect(() => {
    if (reply.state !== "hidden") setRevealedHtml(null);
  }, [reply.state]);

  const change = (url: string, method: Change["method"], after?: () => void) => {
    setRevealError(null);
    form.submit({ url, method, after });
  };

  async function toggleHiddenText() {
    if (revealedHtml !== null) {
      setRevealedHtml(null);
      return;
    }
    form.clearError();
    setRevealError(null);
    const result = await requestJson<{ source: { bodyHtml: string } | null }>(`/api/replies/${reply.id}`);
    if (result.ok && result.data.source) setRevealedHtml(result.data.source.bodyHtml);
    else setRevealError(result.ok ? t("reply.hiddenUnavailable") : result.error.message);
  }

  const togglePanel = (next: Exclude<Panel, null>) => setPanel((current) => (current === next ? null : next));
  const actions: MenuAction[] = [];
  if (mayEdit) actions.push({ label: t("reply.edit"), onSelect: () => setPanel("edit") });
  if (mayViewHistory) actions.push({ label: t("reply.history"), onSelect: () => setPanel("history") });
  if (mayPin) {
    actions.push(
      reply.pinned
        ? { label: t("reply.unpin"), onSelect: () => change(`/api/replies/${reply.id}/pin`, "DELETE") }
        : { label: t("reply.pin"), onSelect: () => change(`/api/replies/${reply.id}/pin`, "PUT") },
    );
  }
  if (mayHide && visible) actions.push({ label: t("reply.hide"), onSelect: () => setPanel("hide") });
  if (mayDelete) actions.push({ label: t("reply.delete"), tone: "danger", onSelect: () => setConfirmingDelete(true) });

  const cardTone = visible ? (reply.pinned ? "border-accent/35 bg-white" : "border-line bg-white") : "border-line bg-white/60";

  return (
    <li id={`reply-${reply.id}`} data-reply-id={reply.id} data-parent-id={reply.parentId ?? ""} className="scroll-mt-24">
      {firstUnread ? <UnreadDivider /> : null}
      <article
        ref={article}
        tabIndex={-1}
        aria-label={t("reply.by", { name: authorName })}
        className={`min-w-0 rounded-lg border px-4 py-3 shadow-sm [overflow-wrap:anywhere] focus:outline-none focus-visible:outline-solid focus-visible:outline-2 focus-visible:outline-accent ${cardTone} ${shared.arrivedIds.has(reply.id) ? "reply-arrived" : ""}`}
      >
        <header className="flex items-start justify-between gap-2">
          <p className="flex min-w-0 flex-wrap items-baseline gap-x-2 gap-y-0.5 text-sm">
            <span className={`font-semibold ${visible ? "text-ink" : "text-muted"}`}>{authorName}</span>
            {reply.replyTo ? (
              <a href={`#reply-${reply.replyTo.id}`} className="text-muted hover:underline">
                {t("reply.replyingTo", { name: nameOrFormer(reply.replyTo.authorName, common("formerMember")) })}
              </a>
            ) : showParentHint ? (
              <span className="text-muted">{t("reply.replyingToLower", { name: parentName })}</span>
            ) : null}
            <span aria-hidden className="text-muted">
              ·
            </span>
            <ReplyTime iso={reply.createdAt} className="text-muted" />
            {reply.editedAt && visible ? <EditedMarker iso={reply.editedAt} /> : null}
            {isNew && visible ? <NewBadge /> : null}
            {reply.pinned ? (
              <span className="inline-flex items-center gap-1 self-center rounded-full bg-accent-soft px-2 py-0.5 text-xs font-medium text-accent-strong">
                <PinIcon />
                {t("reply.pinned")}
              </span>
            ) : null}
          </p>
          <ActionsMenu actions={actions} label={t("reply.moreActions", { name: authorName })} />
        </header>

        {reply.state === "deleted" ? (
          <p className="mt-1.5 text-[0.975rem] italic text-muted">{t("reply.deleted")}</p>
        ) : reply.state === "hidden" ? (
          <div className="mt-1.5 space-y-2">
            <p className="text-[0.975rem] text-muted">
              <span className="italic">{t("reply.hiddenBy")}</span> <span className="text-ink">{reply.hiddenReason}</span>
            </p>
            {revealedHtml !== null ? (
              <div className="rounded-md border border-dashed border-line bg-paper px-3 py-2">
                <p className="text-xs font-medium uppercase tracking-wider text-muted">{t("reply.hiddenText")}</p>
                <div className="reply-body mt-1 text-[0.975rem] text-ink" dangerouslySetInnerHTML={{ __html: revealedHtml }} />
              </div>
            ) : null}
          </div>
        ) : panel === "edit" ? (
          <ReplyEditForm replyId={reply.id} level={reply.spoiler?.level ?? 0} onDone={() => setPanel(null)} />
        ) : reply.veil ? (
          <ReplyVeil replyId={reply.id} label={veilLabel(reply.veil)} />
        ) : (
          <div className="reply-body mt-1.5 text-[0.975rem] text-ink" dangerouslySetInnerHTML={{ __html: reply.bodyHtml }} />
        )}

        <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1.5 text-sm">
          {visible && panel !== "edit" ? (
            <ReactionBar replyId={reply.id} reactions={reply.reactions} viewerId={viewer.id} mayReact={mayReact} onReactions={onReactions} />
          ) : null}
          {mayReply && panel !== "edit" ? (
            <button
              type="button"
              onClick={() => togglePanel("reply")}
              aria-expanded={panel === "reply"}
              aria-label={t("reply.replyTo", { name: authorName })}
              className="rounded-sm font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            >
              {t("reply.reply")}
            </button>
          ) : null}
          {mayViewHidden ? (
            <>
              <button type="button" onClick={() => void toggleHiddenText()} aria-expanded={revealedHtml !== null} className={textButton}>
                {revealedHtml !== null ? t("reply.closeHidden") : t("reply.showHidden")}
              </button>
              <button
                type="button"
                disabled={pending}
                onClick={() => change(`/api/replies/${reply.id}/hidden`, "DELETE")}
                className="font-medium text-accent hover:underline focus-visible:outline-2 focus-visible:outline-accent disabled:opacity-60"
              >
                {t("reply.unhide")}
              </button>
            </>
          ) : null}
          {hiddenCount > 0 ? (
            <button type="button" onClick={() => setCollapsed((value) => !value)} aria-expanded={!collapsed} className={textButton}>
              {collapsed ? t("reply.showCollapsed", { count: hiddenCount }) : t("reply.collapse")}
            </button>
          ) : null}
        </div>

        {error ? (
          <p role="alert" className="mt-2 text-sm text-danger">
            {error}
          </p>
        ) : null}

        {panel === "reply" ? (
          <div className="mt-3 border-t border-line pt-3">
            <ReplyForm
              roomId={roomId}
              parentId={reply.id}
              label={t("reply.yourReplyTo", { name: authorName })}
              onPosted={onPosted}
              onCancel={() => setPanel(null)}
              autoFocus
            />
          </div>
        ) : panel === "hide" ? (
          <div className="mt-3 border-t border-line pt-3">
            <HideReplyForm replyId={reply.id} onDone={() => setPanel(null)} />
          </div>
        ) : panel === "history" ? (
          <div className="mt-3 border-t border-line pt-3">
            <ReplyHistory replyId={reply.id} onClose={() => setPanel(null)} />
          </div>
        ) : null}
      </article>

      {/* Mounted only while asking: a busy room would otherwise carry one dialog per reply. */}
      {mayDelete && confirmingDelete ? (
        <ConfirmDialog
          title={t("reply.deleteTitle")}
          description={t("reply.deleteText")}
          confirmLabel={t("reply.deleteConfirm")}
          pendingLabel={t("reply.deleting")}
          cancelLabel={t("reply.cancel")}
          pending={pending}
          error={error}
          returnFocus={article}
          onCancel={() => {
            setConfirmingDelete(false);
            form.clearError();
          }}
          onConfirm={() =>
            change(`/api/replies/${reply.id}`, "DELETE", () => {
              setConfirmingDelete(false);
              setPanel(null);
            })
          }
        />
      ) : null}

      {node.children.length > 0 && !collapsed ? (
        <div className={nested ? "mt-3 ml-3 border-l-2 border-line pl-3 sm:ml-5 sm:pl-4" : "mt-3"}>
          <ReplyList nodes={node.children} parentName={authorName} {...shared} />
        </div>
      ) : null}
      {node.depth === 0 && !collapsed ? <ThreadMoreButton threadId={reply.id} /> : null}
    </li>
  );
}
