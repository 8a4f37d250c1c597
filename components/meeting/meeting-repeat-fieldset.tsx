import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

type Limits = { everyWeeks: { min: number; max: number }; count: { min: number; max: number } };

type Props = {
  repeats: boolean;
  everyWeeks: string;
  count: string;
  limits: Limits;
  onRepeats: (repeats: boolean) => void;
  onEveryWeeks: (weeks: string) => void;
  onCount: (count: string) => void;
  fieldError: (name: string) => string | undefined;
};

const selectClass =
  "block w-full rounded-md border border-line bg-white px-3 py-2 text-base text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30";

/** "Repeat this meeting": every N weeks, M meetings in all, when scheduling (not when editing one of a series). */
export function MeetingRepeatFieldset({ repeats, everyWeeks, count, limits, onRepeats, onEveryWeeks, onCount, fieldError }: Props) {
  const t = useTranslations("meeting.repeat");
  const everyWeeksError = fieldError("repeat.everyWeeks");
  const weekChoices = Array.from({ length: limits.everyWeeks.max - limits.everyWeeks.min + 1 }, (_, index) => index + limits.everyWeeks.min);
  return (
    <fieldset className="space-y-3 rounded-md border border-line bg-paper/60 p-4">
      <legend className="sr-only">{t("legend")}</legend>
      <label className="flex items-start gap-3 text-sm">
        <input type="checkbox" checked={repeats} onChange={(event) => onRepeats(event.target.checked)} className="mt-0.5 size-4 accent-accent" />
        <span>
          <span className="block font-medium text-ink">{t("toggle")}</span>
          <span className="block text-muted">{t("explain")}</span>
        </span>
      </label>
      {repeats ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-1.5">
            <label htmlFor="meeting-every" className="block text-sm font-medium text-ink">
              {t("often")}
            </label>
            <select id="meeting-every" value={everyWeeks} onChange={(event) => onEveryWeeks(event.target.value)} className={selectClass}>
              {weekChoices.map((weeks) => (
                <option key={weeks} value={String(weeks)}>
                  {t("every", { weeks })}
                </option>
              ))}
            </select>
            {everyWeeksError ? <p className="text-sm text-danger">{everyWeeksError}</p> : null}
          </div>
          <Field
            id="meeting-count"
            type="number"
            inputMode="numeric"
            label={t("count")}
            min={limits.count.min}
            max={limits.count.max}
            value={count}
            onChange={(event) => onCount(event.target.value)}
            hint={t("countHint", { min: limits.count.min, max: limits.count.max })}
            error={fieldError("repeat.count")}
          />
        </div>
      ) : null}
    </fieldset>
  );
}
