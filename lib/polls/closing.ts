import "server-only";
import { AppError } from "@/lib/errors";
import { errorText, type ErrorText } from "@/lib/i18n/error-text";
import { resolveLocalStart } from "@/lib/meetings/time";

/**
 * The instant a poll closes, from the local date and time a moderator typed in `timeZone`, by the
 * same rules as a meeting's start (lib/meetings/time.ts, Temporal): a time skipped by a
 * spring-forward jump is refused, one that happens twice needs `choice`, and nothing is shifted
 * quietly. Null when the poll closes only by hand. Raises bad_request on the field at fault, and
 * for an instant not after `now`.
 */
export function resolveClosingTime(closes: { date: string; time: string; choice: "earlier" | "later" | null } | null, timeZone: string, now: Date): Date | null {
  if (!closes) return null;
  const result = resolveLocalStart({ date: closes.date, time: closes.time, timeZone }, closes.choice ?? undefined);
  if (!result.ok) {
    const values = { date: closes.date, time: closes.time, zone: timeZone };
    const [field, message]: [string, ErrorText] =
      result.problem.code === "unknownZone"
        ? ["timeZone", errorText("poll.unknownZone", { zone: timeZone })]
        : result.problem.code === "gap"
          ? ["closes.time", errorText("poll.gap", values)]
          : result.problem.code === "ambiguous"
            ? ["closes.choice", errorText("poll.twice", values)]
            : result.problem.code === "badDate"
              ? ["closes.date", errorText("poll.badDate", { date: closes.date })]
              : ["closes.time", errorText("poll.badTime", { time: closes.time })];
    throw new AppError("bad_request", message, { [field]: message });
  }
  if (result.startsAt.getTime() <= now.getTime()) {
    const message = errorText("poll.closePast");
    throw new AppError("bad_request", message, { "closes.date": message });
  }
  return result.startsAt;
}
