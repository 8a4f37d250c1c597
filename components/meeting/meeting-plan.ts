import { repeatStarts, resolveLocalStart, type StartChoice, type StartOption, type StartProblem } from "@/lib/meetings/time";

// What the meeting form's date, time, zone and repeat mean, worked out in the browser with the
// same rules (lib/meetings/time.ts) the server applies. Pure, so it is unit-tested; the words
// come later, in the reader's language (start-problem.ts).

/** What is wrong, as data: a start problem (in meeting `occurrence` of `count` of a series), or a start in the past. */
export type PlanProblem = { code: "start"; start: StartProblem; occurrence: number | null; count: number } | { code: "past" };

export type MeetingPlan =
  | { kind: "empty" }
  | { kind: "ok"; starts: Date[] }
  | { kind: "problem"; problem: PlanProblem }
  /** A time that happens twice (a fall-back hour): which one, and the starts once chosen. */
  | { kind: "ambiguous"; problem: PlanProblem; options: StartOption[]; starts: Date[] | null };

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
  const series = input.repeat ? repeatStarts({ ...local, ...input.repeat }) : null;
  const single = series ? null : resolveLocalStart(local);
  const result = series ?? single;
  if (!result) return { kind: "empty" };
  if (result.ok) return { kind: "ok", starts: "starts" in result ? result.starts : [result.startsAt] };
  // A single meeting is "meeting 1 of 1", which is never said.
  const problem: PlanProblem = {
    code: "start",
    start: result.problem,
    occurrence: series && !series.ok ? series.occurrence : null,
    count: series && !series.ok ? series.count : 1,
  };
  if (result.reason === "ambiguous" && result.options) {
    const chosen = input.choice ? (input.repeat ? repeatStarts({ ...local, ...input.repeat }, input.choice) : resolveLocalStart(local, input.choice)) : null;
    const starts = chosen?.ok ? ("starts" in chosen ? chosen.starts : [chosen.startsAt]) : null;
    return { kind: "ambiguous", problem, options: result.options, starts };
  }
  return { kind: "problem", problem };
}

/**
 * The server refuses a new start in the past; say so before the moderator submits. An edit
 * that keeps the meeting's start (`unchanged`) is let through, as the server lets it through.
 */
export function refusePast(plan: MeetingPlan, unchanged: boolean, now: number = Date.now()): MeetingPlan {
  const first = plan.kind === "ok" ? plan.starts[0] : plan.kind === "ambiguous" ? plan.starts?.[0] : undefined;
  if (unchanged || !first || first.getTime() > now) return plan;
  return { kind: "problem", problem: { code: "past" } };
}
