"use client";

import { useSyncExternalStore } from "react";

type ZoneGroup = { region: string; zones: { id: string; label: string }[] };

let cachedGroups: ZoneGroup[] | null = null;

function offsetName(zone: string, at: Date): string {
  const part = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((piece) => piece.type === "timeZoneName");
  return part?.value ?? "";
}

/** Every zone the browser knows, grouped by region ("America", "Europe"...), each with its offset today. */
function zoneGroups(): ZoneGroup[] {
  if (cachedGroups) return cachedGroups;
  const now = new Date();
  const groups = new Map<string, ZoneGroup>();
  for (const id of Intl.supportedValuesOf("timeZone")) {
    const slash = id.indexOf("/");
    const region = slash > 0 ? id.slice(0, slash) : "Other";
    const group = groups.get(region) ?? { region, zones: [] };
    group.zones.push({ id, label: `${id.replace(/_/g, " ")} (${offsetName(id, now)})` });
    groups.set(region, group);
  }
  cachedGroups = [...groups.values()];
  return cachedGroups;
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
  const groups = useSyncExternalStore(noSubscription, zoneGroups, () => null);
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
      {value === "" ? <option value="">Choose a time zone</option> : null}
      {value !== "" && !listed ? <option value={value}>{value.replace(/_/g, " ")}</option> : null}
      {groups?.map((group) => (
        <optgroup key={group.region} label={group.region}>
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
