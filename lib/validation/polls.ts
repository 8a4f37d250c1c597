import { z } from "zod";
import { errorKey } from "@/lib/i18n/error-text";
import { isValidTimeZone } from "@/lib/meetings/time";
import { uuidParam } from "@/lib/validation/ids";
import { text } from "@/lib/validation/text";

/** Shared with the forms, so the limits they show are the ones the server holds them to. */
export const pollLimits = {
  question: 300,
  description: 2000,
  option: 200,
  author: 200,
  url: 2000,
  /** Options a poll may have, counting members' proposals. */
  options: { min: 2, max: 30 },
} as const;

/** Form fields arrive as strings; an empty optional field means "not set". */
const blankToNull = (value: unknown) => (value === undefined || (typeof value === "string" && value.trim() === "") ? null : value);

/**
 * A web address people will open (a book's page, its cover image): http or https only, stored in
 * its normal form. Anything else (javascript:, data:, a bare word) is refused.
 */
const webAddress = (tooLong: "poll.linkTooLong" | "poll.coverTooLong", invalid: "poll.linkInvalid" | "poll.coverInvalid") =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .max(pollLimits.url, errorKey(tooLong, { maximum: pollLimits.url }))
      .transform((value, context) => {
        let url: URL;
        try {
          url = new URL(value);
        } catch {
          context.addIssue({ code: "custom", message: errorKey(invalid) });
          return z.NEVER;
        }
        if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname) {
          context.addIssue({ code: "custom", message: errorKey(invalid) });
          return z.NEVER;
        }
        return url.href;
      })
      .nullable(),
  );

const optionTitle = text({ label: "title", error: "poll.optionMissing" }).min(1, errorKey("poll.optionMissing")).max(pollLimits.option, errorKey("poll.optionTooLong", { maximum: pollLimits.option }));

/**
 * An option as the new-poll form sends it: its text, with a book's author, link and cover when
 * the poll is a next-book vote (the poll's own rules, below, require the author there and drop
 * the rest for a plain poll).
 */
const optionInput = z.object({
  title: optionTitle,
  author: text({ label: "author" })
    .max(pollLimits.author, errorKey("poll.authorTooLong", { maximum: pollLimits.author }))
    .nullish()
    .transform((value) => value || null),
  link: webAddress("poll.linkTooLong", "poll.linkInvalid").optional().transform((value) => value ?? null),
  coverUrl: webAddress("poll.coverTooLong", "poll.coverInvalid").optional().transform((value) => value ?? null),
});

/** A book offered in a next-book vote, by a moderator or proposed by a member. */
export const bookOptionInput = z.object({
  title: text({ label: "title", error: "poll.bookTitleMissing" }).min(1, errorKey("poll.bookTitleMissing")).max(pollLimits.option, errorKey("poll.optionTooLong", { maximum: pollLimits.option })),
  author: text({ label: "author", error: "poll.authorMissing" }).min(1, errorKey("poll.authorMissing")).max(pollLimits.author, errorKey("poll.authorTooLong", { maximum: pollLimits.author })),
  link: webAddress("poll.linkTooLong", "poll.linkInvalid").optional().transform((value) => value ?? null),
  coverUrl: webAddress("poll.coverTooLong", "poll.coverInvalid").optional().transform((value) => value ?? null),
});

const closing = z.preprocess(
  (value) => (value === undefined ? null : value),
  z
    .object({
      date: text({ label: "day", error: "poll.closeDayMissing" }).min(1, errorKey("poll.closeDayMissing")),
      time: text({ label: "startTime", error: "poll.closeTimeMissing" }).min(1, errorKey("poll.closeTimeMissing")),
      /** Which of the two readings of a time that happens twice (a fall-back hour). */
      choice: z.preprocess((value) => (value === "" || value === undefined ? null : value), z.enum(["earlier", "later"], { error: errorKey("poll.choice") }).nullable()),
    })
    .nullable(),
);

const flag = z.boolean({ error: errorKey("poll.flag") });

/**
 * A new poll. `closes` is a local date and time in `timeZone` (null: it closes only by hand);
 * `options` are texts for a plain poll and books for a next-book vote, which may start with
 * fewer than two when members will propose more. Cross-field rules are checked here too, each
 * on the field it belongs to.
 */
