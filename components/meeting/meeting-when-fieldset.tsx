import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { TimeZoneSelect } from "./time-zone-select";

type Props = {
  date: string;
  time: string;
  timeZone: string;
  /** The browser's own zone, once known: the zone hint says when it is the one chosen. */
  browserZone: string | null;
  onDate: (date: string) => void;
  onTime: (time: string) => void;
  onZone: (zone: string) => void;
  fieldError: (name: string) => string | undefined;
};

/** "When": the day, the local start time and the zone it is planned in. */
export function MeetingWhenFieldset({ date, time, timeZone, browserZone, onDate, onTime, onZone, fieldError }: Props) {
  const t = useTranslations("meeting.when");
  const zoneError = fieldError("timeZone");
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-medium text-ink">{t("legend")}</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="meeting-date"
          name="date"
          type="date"
          label={t("date")}
          value={date}
          onChange={(event) => onDate(event.target.value)}
          required
          error={fieldError("date")}
        />
        <Field
          id="meeting-time"
          name="time"
          type="time"
          label={t("time")}
          value={time}
          onChange={(event) => onTime(event.target.value)}
          required
          error={fieldError("time")}
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="meeting-zone" className="block text-sm font-medium text-ink">
          {t("zone")}
        </label>
        <TimeZoneSelect
          id="meeting-zone"
          value={timeZone}
          onChange={onZone}
          describedBy={`meeting-zone-hint${zoneError ? " meeting-zone-error" : ""}`}
          invalid={Boolean(zoneError)}
        />
        <p id="meeting-zone-hint" className="text-xs text-muted">
          {browserZone && timeZone === browserZone ? t("zoneHintBrowser") : t("zoneHint")}
        </p>
        {zoneError ? (
          <p id="meeting-zone-error" className="text-sm text-danger">
            {zoneError}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
