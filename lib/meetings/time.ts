import { Temporal } from "@js-temporal/polyfill";

// Meetings are stored as instants; the moderator's zone is kept beside them so a weekly series
// can stay at the same wall-clock time. This module turns one into the other and back, and
// formats both for people. It runs in the browser too, so it uses no Node APIs.
// Longer than most modules on purpose: every rule about a meeting's time (DST gaps, ambiguous
// hours, repeats, phases, formatting) lives here, so browser and server cannot disagree.

export type StartChoice = "earlier" | "later";

export type StartOption = { choice: StartChoice; startsAt: Date; label: string };

type LocalStartProblem = "invalid" | "unknown_zone" | "gap" | "ambiguous";

export type LocalStartInput = { date: string; time: string; timeZone: string };

/**
 * What is wrong with a start, as data, so each reader gets it in their own language
 * (components/meeting/start-problem.ts words it from the "meeting" messages). Dates and times are
 * ISO ("2026-03-29", "02:30") for the words to format; `from`/`to` are wall-clock "2:00" times.
 */
export type StartProblem =
  | { code: "unknownZone"; zone: string }
  | { code: "badDate"; date: string }
  | { code: "badTime"; time: string }
  | { code: "gap" | "ambiguous"; date: string; time: string; zone: string; from: string; to: string }
  | { code: "repeatEvery" | "repeatCount"; min: number; max: number };

export type LocalStartResult =
  | { ok: true; startsAt: Date }
  | { ok: false; reason: LocalStartProblem; message: string; problem: StartProblem; options?: StartOption[] };

export type RepeatInput = LocalStartInput & { everyWeeks: number; count: number };

export type RepeatResult =
  | { ok: true; starts: Date[] }
  | {
      ok: false;
      reason: LocalStartProblem;
      message: string;
      problem: StartProblem;
      /** Of `count` meetings asked for; with `occurrence`, says which one the problem is in. */
      count: number;
      /** 1-based; null when the request as a whole is wrong rather than one meeting of it. */
      occurrence: number | null;
      options?: StartOption[];
    };

export type MeetingPhase = "upcoming" | "live" | "past";

export type MeetingWindow = { startsAt: Date; endsAt: Date };

// `message` is the English refusal the server's errors carry; pages word `problem` in the reader's
// language instead (components/meeting/start-problem.ts).
const MESSAGE_LOCALE = "en-US";

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_SHAPE = /^\d{2}:\d{2}$/;

export const REPEAT_LIMITS = { everyWeeks: { min: 1, max: 8 }, count: { min: 1, max: 52 } } as const;