export const createPollInput = z
  .object({
    kind: z.enum(["question", "next_book"], { error: errorKey("poll.kind") }),
    question: text({ label: "question", error: "poll.questionMissing" }).min(1, errorKey("poll.questionMissing")).max(pollLimits.question, errorKey("poll.questionTooLong")),
    description: text({ label: "description", multiline: true })
      .max(pollLimits.description, errorKey("poll.descriptionTooLong"))
      .nullish()
      .transform((value) => value ?? ""),
    voting: z.enum(["single", "multiple", "ranked"], { error: errorKey("poll.voting") }),
    maxChoices: z.preprocess(
      blankToNull,
      z.coerce.number({ error: errorKey("poll.maxChoices") }).int(errorKey("poll.maxChoices")).min(1, errorKey("poll.maxChoices")).nullable(),
    ),
    resultsWhileOpen: flag,
    anonymous: flag,
    proposalsOpen: flag,
    timeZone: text({ label: "timeZone", error: "poll.timeZoneMissing" }).min(1, errorKey("poll.timeZoneMissing")).refine(isValidTimeZone, errorKey("timeZone.unknown")),
    closes: closing,
    options: z.array(optionInput, { error: errorKey("poll.optionsMissing") }).max(pollLimits.options.max, errorKey("poll.tooManyOptions")),
  })
  .transform((poll, context) => {
    const book = poll.kind === "next_book";
    poll.options.forEach((option, index) => {
      if (book && !option.author) context.addIssue({ code: "custom", message: errorKey("poll.authorMissing"), path: ["options", index, "author"] });
    });
    const options = poll.options.map((option) => (book ? option : { title: option.title, author: null, link: null, coverUrl: null }));
    const proposals = poll.kind === "next_book" && poll.proposalsOpen;
    if (options.length < pollLimits.options.min && !proposals) {
      context.addIssue({ code: "custom", message: errorKey(poll.kind === "next_book" ? "poll.optionsTooFewBooks" : "poll.optionsTooFew"), path: ["options"] });
    }
    const keys = options.map((option) => `${option.title.toLocaleLowerCase()}\u0000${(option.author ?? "").toLocaleLowerCase()}`);
    if (new Set(keys).size !== keys.length) context.addIssue({ code: "custom", message: errorKey("poll.optionTwice"), path: ["options"] });
    if (poll.voting === "multiple" && poll.maxChoices !== null && poll.maxChoices < 2) {
      context.addIssue({ code: "custom", message: errorKey("poll.maxChoices"), path: ["maxChoices"] });
    }
    return {
      ...poll,
      options,
      // Only several-choice ballots have a maximum; only next-book votes take proposals.
      maxChoices: poll.voting === "multiple" ? poll.maxChoices : null,
      proposalsOpen: proposals,
    };
  });

/** A ballot: the options chosen, first preference first for a ranked poll; empty withdraws it. */
export const voteInput = z.object({
  choices: z
    .array(z.uuid(errorKey("notFound.pollOption")), { error: errorKey("poll.chooseOption") })
    .max(pollLimits.options.max, errorKey("poll.chooseOption"))
    .refine((ids) => new Set(ids).size === ids.length, errorKey("poll.optionTwiceOnBallot")),
});

/** Closing by hand; `adopt` also makes a next-book vote's winner (or `optionId`, one of the tied) the club's book. */
export const closePollInput = z.object({
  adopt: z.boolean({ error: errorKey("poll.flag") }).optional().default(false),
  optionId: z.preprocess(blankToNull, z.uuid(errorKey("notFound.pollOption")).nullable()).optional().transform((value) => value ?? null),
});

/** Making a closed next-book vote's winner the club's book; `optionId` picks among tied options. */
export const adoptPollInput = z.object({
  optionId: z.preprocess(blankToNull, z.uuid(errorKey("notFound.pollOption")).nullable()).optional().transform((value) => value ?? null),
});

/** A door naming a club's polls: /clubs/:clubId/polls. */
export const clubPollsParams = z.object({ clubId: uuidParam });

/** A door naming one poll under its club: /clubs/:clubId/polls/:pollId. */
export const clubPollParams = z.object({ clubId: uuidParam, pollId: uuidParam });

/** What the forms send, before parsing: typed by the schemas, so a renamed field is a type error there. */
export type CreatePollValues = z.input<typeof createPollInput>;
export type CreatePollInput = z.output<typeof createPollInput>;
export type BookOptionValues = z.input<typeof bookOptionInput>;
export type VoteValues = z.input<typeof voteInput>;
export type ClosePollValues = z.input<typeof closePollInput>;
export type AdoptPollValues = z.input<typeof adoptPollInput>;
