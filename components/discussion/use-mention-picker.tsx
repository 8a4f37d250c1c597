"use client";

import { useTranslations } from "next-intl";
import { useId, useMemo, useState, type KeyboardEvent, type ReactNode, type RefObject } from "react";
import { activeMentionQuery, matchMembers, mentionText, type MentionableMember } from "@/lib/discussion/mention-syntax";

type Options = {
  members: readonly MentionableMember[];
  /** The viewer, who is not offered to themselves. */
  viewerId: string;
  textarea: RefObject<HTMLTextAreaElement | null>;
  body: string;
  setBody: (value: string) => void;
};

type Picker = {
  /** Spread onto the textarea: the combobox pattern's attributes (aria-autocomplete, -controls, -activedescendant). */
  fieldProps: {
    "aria-autocomplete": "list";
    "aria-controls": string | undefined;
    "aria-activedescendant": string | undefined;
    onSelect: () => void;
    onBlur: () => void;
  };
  /** Call first from the textarea's onKeyDown; true when the picker used the key. */
  onKeyDown: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
  /** The list of members and its announcement, rendered under the textarea. */
  list: ReactNode;
};

/**
 * The "@" autocomplete of the composer, after the WAI-ARIA combobox pattern: the textarea keeps
 * focus (and its textbox role), the list is a listbox it controls, the active option is named by
 * aria-activedescendant, and a polite live region says how many members match and how to choose.
 * Arrows move, Enter or Tab insert "@Name " (lib/discussion/mention-syntax.ts), Escape closes it
 * for this "@".
 */
export function useMentionPicker({ members, viewerId, textarea, body, setBody }: Options): Picker {
  const t = useTranslations("discussion");
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);

  const others = useMemo(() => members.filter((member) => member.id !== viewerId), [members, viewerId]);
  const query = focused ? activeMentionQuery(body, caret) : null;
  const matches = query && query.start !== dismissedAt ? matchMembers(others, query.query) : [];
  const open = matches.length > 0;
  const activeIndex = Math.min(active, Math.max(0, matches.length - 1));
  const optionId = (index: number) => `${listId}-option-${index}`;

  function syncCaret() {
    const element = textarea.current;
    if (!element) return;
    setFocused(true);
    if (element.selectionStart !== caret) {
      setCaret(element.selectionStart);
      setActive(0);
    }
  }

  function choose(member: MentionableMember) {
    const element = textarea.current;
    if (!query || !element) return;
    const inserted = mentionText(member.name);
    const next = body.slice(0, query.start) + inserted + body.slice(caret);
    const position = query.start + inserted.length;
    setBody(next);
    setCaret(position);
    setActive(0);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(position, position);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!open || event.nativeEvent.isComposing) return false;
    const chosen = matches[activeIndex];
    switch (event.key) {
      case "ArrowDown":
        setActive((activeIndex + 1) % matches.length);
        break;
      case "ArrowUp":
        setActive((activeIndex - 1 + matches.length) % matches.length);
        break;
      case "Enter":
      case "Tab":
        if (event.metaKey || event.ctrlKey || event.shiftKey || !chosen) return false;
        choose(chosen);
        break;
      case "Escape":
        setDismissedAt(query?.start ?? null);
        break;
      default:
        return false;
    }
    event.preventDefault();
    return true;
  }

  const announcement = open ? t("mentions.matches", { count: matches.length }) : "";

  const list = (
    <>
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={t("mentions.label")}
          className="max-h-56 overflow-y-auto rounded-md border border-line bg-white py-1 text-sm shadow-md"
        >
          {matches.map((member, index) => (
            <li
              key={member.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              // Keeps focus in the textarea: a click chooses without blurring it.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(member);
              }}
              className={`cursor-pointer px-3 py-1.5 ${index === activeIndex ? "bg-accent-soft text-accent-strong" : "text-ink hover:bg-paper"}`}
            >
              @{member.name}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );

  return {
    fieldProps: {
      "aria-autocomplete": "list",
      "aria-controls": open ? listId : undefined,
      "aria-activedescendant": open ? optionId(activeIndex) : undefined,
      onSelect: syncCaret,
      onBlur: () => setFocused(false),
    },
    onKeyDown,
    list,
  };
}
