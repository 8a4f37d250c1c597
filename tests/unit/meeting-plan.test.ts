import { describe, expect, it } from "vitest";
import { planStarts, refusePast, type MeetingPlan } from "@/components/meeting/meeting-plan";
import { translatorFor } from "@/lib/i18n/translate";
import { formatLocalParts } from "@/lib/meetings/time";

const madrid = { timeZone: "Europe/Madrid", choice: null, repeat: null };

describe("planStarts", () => {
  it("waits until date, time and zone are all given", () => {
    expect(planStarts({ ...madrid, date: "", time: "19:00" })).toEqual({ kind: "empty" });
  });

  it("gives the one start of a single meeting", () => {
    const plan = planStarts({ ...madrid, date: "2027-01-28", time: "19:00" });
    expect(plan).toEqual({ kind: "ok", starts: [new Date("2027-01-28T18:00:00Z")] });
  });

  it("gives every start of a series at the same local time across a clock change", () => {
    const plan = planStarts({ ...madrid, date: "2027-03-18", time: "19:00", repeat: { everyWeeks: 2, count: 2 } });
    expect(plan).toEqual({ kind: "ok", starts: [new Date("2027-03-18T18:00:00Z"), new Date("2027-04-01T17:00:00Z")] });
  });

  it("says a time inside a spring-forward gap does not exist", () => {
    const plan = planStarts({ ...madrid, date: "2027-03-28", time: "02:30" });
    expect(plan.kind).toBe("problem");
  });

  it("asks which of a fall-back hour's two 2:30s, and gives the start once chosen", () => {
    const asked = planStarts({ ...madrid, date: "2026-10-25", time: "02:30" });
    expect(asked).toMatchObject({ kind: "ambiguous", starts: null });
    const later = planStarts({ ...madrid, date: "2026-10-25", time: "02:30", choice: "later" });
    expect(later).toMatchObject({ kind: "ambiguous", starts: [new Date("2026-10-25T01:30:00Z")] });
  });
});

describe("refusePast", () => {
  const plan: MeetingPlan = { kind: "ok", starts: [new Date("2027-01-28T18:00:00Z")] };
  const after = new Date("2027-02-01T00:00:00Z").getTime();

  it("refuses a start that has passed", () => {
    expect(refusePast(plan, false, after).kind).toBe("problem");
  });

  it("lets an edit keep the start it already had", () => {
    expect(refusePast(plan, true, after)).toBe(plan);
  });

  it("lets a future start through", () => {
    expect(refusePast(plan, false, new Date("2027-01-01T00:00:00Z").getTime())).toBe(plan);
  });
});

describe("a planned start's problem in words", () => {
  // The same words and values components/meeting/start-problem.ts passes, outside React.
  const words = (locale: "en" | "es") => translatorFor(locale, "meeting");

  it("says in Spanish that a series' meeting falls in the spring-forward gap, with the date in Spanish", () => {
    const plan = planStarts({ ...madrid, date: "2026-03-15", time: "02:30", repeat: { everyWeeks: 1, count: 4 } });
    if (plan.kind !== "problem" || plan.problem.code !== "start" || plan.problem.start.code !== "gap") throw new Error("expected a gap");
    const { start, occurrence, count } = plan.problem;
    const t = words("es");
    const text = t("problem.gap", { ...formatLocalParts(start.date, start.time, "es"), zone: start.zone, from: start.from, to: start.to });
    expect(t("problem.occurrence", { occurrence: occurrence ?? 0, count, problem: text })).toBe(
      "Reunión 3 de 4: Las 2:30 del domingo, 29 de marzo de 2026 no existen en Europe/Madrid: los relojes saltan de 2:00 a 3:00. Elige otra hora.",
    );
  });

  it("words a start in the past in both languages", () => {
    const past = refusePast({ kind: "ok", starts: [new Date("2020-01-01T00:00:00Z")] }, false);
    expect(past).toEqual({ kind: "problem", problem: { code: "past" } });
    expect(words("en")("problem.past")).toBe("That time has already passed. Choose a day and time in the future.");
    expect(words("es")("problem.past")).toBe("Esa hora ya ha pasado. Elige un día y una hora en el futuro.");
  });
});