export function isValidTimeZone(zone: string): boolean {
  // Temporal also accepts fixed offsets ("+02:00"), but an offset has no daylight-saving rules,
  // so a weekly meeting stored with one would drift an hour off twice a year.
  if (!/^[A-Za-z]/.test(zone)) return false;
  try {
    // Display goes through Intl and arithmetic through Temporal: the zone must satisfy both.
    new Intl.DateTimeFormat("en", { timeZone: zone });
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant a moderator means by a date and time in their zone. A time skipped by a
 * spring-forward jump is always refused; one that happens twice is refused unless `choice` says
 * which, and the refusal offers both. Nothing is ever shifted quietly.
 */
export function resolveLocalStart(input: LocalStartInput, choice?: StartChoice): LocalStartResult {
  const parsed = parseLocal(input);
  if (!parsed.ok) return parsed;
  return resolvePlain(parsed.local, input.timeZone, choice);
}

/** Every `everyWeeks` weeks, `count` times, at the same local wall-clock time throughout. */
export function repeatStarts(input: RepeatInput, choice?: StartChoice): RepeatResult {
  const { everyWeeks, count } = input;
  if (!inRange(everyWeeks, REPEAT_LIMITS.everyWeeks)) {
    const problem: StartProblem = { code: "repeatEvery", ...REPEAT_LIMITS.everyWeeks };
    return { ok: false, reason: "invalid", occurrence: null, count, problem, message: "Repeat every 1 to 8 weeks." };
  }
  if (!inRange(count, REPEAT_LIMITS.count)) {
    const problem: StartProblem = { code: "repeatCount", ...REPEAT_LIMITS.count };
    return { ok: false, reason: "invalid", occurrence: null, count, problem, message: "Schedule between 1 and 52 meetings." };
  }
  const parsed = parseLocal(input);
  if (!parsed.ok) return { ...parsed, occurrence: null, count };

  const starts: Date[] = [];
  for (let index = 0; index < count; index++) {
    // Adding weeks to the local date (not to the instant) is what keeps 19:00 at 19:00 when
    // the zone changes its offset between two meetings.
    const local = parsed.local.add({ weeks: index * everyWeeks });
    const resolved = resolvePlain(local, input.timeZone, choice);
    if (!resolved.ok) {
      const occurrence = index + 1;
      return { ...resolved, occurrence, count, message: `Meeting ${occurrence} of ${count}: ${resolved.message}` };
    }
    starts.push(resolved.startsAt);
  }
  return { ok: true, starts };
}

/** The values a date and a time input need to show an instant as the moderator typed it. */
export function toLocalInputs(startsAt: Date, timeZone: string): { date: string; time: string } {
  const zoned = toZoned(startsAt, timeZone);
  return {
    date: zoned.toPlainDate().toString(),
    time: zoned.toPlainTime().toString({ smallestUnit: "minute" }),
  };
}

/** "Thursday, March 12, 2026 at 7:00 PM CET" (the joining word is the locale's own). */
export function formatInZone(startsAt: Date, timeZone: string, locale = "en"): string {
  const format = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
  const zoneName = shortZoneName(timeZone, startsAt, locale);
  return format
    .formatToParts(startsAt)
    .map((part) => (part.type === "timeZoneName" ? zoneName : part.value))
    .join("");
}

/** "7:00 – 8:30 PM CET"; a range that crosses midnight or an offset change says so. */
export function formatTimeRange(startsAt: Date, durationMinutes: number, timeZone: string, locale = "en"): string {
  const { endsAt } = meetingWindow(startsAt, durationMinutes);
  const format = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  });
  const startName = shortZoneName(timeZone, startsAt, locale);
  const endName = shortZoneName(timeZone, endsAt, locale);
  return format
    .formatRangeToParts(startsAt, endsAt)
    .map((part) => {
      if (part.type !== "timeZoneName") return part.value;
      return part.source === "endRange" ? endName : startName;
    })
    .join("");
}

