import { z } from "zod";
import { text } from "@/lib/validation/text";
import { errorKey } from "@/lib/i18n/error-text";

export const bookLimits = { title: 200, author: 200, description: 2000, summary: 8000 } as const;

/** Form fields arrive as strings; an empty optional field means "not set". */
const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

const title = text({ label: "title", error: "book.titleMissing" })
  .min(1, errorKey("book.titleMissing"))
  .max(bookLimits.title, errorKey("book.titleTooLong"));

const author = text({ label: "author", error: "book.authorMissing" })
  .min(1, errorKey("book.authorMissing"))
  .max(bookLimits.author, errorKey("book.authorTooLong"));

// Computed per parse, not per module load, so a long-running server still accepts next year's books.
const year = z.preprocess(
  blankToNull,
  z.coerce
    .number({ error: errorKey("book.yearNumber") })
    .int(errorKey("book.yearWhole"))
    .min(0, errorKey("book.yearNegative"))
    .refine((value) => value <= new Date().getFullYear() + 1, errorKey("book.yearFuture"))
    .nullable(),
);

const coverUrl = z.preprocess(
  (value) => (typeof value === "string" ? blankToNull(value.trim()) : value),
  z
    .url({ protocol: /^https$/, error: errorKey("book.coverHttps") })
    .max(2000, errorKey("book.coverTooLong"))
    // Stored in its normal form, so "https:host/x" is kept as the "https://host/x" a browser loads.
    .transform((value) => new URL(value).href)
    .nullable(),
);

const description = text({ label: "description", multiline: true })
  .max(bookLimits.description, errorKey("book.descriptionTooLong"))
  .nullish()
  .transform((value) => value ?? "");

// The full summary, ending included: the book page keeps it behind a spoiler warning.
const summary = text({ label: "summary", multiline: true })
  .max(bookLimits.summary, errorKey("book.summaryTooLong"))
  .nullish()
  .transform((value) => value ?? "");

export const bookInput = z.object({
  title,
  author,
  year: year.optional().transform((value) => value ?? null),
  coverUrl: coverUrl.optional().transform((value) => value ?? null),
  description,
  summary,
});

export const createBookInput = bookInput.extend({
  makeCurrent: z.boolean().optional().default(false),
});

/** What the book form sends, before parsing (`z.input`); typed by the schema for the form and its actions. */
export type BookValues = z.input<typeof bookInput>;
/** The same, when adding a book: it may become the club's current one. */
export type CreateBookValues = z.input<typeof createBookInput>;
