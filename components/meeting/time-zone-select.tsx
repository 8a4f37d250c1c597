"use client";

import { useLocale, useTranslations } from "next-intl";
import { useCallback, useSyncExternalStore } from "react";

/** `region` is the zone id's first part ("Europe"), or null for zones without one ("UTC"). */
type ZoneGroup = { region: string | null; zones: { id: string; label: string }[] };

// Per locale: the list is long, and the same snapshot must come back on every read.
const cachedGroups = new Map<string, ZoneGroup[]>();

function offsetName(zone: string, at: Date, locale: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((piece) => piece.type === "timeZoneName");
  return part?.value ?? "";
}

/** Every zone the browser knows, grouped by region ("America", "Europe"...), each with its offset today. */
function zoneGroups(locale: string): ZoneGroup[] {
  const cached = cachedGroups.get(locale);
  if (cached) return cached;
  const now = new Date();
  const groups = new Map<string | null, ZoneGroup>();
  for (const id of Intl.supportedValuesOf("timeZone")) {
    const slash = id.indexOf("/");
    const region = slash > 0 ? id.slice(0, slash) : null;
    const group = groups.get(region) ?? { region, zones: [] };
    group.zones.push({ id, label: `${id.replace(/_/g, " ")} (${offsetName(id, now, locale)})` });
    groups.set(region, group);
  }
  const list = [...groups.values()];
  cachedGroups.set(locale, list);
  return list;
}

const noSubscription = () => () => {};

type Props = {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  describedBy?: string;
  invalid?: boolean;
};

/**
 * The list comes from the browser (Intl.supportedValuesOf), which the server can't match
 * exactly, so the server renders just the chosen zone and the full list follows on the client.
 */
export function TimeZoneSelect({ id, value, onChange, describedBy, invalid }: Props) {
  const t = useTranslations("meeting.when");
  const locale = useLocale();
  const snapshot = useCallback(() => zoneGroups(locale), [locale]);
  const groups = useSyncExternalStore(noSubscription, snapshot, () => null);
  // A zone the browser lists under another name (an alias such as Asia/Calcutta) stays selectable.
  const listed = groups?.some((group) => group.zones.some((zone) => zone.id === value)) ?? false;

  return (
    <select
      id={id}
      name="timeZone"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-describedby={describedBy}
      aria-invalid={invalid ? true : undefined}
      className="block w-full rounded-md border border-line bg-white px-3 py-2 text-base text-ink shadow-sm focus:border-accent focus:outline-2 focus:outline-accent/30"
    >
      {value === "" ? <option value="">{t("chooseZone")}</option> : null}
      {value !== "" && !listed ? <option value={value}>{value.replace(/_/g, " ")}</option> : null}
      {groups?.map((group) => (
        <optgroup key={group.region ?? ""} label={group.region ?? t("otherRegion")}>
          {group.zones.map((zone) => (
            <option key={zone.id} value={zone.id}>
              {zone.label}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
