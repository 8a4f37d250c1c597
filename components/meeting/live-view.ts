import type { LiveAgendaItem } from "./live-types";

// What the live meeting shows, as a pure reducer: which question the moderator marked, which
// one this viewer is looking at, and whether their view follows the marker.

export type View = {
  marker: string | null;
  selected: string | null;
  /** Following: the room shown moves with the marker. Browsing another question turns it off. */
  following: boolean;
  /** The latest marker change, for screen readers (worded by the live meeting, in the reader's language). */
  announcement: Announcement | null;
};

/**
 * A marker change to read out: cleared by the moderator or by this viewer, or moved to a room
 * (`follow`: the viewer stayed behind and is told how to go there).
 */
export type Announcement = { kind: "cleared" } | { kind: "youCleared" } | { kind: "now"; roomId: string; follow: boolean };

type ViewAction =
  | { type: "marker"; roomId: string | null; announce: boolean; keepRoom: boolean }
  /** The viewer (a moderator) moved the marker: they go with it. */
  | { type: "lead"; roomId: string | null }
  | { type: "select"; roomId: string }
  | { type: "follow" };

/** The reducer for one agenda, which stays the same for the page's life. */
export function liveViewReducer(agenda: LiveAgendaItem[]) {
  return (view: View, action: ViewAction): View => {
    switch (action.type) {
      case "marker": {
        if (action.roomId === view.marker) return view;
        // A question added to the agenda after this page loaded is marked but not shown.
        const known = agenda.some((item) => item.roomId === action.roomId);
        const moves = view.following && known && !action.keepRoom;
        const next: View = {
          ...view,
          marker: action.roomId,
          selected: moves ? action.roomId : view.selected,
          following: action.keepRoom && action.roomId !== null ? false : view.following,
        };
        if (!action.announce) return next;
        const announcement: Announcement =
          action.roomId === null ? { kind: "cleared" } : { kind: "now", roomId: action.roomId, follow: !(moves || !known) };
        return { ...next, announcement };
      }
      case "lead": {
        const announcement: Announcement = action.roomId === null ? { kind: "youCleared" } : { kind: "now", roomId: action.roomId, follow: false };
        return {
          marker: action.roomId,
          selected: action.roomId ?? view.selected,
          following: true,
          announcement,
        };
      }
      case "select":
        // With no marker there is nothing to drift from: the view still follows once one is set.
        return { ...view, selected: action.roomId, following: view.marker === null || action.roomId === view.marker };
      case "follow":
        return { ...view, following: true, selected: view.marker ?? view.selected };
    }
  };
}
