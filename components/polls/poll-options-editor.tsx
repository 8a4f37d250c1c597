"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { pollLimits } from "@/lib/validation/polls";

/** One option being written: `key` keeps React's rows stable while options are removed. */
export type DraftOption = { key: string; title: string; author: string; link: string; coverUrl: string };

type DraftField = keyof Omit<DraftOption, "key">;

/** The inputs of one row: a book's four, or an option's text. */
const bookFields: { field: DraftField; url: boolean; max: number }[] = [
  { field: "title", url: false, max: pollLimits.option },
  { field: "author", url: false, max: pollLimits.author },
  { field: "link", url: true, max: pollLimits.url },
  { field: "coverUrl", url: true, max: pollLimits.url },
];
const textFields = bookFields.slice(0, 1);

type Props = {
  kind: "question" | "next_book";
  options: DraftOption[];
  onChange: (options: DraftOption[]) => void;
  onAdd: () => void;
  fieldError: (name: string) => string | undefined;
};

const input =
  "block w-full rounded-md border border-line bg-white px-3 py-2 text-base text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30";

/**
 * The options of a new poll: a line of text each, or for a next-book vote a book each (title,
 * author, and optionally a link and a cover image). Empty rows are left out when sending; the
 * server's refusals name the row (`options.2.link`), shown under it.
 */
export function PollOptionsEditor({ kind, options, onChange, onAdd, fieldError }: Props) {
  const t = useTranslations("polls.form");
  const book = kind === "next_book";
  const optionsError = fieldError("options");
  const set = (key: string, field: DraftField, value: string) =>
    onChange(options.map((option) => (option.key === key ? { ...option, [field]: value } : option)));
  // Errors are numbered by the options sent, which skip empty rows.
  const sentIndex = (index: number) => options.slice(0, index).filter((option) => option.title.trim() || option.author.trim() || option.link.trim() || option.coverUrl.trim()).length;

  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-ink">{book ? t("books") : t("options")}</legend>
      <ol className="space-y-3">
        {options.map((option, index) => {
          const errorOf = (field: string) => fieldError(`options.${sentIndex(index)}.${field}`);
          const number = index + 1;
          const labels: Record<DraftField, string> = book
            ? { title: t("bookTitle", { number }), author: t("bookAuthor", { number }), link: t("bookLink", { number }), coverUrl: t("bookCover", { number }) }
            : { title: t("option", { number }), author: "", link: "", coverUrl: "" };
          const fields = book ? bookFields : textFields;
          return (
            <li key={option.key} className={book ? "space-y-3 rounded-md border border-line p-3" : "flex items-end gap-2"}>
              <div className={book ? "grid gap-3 sm:grid-cols-2" : "min-w-0 flex-1"}>
                {fields.map(({ field, url, max }) => {
                  const id = `option-${option.key}-${field}`;
                  const error = errorOf(field);
                  return (
                    <div key={field} className="space-y-1">
                      <label htmlFor={id} className={book ? "block text-xs font-medium text-muted" : "block text-xs font-medium text-muted"}>
                        {labels[field]}
                      </label>
                      <input
                        id={id}
                        type={url ? "url" : "text"}
                        inputMode={url ? "url" : undefined}
                        value={option[field]}
                        maxLength={max}
                        onChange={(event) => set(option.key, field, event.target.value)}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${id}-error` : undefined}
                        className={input}
                      />
                      {error ? (
                        <p id={`${id}-error`} className="text-sm text-danger">
                          {error}
                        </p>
                      ) : null}
                    </div>
                  );
                })}
              </div>
              {options.length > 1 ? (
                <Button variant="quiet" className="shrink-0 py-2" onClick={() => onChange(options.filter((candidate) => candidate.key !== option.key))} aria-label={t("removeOption", { number })}>
                  {t("remove")}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ol>
      {options.length < pollLimits.options.max ? (
        <Button variant="secondary" onClick={onAdd}>
          {book ? t("addBook") : t("addOption")}
        </Button>
      ) : null}
      {optionsError ? <p className="text-sm text-danger">{optionsError}</p> : null}
    </fieldset>
  );
}