/** "Central European Time (Europe/Madrid)": the name people know, then the exact zone. */
export function zoneLabel(timeZone: string, at: Date, locale = "en"): string {
  const generic = zoneNamePart(timeZone, at, locale, "longGeneric");
  // Zones without a generic name (UTC, Etc/GMT+2) come back as an offset; the long name is better.
  const name = isOffsetName(generic) ? zoneNamePart(timeZone, at, locale, "long") : generic;
  return `${name} (${timeZone})`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/**
 * "in 3 days", "tomorrow", "5 minutes ago", "now". Without the reader's zone a day is 24 hours,
 * so "tomorrow" means "about a day from now"; the full date sits next to it on screen.
 */
export function relativeHint(startsAt: Date, now: Date, locale = "en"): string {
  const words = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const difference = startsAt.getTime() - now.getTime();
  const distance = Math.abs(difference);
  const sign = difference < 0 ? -1 : 1;
  const inUnits = (size: number): number => sign * Math.max(1, Math.round(distance / size));

  if (distance < 45_000) return words.format(0, "second");
  if (distance < 45 * MINUTE) return words.format(inUnits(MINUTE), "minute");
  if (distance < 22 * HOUR) return words.format(inUnits(HOUR), "hour");
  if (distance < 6.5 * DAY) return words.format(inUnits(DAY), "day");
  if (distance < 26 * DAY) return words.format(inUnits(WEEK), "week");
  return calendarHint(startsAt, now, words);
}

export function meetingWindow(startsAt: Date, durationMinutes: number): MeetingWindow {
  const end = Temporal.Instant.fromEpochMilliseconds(startsAt.getTime()).add({ minutes: durationMinutes });
  return { startsAt, endsAt: new Date(end.epochMilliseconds) };
}

/** Live from the first minute up to, not including, the end: a meeting never is two things. */
export function meetingPhase(meeting: { startsAt: Date; durationMinutes: number }, now: Date): MeetingPhase {
  const { startsAt, endsAt } = meetingWindow(meeting.startsAt, meeting.durationMinutes);
  if (now.getTime() < startsAt.getTime()) return "upcoming";
  if (now.getTime() < endsAt.getTime()) return "live";
  return "past";
}

// ---- parsing and resolving ----

type Parsed = { ok: true; local: Temporal.PlainDateTime } | { ok: false; reason: LocalStartProblem; message: string; problem: StartProblem };

function parseLocal(input: LocalStartInput): Parsed {
  // The zone is checked first: it is the one problem the person cannot see in what they typed.
  if (!isValidTimeZone(input.timeZone)) {
    return {
      ok: false,
      reason: "unknown_zone",
      message: `"${input.timeZone}" isn't a time zone we know. Choose one from the list.`,
      problem: { code: "unknownZone", zone: input.timeZone },
    };
  }
  const date = DATE_SHAPE.test(input.date) ? attempt(() => Temporal.PlainDate.from(input.date)) : null;
  if (!date) return { ok: false, reason: "invalid", message: `"${input.date}" isn't a date. Use YYYY-MM-DD.`, problem: { code: "badDate", date: input.date } };
  const time = TIME_SHAPE.test(input.time) ? attempt(() => Temporal.PlainTime.from(input.time)) : null;
  if (!time) return { ok: false, reason: "invalid", message: `"${input.time}" isn't a time. Use 24-hour HH:mm.`, problem: { code: "badTime", time: input.time } };
  return { ok: true, local: date.toPlainDateTime(time) };
}

function resolvePlain(local: Temporal.PlainDateTime, timeZone: string, choice?: StartChoice): LocalStartResult {
  // Asking for both readings tells the three cases apart without catching the "reject" error:
  // one instant when they agree, two real instants in a fall-back hour, and in a spring-forward
  // gap at least one of them shows a different wall-clock time than the one asked for.
  const earlier = local.toZonedDateTime(timeZone, { disambiguation: "earlier" });
  const later = local.toZonedDateTime(timeZone, { disambiguation: "later" });
  if (earlier.equals(later)) return { ok: true, startsAt: toDate(earlier) };

  const transition = describeTransition(later);
  const when = `${formatPlainTime(local.toPlainTime())} on ${formatPlainDate(local.toPlainDate())}`;
  const isGap = !earlier.toPlainDateTime().equals(local) || !later.toPlainDateTime().equals(local);
  const where = {
    date: local.toPlainDate().toString(),
    time: local.toPlainTime().toString({ smallestUnit: "minute" }),
    zone: timeZone,
    ...transition,
  };
  if (isGap) {
    return {
      ok: false,
      reason: "gap",
      problem: { code: "gap", ...where },
      message: `${when} doesn't exist in ${timeZone}: clocks jump from ${transition.from} to ${transition.to}. Choose another time.`,
    };
  }

  if (choice) return { ok: true, startsAt: toDate(choice === "earlier" ? earlier : later) };
  return {
    ok: false,
    reason: "ambiguous",
    problem: { code: "ambiguous", ...where },
    message: `${when} happens twice in ${timeZone}: clocks go back from ${transition.from} to ${transition.to}. Choose which one you mean.`,
    options: [
      { choice: "earlier", startsAt: toDate(earlier), label: optionLabel(earlier) },
      { choice: "later", startsAt: toDate(later), label: optionLabel(later) },
    ],
  };
}

/** The wall-clock times either side of the offset change that `after` follows. */
function describeTransition(after: Temporal.ZonedDateTime): { from: string; to: string } {
  const transition = after.getTimeZoneTransition("previous");
  if (!transition) return { from: "?", to: "?" };
  const before = transition.subtract({ nanoseconds: 1 });
  // The same instant read with the old offset is the time the clocks showed as they changed.
  const from = transition.withTimeZone(before.offset).toPlainTime();
  return { from: clockTime(from), to: clockTime(transition.toPlainTime()) };
}

/**
 * One reading of a time that happens twice, for a reader: "2:30 AM CEST (UTC+2)" in English,
 * "2:30 CEST (UTC+2)" in Spanish. (A StartOption's own `label` is the English one.)
 */
export function formatStartOption(startsAt: Date, timeZone: string, locale: string): string {
  return optionLabel(toZoned(startsAt, timeZone), locale);
}

/** "2:30 AM on Sunday, March 29, 2026" as its parts in a locale, for a StartProblem's words. */
export function formatLocalParts(date: string, time: string, locale: string): { date: string; time: string } {
  return { date: formatPlainDate(Temporal.PlainDate.from(date), locale), time: formatPlainTime(Temporal.PlainTime.from(time), locale) };
}

/** "2:30 AM CEST (UTC+2)": the abbreviation alone can be unfamiliar, the offset never is. */
function optionLabel(zoned: Temporal.ZonedDateTime, locale: string = MESSAGE_LOCALE): string {
  const at = toDate(zoned);
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: zoned.timeZoneId,
    hour: "numeric",
    minute: "2-digit",
  }).format(at);
  const offset = utcOffsetLabel(zoned.offset);
  const name = shortZoneName(zoned.timeZoneId, at, locale);
  return isOffsetName(name) ? `${time} (${offset})` : `${time} ${name} (${offset})`;
}

