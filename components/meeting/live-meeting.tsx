"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useReducer, useRef, useState } from "react";
import type { Viewer } from "@/components/discussion/discussion-context";
import { requestJson } from "@/components/discussion/request";
import { FormAlert } from "@/components/ui/form-alert";
import { scrollBehavior } from "@/components/ui/scroll-behavior";
import { useActionForm } from "@/components/ui/use-action-form";
import { can } from "@/lib/permissions";
import { connectRealtime } from "@/lib/realtime/client";
import type { PresentMember, MeetingMarkerView } from "@/lib/realtime/events";
import { LiveAgenda } from "./live-agenda";
import { LivePresence } from "./live-presence";
import { LiveRoomPanel } from "./live-room-panel";
import type { LiveAgendaItem, MeetingConnection } from "./live-types";
import { liveViewReducer, type Announcement, type View } from "./live-view";

export type LiveMeetingProps = {
  clubId: string;
  meetingId: string;
  agenda: LiveAgendaItem[];
  /** The question a moderator marked as being discussed now, if any. */
  currentRoomId: string | null;
  viewer: Viewer;
};

/** A marker change as read out: "Now discussing question 3: What did you make of…?". */
function useAnnouncementText(agenda: LiveAgendaItem[]): (announcement: Announcement | null) => string {
  const t = useTranslations("meeting.live.announce");
  return (announcement) => {
    if (!announcement) return "";
    if (announcement.kind !== "now") return t(announcement.kind);
    const item = agenda.find((entry) => entry.roomId === announcement.roomId);
    const question = item?.question.trim() ?? "";
    // Ending in a full stop unless the question already has one.
    const subject = item ? `${t("question", { position: item.position, question })}${/[.?!…]$/.test(question) ? "" : "."}` : t("unknown");
    return t(announcement.follow ? "nowFollow" : "now", { subject });
  };
}

