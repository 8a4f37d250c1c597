"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatLocalParts } from "@/lib/meetings/time";
import type { PlanProblem } from "./meeting-plan";

/**
 * Words for what is wrong with a planned start, in the reader's language, with its date and
 * time formatted by their locale ("2:30 AM on Sunday, March 29, 2026" / "2:30 del domingo...").
 */
export function useStartProblemText(): (problem: PlanProblem) => string {
  const t = useTranslations("meeting.problem");
  const locale = useLocale();
  return (problem) => {
    if (problem.code === "past") return t("past");
    const { start } = problem;
    let text: string;
    switch (start.code) {
      case "unknownZone":
        text = t("unknownZone", { zone: start.zone });
        break;
      case "badDate":
        text = t("badDate", { date: start.date });
        break;
      case "badTime":
        text = t("badTime", { time: start.time });
        break;
      case "repeatEvery":
      case "repeatCount":
        text = t(start.code, { min: start.min, max: start.max });
        break;
      case "gap":
      case "ambiguous": {
        const local = formatLocalParts(start.date, start.time, locale);
        text = t(start.code, { ...local, zone: start.zone, from: start.from, to: start.to });
        break;
      }
    }
    return problem.occurrence === null ? text : t("occurrence", { occurrence: problem.occurrence, count: problem.count, problem: text });
  };
}