// ---- zone names ----

function zoneNamePart(
  timeZone: string,
  at: Date,
  locale: string,
  style: "short" | "long" | "longGeneric",
): string {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style }).formatToParts(at);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}

/**
 * CLDR's plain English only abbreviates North American zones (EST, PDT) and British English
 * adds the European ones (CET, BST); an English reader knows both, so try each before settling
 * for "GMT+1". Other languages keep their own names (German gives MEZ).
 */
function shortZoneName(timeZone: string, at: Date, locale: string): string {
  const own = zoneNamePart(timeZone, at, locale, "short");
  if (!isOffsetName(own) || new Intl.Locale(locale).language !== "en") return own;
  const english = ["en-US", "en-GB"].map((variant) => zoneNamePart(timeZone, at, variant, "short"));
  return english.find((name) => !isOffsetName(name)) ?? own;
}

function isOffsetName(name: string): boolean {
  return /^(GMT|UTC)[+\-\u2212]/.test(name);
}

/** "+02:00" → "UTC+2", "-03:30" → "UTC-3:30", "+00:00" → "UTC". */
function utcOffsetLabel(offset: string): string {
  const match = /^([+-])(\d{2}):(\d{2})/.exec(offset);
  if (!match) return `UTC${offset}`;
  const [, sign, hours, minutes] = match;
  if (hours === "00" && minutes === "00") return "UTC";
  return `UTC${sign}${Number(hours)}${minutes === "00" ? "" : `:${minutes}`}`;
}

// ---- small helpers ----

function calendarHint(startsAt: Date, now: Date, words: Intl.RelativeTimeFormat): string {
  // Months differ in length, so count them on a calendar (UTC is as good as any at this scale).
  const from = toZoned(now, "UTC");
  const to = toZoned(startsAt, "UTC");
  const sign = startsAt.getTime() < now.getTime() ? -1 : 1;
  const months = from.until(to, { largestUnit: "months", smallestUnit: "months", roundingMode: "halfExpand" }).months;
  if (Math.abs(months) < 12) return words.format(sign * Math.max(1, Math.abs(months)), "month");
  const years = from.until(to, { largestUnit: "years", smallestUnit: "years", roundingMode: "halfExpand" }).years;
  return words.format(years, "year");
}

function formatPlainTime(time: Temporal.PlainTime, locale: string = MESSAGE_LOCALE): string {
  return time.toLocaleString(locale, { hour: "numeric", minute: "2-digit" });
}

function formatPlainDate(date: Temporal.PlainDate, locale: string = MESSAGE_LOCALE): string {
  return date.toLocaleString(locale, { weekday: "long", year: "numeric", month: "long", day: "numeric" });
}

/** "2:00", "14:30": how people say a clock change, with no AM/PM to trip over. */
function clockTime(time: Temporal.PlainTime): string {
  return `${time.hour}:${String(time.minute).padStart(2, "0")}`;
}

function toZoned(at: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
}

function toDate(zoned: Temporal.ZonedDateTime): Date {
  return new Date(zoned.epochMilliseconds);
}

function inRange(value: number, limits: { min: number; max: number }): boolean {
  return Number.isInteger(value) && value >= limits.min && value <= limits.max;
}

function attempt<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}