/** The live meeting: agenda rooms, presence, and the moderator's "now discussing" marker. */
export function LiveMeeting({ clubId, meetingId, agenda, currentRoomId, viewer }: LiveMeetingProps) {
  const t = useTranslations("meeting.live");
  const announcementText = useAnnouncementText(agenda);
  const [view, dispatch] = useReducer(liveViewReducer(agenda), undefined, (): View => {
    const marker = agenda.some((item) => item.roomId === currentRoomId) ? currentRoomId : null;
    return { marker, selected: marker ?? agenda[0]?.roomId ?? null, following: true, announcement: null };
  });
  const [present, setPresent] = useState<PresentMember[]>([]);
  const [connection, setConnection] = useState<MeetingConnection>("connecting");
  // The moderator's "Discuss this now": they go with the marker once the server has it.
  const marking = useActionForm(
    (roomId: string | null) => requestJson<{ marker: MeetingMarkerView }>(`/api/meetings/${meetingId}/marker`, { method: "PUT", body: { roomId } }),
    { onSuccess: (data) => dispatch({ type: "lead", roomId: data.marker.roomId }) },
  );
  const panel = useRef<HTMLDivElement>(null);
  const agendaHeading = useId();

  const mayMark = can(viewer.role, "meeting:set-marker");
  const markerItem = agenda.find((item) => item.roomId === view.marker) ?? null;
  // The agenda can change under an open page (a refresh after an edit): fall back to a question still on it.
  const selectedItem = agenda.find((item) => item.roomId === view.selected) ?? markerItem ?? agenda[0] ?? null;

  // Someone halfway through a reply keeps their place when the marker moves; they can follow after.
  const writingInPanel = useCallback(() => {
    const active = document.activeElement;
    return active instanceof HTMLTextAreaElement && active.value.trim() !== "" && panel.current?.contains(active) === true;
  }, []);

  const applyMarker = useCallback(
    (marker: MeetingMarkerView, announce: boolean) => {
      if (marker.meetingId !== meetingId) return;
      dispatch({ type: "marker", roomId: marker.roomId, announce, keepRoom: writingInPanel() });
    },
    [meetingId, writingInPanel],
  );

  useEffect(() => {
    const socket = connectRealtime();
    let stopped = false;

    socket.on("connect", () => {
      // On every (re)connect: be counted again, and pick up a marker that moved while away.
      socket.emit("meeting:join", { meetingId }, (result) => {
        if (stopped) return;
        if (result.ok) {
          setPresent(result.data.present);
          applyMarker({ meetingId, roomId: result.data.currentRoomId }, true);
          setConnection("live");
        } else {
          setConnection("unavailable");
        }
      });
    });
    socket.on("disconnect", () => {
      if (!stopped) setConnection("reconnecting");
    });
    socket.on("connect_error", () => setConnection(socket.active ? "reconnecting" : "unavailable"));
    socket.on("meeting:presence", (payload) => {
      if (payload.meetingId === meetingId) setPresent(payload.present);
    });
    socket.on("meeting:marker", (marker) => applyMarker(marker, true));
    socket.on("club:access-revoked", (payload) => {
      if (payload.clubId !== clubId) return;
      stopped = true;
      setPresent([]);
      setConnection("revoked");
      socket.disconnect();
    });
    return () => {
      stopped = true;
      socket.disconnect();
    };
  }, [meetingId, clubId, applyMarker]);

  function select(roomId: string) {
    dispatch({ type: "select", roomId });
    // Stacked on a phone, the room is below the agenda: bring it into view.
    if (!window.matchMedia("(min-width: 1024px)").matches) {
      requestAnimationFrame(() => panel.current?.scrollIntoView({ behavior: scrollBehavior(), block: "start" }));
    }
  }

  if (agenda.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-line bg-white/60 p-6 text-center text-muted">
        {t("noAgenda")}
      </div>
    );
  }

  if (connection === "revoked") {
    return (
      <div className="rounded-lg border border-line bg-white p-5 shadow-sm">
        <p className="font-serif text-lg font-semibold">{t("revokedTitle")}</p>
        <p className="mt-1 text-sm text-muted">{t("revokedBody")}</p>
        <Link href="/" className="mt-3 inline-block text-sm font-medium text-accent hover:underline">
          {t("goToClubs")}
        </Link>
      </div>
    );
  }

  const nowDiscussing = markerItem
    ? t.rich("nowDiscussing", { position: markerItem.position, b: (chunks) => <span className="font-medium text-ink">{chunks}</span> })
    : null;

  return (
    // Wider than the page's reading column on large screens, so the agenda and the room sit side by side.
    <div className="space-y-6 lg:ml-[calc(50%_-_min(32rem,_50vw_-_1.5rem))] lg:w-[min(64rem,_calc(100vw_-_3rem))]">
      <p className="sr-only" aria-live="polite">
        {announcementText(view.announcement)}
      </p>

      <div className="flex flex-col gap-3 rounded-lg border border-line bg-white px-4 py-3 shadow-sm sm:flex-row sm:items-center sm:justify-between">
        <LivePresence present={present} connection={connection} />
        {markerItem && !view.following ? (
          <div className="flex shrink-0 flex-wrap items-center gap-x-3 gap-y-2">
            <p className="text-sm text-muted">
              {nowDiscussing}
            </p>
            <button
              type="button"
              onClick={() => dispatch({ type: "follow" })}
              className="inline-flex items-center justify-center gap-2 rounded-md bg-accent px-3.5 py-2 text-sm font-medium text-white hover:bg-accent-strong focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent"
            >
              <span aria-hidden className="h-2 w-2 rounded-full bg-white/90" />
              {t("follow")}
            </button>
          </div>
        ) : markerItem ? (
          <p className="flex shrink-0 items-center gap-2 text-sm text-muted">
            <span aria-hidden className="h-2 w-2 rounded-full bg-emerald-600" />
            {t("following")}
          </p>
        ) : (
          <p className="text-sm text-muted sm:max-w-xs sm:text-right">
            {mayMark ? t("moderatorHint") : t("waiting")}
          </p>
        )}
      </div>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)] lg:items-start">
        <section aria-labelledby={agendaHeading} className="space-y-3 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto lg:pb-1 lg:pr-1">
          <h2 id={agendaHeading} className="text-xs font-medium uppercase tracking-wider text-muted">
            {t("agendaHeading", { count: agenda.length })}
          </h2>
          <FormAlert look="line" error={marking.error} />
          <LiveAgenda
            agenda={agenda}
            markerRoomId={view.marker}
            selectedRoomId={selectedItem?.roomId ?? null}
            mayMark={mayMark}
            pending={marking.pending}
            onSelect={select}
            onMark={marking.submit}
          />
        </section>

        <div ref={panel} className="min-w-0 scroll-mt-4">
          {selectedItem ? (
            <LiveRoomPanel key={selectedItem.roomId} clubId={clubId} item={selectedItem} isMarker={selectedItem.roomId === view.marker} viewer={viewer} />
          ) : null}
        </div>
      </div>
    </div>
  );
}
