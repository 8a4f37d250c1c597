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
  const zoneError = fieldError("timeZone");
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-medium text-ink">When</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="meeting-date"
          name="date"
          type="date"
          label="Date"
          value={date}
          onChange={(event) => onDate(event.target.value)}
          required
          error={fieldError("date")}
        />
        <Field
          id="meeting-time"
          name="time"
          type="time"
          label="Start time"
          value={time}
          onChange={(event) => onTime(event.target.value)}
          required
          error={fieldError("time")}
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="meeting-zone" className="block text-sm font-medium text-ink">
          Time zone
        </label>
        <TimeZoneSelect
          id="meeting-zone"
          value={timeZone}
          onChange={onZone}
          describedBy={`meeting-zone-hint${zoneError ? " meeting-zone-error" : ""}`}
          invalid={Boolean(zoneError)}
        />
        <p id="meeting-zone-hint" className="text-xs text-muted">
          The zone you&apos;re planning in{browserZone && timeZone === browserZone ? " (your browser's)" : ""}. Everyone else sees the
          time in their own zone.
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
