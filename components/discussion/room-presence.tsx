import type { PresentMember } from "@/lib/realtime/events";

/** "Ruth, Tommy and you": names in the order given, the viewer as "you", last. */
function listNames(people: readonly PresentMember[], viewerId: string): string {
  const names = [...people.filter((person) => person.id !== viewerId).map((person) => person.name), ...(people.some((person) => person.id === viewerId) ? ["you"] : [])];
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** Who has the room open now, one name per member however many tabs they have. Nothing until the first list arrives. */
export function HereNow({ present, viewerId }: { present: PresentMember[]; viewerId: string }) {
  if (present.length === 0) return null;
  const others = present.filter((person) => person.id !== viewerId);
  return (
    <p className="flex min-w-0 items-center gap-1.5 text-muted" data-testid="here-now">
      <span aria-hidden className="inline-block h-2 w-2 shrink-0 rounded-full border border-emerald-600 bg-emerald-100" />
      {others.length === 0 ? (
        <span>Only you are here now</span>
      ) : (
        <span className="min-w-0">
          <span className="font-medium text-ink">Here now:</span> {listNames(present, viewerId)}
        </span>
      )}
    </p>
  );
}

/**
 * "Ruth is typing…", "Ruth and Tommy are typing…", "4 people are typing…". Not announced to
 * screen readers (it would talk over what they are reading); the reply itself is, when it comes.
 * Keeps its line's height so the page does not jump as people start and stop.
 */
export function TypingLine({ typing }: { typing: PresentMember[] }) {
  const names = typing.map((person) => person.name);
  const text =
    names.length === 0
      ? ""
      : names.length === 1
        ? `${names[0]} is typing…`
        : names.length <= 3
          ? `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} are typing…`
          : `${names.length} people are typing…`;
  return (
    <p aria-live="off" className="min-h-5 text-sm italic text-muted">
      {text}
    </p>
  );
}
