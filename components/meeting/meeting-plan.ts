import { repeatStarts, resolveLocalStart, type StartChoice, type StartOption } from "@/lib/meetings/time";

// What the meeting form's date, time, zone and repeat mean, worked out in the browser with the
// same rules (lib/meetings/time.ts) the server applies. Pure, so it is unit-tested.

export type MeetingPlan =
  | { kind: "empty" }
  | { kind: "ok"; starts: Date[] }
  | { kind: "problem"; message: string }
  /** A time that happens twice (a fall-back hour): which one, and the starts once chosen. */
  | { kind: "ambiguous"; message: string; options: StartOption[]; starts: Date[] | null };

type PlanInput = {
  date: string;
  time: string;
  timeZone: string;
  choice: StartChoice | null;
  repeat: { everyWeeks: number; count: number } | null;
};

/** The meeting's start (or each start of a series), or what is wrong with the inputs. */
export function planStarts(input: PlanInput): MeetingPlan {
  if (!input.date || !input.time || !input.timeZone) return { kind: "empty" };
  const local = { date: input.date, time: input.time, timeZone: input.timeZone };
  const result = input.repeat ? repeatStarts({ ...local, ...input.repeat }) : resolveLocalStart(local);
  if (result.ok) return { kind: "ok", starts: "starts" in result ? result.starts : [result.startsAt] };
  if (result.reason === "ambiguous" && result.options) {
    const chosen = input.choice ? (input.repeat ? repeatStarts({ ...local, ...input.repeat }, input.choice) : resolveLocalStart(local, input.choice)) : null;
    const starts = chosen?.ok ? ("starts" in chosen ? chosen.starts : [chosen.startsAt]) : null;
    return { kind: "ambiguous", message: result.message, options: result.options, starts };
  }
  return { kind: "problem", message: result.message };
}

/**
 * The server refuses a new start in the past; say so before the moderator submits. An edit
 * that keeps the meeting's start (`unchanged`) is let through, as the server lets it through.
 */
export function refusePast(plan: MeetingPlan, unchanged: boolean, now: number = Date.now()): MeetingPlan {
  const first = plan.kind === "ok" ? plan.starts[0] : plan.kind === "ambiguous" ? plan.starts?.[0] : undefined;
  if (unchanged || !first || first.getTime() > now) return plan;
  return { kind: "problem", message: "That time has already passed. Choose a day and time in the future." };
}
