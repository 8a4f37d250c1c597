import { threadSorts, type ThreadSort } from "@/lib/discussion/threads";

/** Oldest / newest / most-reacted first, for the room's threads. */
export function SortControl({ value, onChange }: { value: ThreadSort; onChange: (sort: ThreadSort) => void }) {
  return (
    <label className="flex items-center gap-2 text-muted">
      Sort
      <select value={value} onChange={(event) => onChange(event.target.value as ThreadSort)} className="rounded-md border border-line bg-white px-2 py-1 text-ink">
        {threadSorts.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
