import { z } from "zod";
import { text } from "@/lib/validation/text";

export const bookLimits = { title: 200, author: 200, description: 2000, summary: 8000 } as const;

/** Form fields arrive as strings; an empty optional field means "not set". */
const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

const title = text({ label: "The title", error: "Enter the book's title." })
  .min(1, "Enter the book's title.")
  .max(bookLimits.title, `Keep the title under ${bookLimits.title} characters.`);

const author = text({ label: "The author's name", error: "Enter the author's name." })
  .min(1, "Enter the author's name.")
  .max(bookLimits.author, `Keep the author's name under ${bookLimits.author} characters.`);

// Computed per parse, not per module load, so a long-running server still accepts next year's books.
const year = z.preprocess(
  blankToNull,
  z.coerce
    .number({ error: "Enter the year as a number, like 2005." })
    .int("Enter the year as a whole number, like 2005.")
    .min(0, "Enter a year of 0 or later.")
    .refine((value) => value <= new Date().getFullYear() + 1, "That year is still in the future.")
    .nullable(),
);

const coverUrl = z.preprocess(
  (value) => (typeof value === "string" ? blankToNull(value.trim()) : value),
  z
    .url({ protocol: /^https$/, error: "Use a cover image link that starts with https://." })
    .max(2000, "That cover link is too long.")
    // Stored in its normal form, so "https:host/x" is kept as the "https://host/x" a browser loads.
    .transform((value) => new URL(value).href)
    .nullable(),
);

const description = text({ label: "The description", multiline: true })
  .max(bookLimits.description, `Keep the description under ${bookLimits.description.toLocaleString("en")} characters.`)
  .nullish()
  .transform((value) => value ?? "");

// The full summary, ending included: the book page keeps it behind a spoiler warning.
const summary = text({ label: "The summary", multiline: true })
  .max(bookLimits.summary, `Keep the summary under ${bookLimits.summary.toLocaleString("en")} characters.`)
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
