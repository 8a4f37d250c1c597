// Shared by the live meeting and its parts (agenda, room panel, presence), here so that none of
// them imports another for a type.

/** One question on the meeting's agenda, as the live view shows it. */
export type LiveAgendaItem = { roomId: string; position: number; question: string };

export type MeetingConnection = "connecting" | "live" | "reconnecting" | "unavailable" | "revoked";
