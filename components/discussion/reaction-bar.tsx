"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { reactionEmoji, reactionKinds, reactionSummary, type ReactionKind, type ReactorWords, type ReactionView, type ReplyReactionsView } from "@/lib/discussion/reaction-kinds";
import { requestJson } from "./request";

type Props = {
  replyId: string;
  reactions: ReactionView[];
  viewerId: string;
  /** May the viewer give and take back reactions here (a visible reply, an open room, still a member)? */
  mayReact: boolean;
  onReactions: (reactions: ReplyReactionsView) => void;
};

// Color emoji fonts first: a text font's black-and-white glyph for some of them would win otherwise.
const emojiFont = "[font-family:'Apple_Color_Emoji','Segoe_UI_Emoji','Noto_Color_Emoji',sans-serif]";

const chip =
  "group relative inline-flex h-7 items-center gap-1 rounded-full border px-2 text-sm tabular-nums focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-accent";

/**
 * A reply's reactions: one chip per kind someone gave (emoji and count; its accessible name and
 * tooltip say who: "👍 3 — Ruth, Kathy and you"), pressed when the viewer gave it, and an
 * "Add a reaction" button opening the six kinds. Each chip sends the state it wants (given or
 * not) and waits for the answer before it can be pressed again; the second click of a double
 * click is ignored, so a double click is one change, and the server's answer is what shows.
 */
export function ReactionBar({ replyId, reactions, viewerId, mayReact, onReactions }: Props) {
  const t = useTranslations("discussion");
  const format = useFormatter();
  const words: ReactorWords = { you: t("reactions.you"), others: (count) => t("reactions.others", { count }), list: (names) => format.list(names, { type: "conjunction" }) };
  const [pending, setPending] = useState<ReadonlySet<ReactionKind>>(new Set());
  const [error, setError] = useState<string | null>(null);

  async function toggle(kind: ReactionKind) {
    if (!mayReact || pending.has(kind)) return;
    const mine = reactions.some((reaction) => reaction.kind === kind && reaction.users.some((user) => user.id === viewerId));
    setPending((current) => new Set(current).add(kind));
    setError(null);
    const result = await requestJson<ReplyReactionsView>(`/api/replies/${replyId}/reactions`, { method: "PUT", body: { kind, reacted: !mine } });
    setPending((current) => {
      const next = new Set(current);
      next.delete(kind);
      return next;
    });
    if (result.ok) onReactions(result.data);
    else setError(result.error.message);
  }

  if (reactions.length === 0 && !mayReact) return null;

  return (
    <>
      <ul aria-label={t("reactions.label")} className="flex flex-wrap items-center gap-1.5">
        {reactions.map((reaction, index) => {
          const mine = reaction.users.some((user) => user.id === viewerId);
          const summary = reactionSummary(reaction, viewerId, words);
          return (
            <li key={reaction.kind}>
              <button
                type="button"
                aria-label={summary}
                aria-pressed={mine}
                aria-disabled={!mayReact || pending.has(reaction.kind)}
                // The second click of a double click (detail 2) is the same intent, not a second toggle.
                onClick={(event) => {
                  if (event.detail <= 1) void toggle(reaction.kind);
                }}
                className={`${chip} ${mine ? "border-accent/50 bg-accent-soft text-accent-strong" : "border-line bg-white text-muted"} ${mayReact ? "hover:border-accent/60" : "cursor-default"} aria-disabled:opacity-90`}
              >
                <span aria-hidden className={emojiFont}>
                  {reactionEmoji[reaction.kind]}
                </span>
                <span aria-hidden className="text-xs font-medium">
                  {reaction.users.length}
                </span>
                {/* The tooltip for pointer and keyboard alike; the button's name already says it. */}
                <span
                  aria-hidden
                  className={`pointer-events-none absolute bottom-full ${index < 3 ? "left-0" : "right-0"} z-20 mb-1.5 hidden w-max max-w-64 rounded-md bg-ink px-2 py-1 text-left text-xs leading-snug text-white shadow-md group-hover:block group-focus-visible:block`}
                >
                  {summary}
                </span>
              </button>
            </li>
          );
        })}
        {mayReact ? (
          <li>
            <ReactionPicker reactions={reactions} viewerId={viewerId} pending={pending} onPick={(kind) => void toggle(kind)} />
          </li>
        ) : null}
      </ul>
      {error ? (
        <p role="alert" className="w-full text-sm text-danger">
          {error}
        </p>
      ) : null}
    </>
  );
}

/** The "Add a reaction" button and its row of six: arrow keys move, Enter or Space picks, Escape closes. */
function ReactionPicker({
  reactions,
  viewerId,
  pending,
  onPick,
}: {
  reactions: ReactionView[];
  viewerId: string;
  pending: ReadonlySet<ReactionKind>;
  onPick: (kind: ReactionKind) => void;
}) {
  const t = useTranslations("discussion");
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("button")?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const items = [...(panel.current?.querySelectorAll<HTMLElement>("button") ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    const focus = (next: number) => items[(next + items.length) % items.length]?.focus();
    switch (event.key) {
      case "ArrowRight":
      case "ArrowDown":
        focus(index + 1);
        break;
      case "ArrowLeft":
      case "ArrowUp":
        focus(index - 1);
        break;
      case "Home":
        focus(0);
        break;
      case "End":
        focus(items.length - 1);
        break;
      case "Escape":
        close();
        break;
      case "Tab":
        setOpen(false);
        return;
      default:
        return;
    }
    event.preventDefault();
  }

  const given = new Set(reactions.filter((reaction) => reaction.users.some((user) => user.id === viewerId)).map((reaction) => reaction.kind));

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-label={t("reactions.add")}
        title={t("reactions.add")}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((value) => !value)}
        className={`${chip} border-line bg-white text-muted hover:border-accent/60 hover:text-ink aria-expanded:border-accent/60 aria-expanded:text-ink`}
      >
        <SmileIcon />
        <span aria-hidden className="text-xs font-semibold leading-none">
          +
        </span>
      </button>
      {open ? (
        <div
          ref={panel}
          id={panelId}
          role="group"
          aria-label={t("reactions.choose")}
          onKeyDown={onKeyDown}
          className="absolute left-0 top-full z-30 mt-1 flex gap-0.5 rounded-full border border-line bg-white p-1 shadow-md"
        >
          {reactionKinds.map((kind) => (
            <button
              key={kind}
              type="button"
              aria-label={t(`reactions.${kind}`)}
              title={t(`reactions.${kind}`)}
              aria-pressed={given.has(kind)}
              aria-disabled={pending.has(kind)}
              onClick={() => {
                onPick(kind);
                close();
              }}
              className={`flex h-8 w-8 items-center justify-center rounded-full text-lg hover:bg-paper focus-visible:outline-2 focus-visible:outline-accent ${given.has(kind) ? "bg-accent-soft" : ""}`}
            >
              <span aria-hidden className={emojiFont}>
                {reactionEmoji[kind]}
              </span>
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

function SmileIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.5">
      <circle cx="10" cy="10" r="7.25" />
      <path d="M7 11.75c.75 1 1.8 1.5 3 1.5s2.25-.5 3-1.5" strokeLinecap="round" />
      <circle cx="7.5" cy="8.25" r=".9" fill="currentColor" stroke="none" />
      <circle cx="12.5" cy="8.25" r=".9" fill="currentColor" stroke="none" />
    </svg>
  );
}
