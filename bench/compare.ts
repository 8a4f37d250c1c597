import type { FanoutResult } from "./fanout";
import type { PagesResult } from "./pages";
import type { Rss } from "./rss";
import { round } from "./stats";
import type { WritesResult } from "./writes";

/** The two servers every comparison scenario runs against, in the same run. */
export type TargetName = "floor" | "chapterhouse";
type PerTarget<T> = { floor: T | null; chapterhouse: T | null };

export type RssResult = {
  /** After start, sign-in and a few seconds' rest. */
  idleAtStart: Rss | null;
  /** At the end of the run, every socket closed, after a few seconds' rest. */
  idleAtEnd: Rss | null;
  /** (server RSS with `sockets` joined sockets − before) / sockets, in KiB. */
  perSocketKib: number | null;
  sockets: number;
  joined: number;
};

/** Two nodes' delivery through one adapter: listeners on both, posts to the first. */
type CrossNodeRun = { adapter: string; run: FanoutResult | null; note: string | null };

type CrossNodeResult = {
  listenersPerNode: number;
  repliesPerSecond: number;
  durationSeconds: number;
  run: FanoutResult | null;
  /** Set when the other node's listeners got nothing: no adapter shares the events yet. */
  note: string | null;
  /** The same measurement through the Redis streams adapter on two more nodes; null when not run. */
  redis: CrossNodeRun | null;
};

export type Comparison = {
  fanout: PerTarget<FanoutResult[]> & { repliesPerSecond: number; durationSeconds: number };
  writes: PerTarget<WritesResult[]>;
  pages: PagesResult | null;
  rss: PerTarget<RssResult>;
  crossNode: CrossNodeResult | null;
};

export const emptyComparison = (repliesPerSecond: number, durationSeconds: number): Comparison => ({
  fanout: { floor: null, chapterhouse: null, repliesPerSecond, durationSeconds },
  writes: { floor: null, chapterhouse: null },
  pages: null,
  rss: { floor: null, chapterhouse: null },
  crossNode: null,
});

type Row = { measure: string; floor: number | null; chapterhouse: number | null; unit: string; goal?: { text: string; met: (value: number) => boolean } };

const show = (value: number | null, unit: string) => (value === null || !Number.isFinite(value) ? "n/a" : `${value.toLocaleString("en")}${unit ? ` ${unit}` : ""}`);

function ratio(row: Row): string {
  if (row.floor === null || row.chapterhouse === null || !Number.isFinite(row.floor) || !Number.isFinite(row.chapterhouse)) return "n/a";
  if (row.floor === 0) return row.chapterhouse === 0 ? "=" : "n/a";
  const value = row.chapterhouse / row.floor;
  return `×${value >= 10 ? round(value, 0).toLocaleString("en") : value >= 1 ? round(value, 1) : round(value, 2)}`;
}

function goal(row: Row): string {
  if (!row.goal) return "";
  if (row.chapterhouse === null || !Number.isFinite(row.chapterhouse)) return row.goal.text;
  return `${row.goal.text} ${row.goal.met(row.chapterhouse) ? "✓" : "✗"}`;
}

const kb = (bytes: number | undefined) => (bytes === undefined ? null : round(bytes / 1000, 1));
const at = <T>(list: T[] | null, find: (item: T) => boolean) => list?.find(find) ?? null;

function rows(comparison: Comparison): Row[] {
  const result: Row[] = [];
  const { fanout, writes, pages, rss } = comparison;
  const counts = [...new Set([...(fanout.floor ?? []), ...(fanout.chapterhouse ?? [])].map((run) => run.listenersRequested))].sort((a, b) => a - b);
  for (const listeners of counts) {
    const floor = at(fanout.floor, (run) => run.listenersRequested === listeners);
    const ch = at(fanout.chapterhouse, (run) => run.listenersRequested === listeners);
    const label = `fan-out ${listeners} listeners, ${fanout.repliesPerSecond}/s`;
    const top = listeners === Math.max(...counts) && listeners >= 500;
    result.push(
      { measure: `${label}: delivery p50`, floor: floor?.deliveryMs.p50 ?? null, chapterhouse: ch?.deliveryMs.p50 ?? null, unit: "ms" },
      { measure: `${label}: delivery p95`, floor: floor?.deliveryMs.p95 ?? null, chapterhouse: ch?.deliveryMs.p95 ?? null, unit: "ms" },
      { measure: `${label}: delivery p99`, floor: floor?.deliveryMs.p99 ?? null, chapterhouse: ch?.deliveryMs.p99 ?? null, unit: "ms", goal: top ? { text: "≤ 30 ms", met: (value) => value <= 30 } : undefined },
      { measure: `${label}: lost`, floor: floor?.deliveries.lost ?? null, chapterhouse: ch?.deliveries.lost ?? null, unit: "", goal: top ? { text: "0", met: (value) => value === 0 } : undefined },
    );
  }
  const posterCounts = [...new Set([...(writes.floor ?? []), ...(writes.chapterhouse ?? [])].map((run) => run.posters))].sort((a, b) => a - b);
  for (const posters of posterCounts) {
    const floor = at(writes.floor, (run) => run.posters === posters);
    const ch = at(writes.chapterhouse, (run) => run.posters === posters);
    const runs = ch?.runs ?? floor?.runs ?? 0;
    const label = `writes, ${posters} poster${posters === 1 ? "" : "s"} (median of ${runs} runs × ${round((ch?.durationMs ?? floor?.durationMs ?? 0) / 1000, 1)} s)`;
    const p99Goal = posters === 8 ? 50 : posters === 32 ? 100 : null;
    result.push(
      { measure: `${label}: replies/s`, floor: floor?.repliesPerSecond ?? null, chapterhouse: ch?.repliesPerSecond ?? null, unit: "", goal: p99Goal ? { text: "≥ 1,000", met: (value) => value >= 1000 } : undefined },
      { measure: `${label}: POST p50`, floor: floor?.postP50Ms ?? null, chapterhouse: ch?.postP50Ms ?? null, unit: "ms" },
      { measure: `${label}: POST p99`, floor: floor?.postP99Ms ?? null, chapterhouse: ch?.postP99Ms ?? null, unit: "ms", goal: p99Goal ? { text: `≤ ${p99Goal} ms`, met: (value) => value <= p99Goal } : undefined },
      { measure: `${label}: errors`, floor: floor?.errors ?? null, chapterhouse: ch?.errors ?? null, unit: "" },
    );
  }
  for (const entry of pages?.cases ?? []) {
    const label = `${entry.page}, ${entry.replies.toLocaleString("en")}-reply room${entry.afterSeq === null ? "" : ` (after seq ${entry.afterSeq.toLocaleString("en")})`}`;
    const first = entry.page === "first screen";
    const samples = `${entry.floor?.samples ?? "n/a"}/${entry.chapterhouse?.samples ?? "n/a"} samples`;
    result.push(
      { measure: `${label}: time p50 (${samples})`, floor: entry.floor?.responseMs.p50 ?? null, chapterhouse: entry.chapterhouse?.responseMs.p50 ?? null, unit: "ms", goal: first ? { text: "≤ 30 ms", met: (value) => value <= 30 } : undefined },
      { measure: `${label}: KB raw`, floor: kb(entry.floor?.bodyBytes), chapterhouse: kb(entry.chapterhouse?.bodyBytes), unit: "KB", goal: first ? { text: "≤ 100 KB", met: (value) => value <= 100 } : undefined },
      {
        measure: `${label}: KB on the wire (${entry.chapterhouse?.contentEncoding ?? "identity"} from Chapterhouse)`,
        floor: kb(entry.floor?.wireBytes),
        chapterhouse: kb(entry.chapterhouse?.wireBytes),
        unit: "KB",
      },
    );
    if (entry.afterSeq !== null) result.push({ measure: `${label}: replies returned`, floor: entry.floor?.items ?? null, chapterhouse: entry.chapterhouse?.items ?? null, unit: "" });
  }
  if (rss.floor || rss.chapterhouse) {
    result.push(
      { measure: "server RSS idle, after start", floor: rss.floor?.idleAtStart?.server ?? null, chapterhouse: rss.chapterhouse?.idleAtStart?.server ?? null, unit: "MiB", goal: { text: "≤ 200 MiB", met: (value) => value <= 200 } },
      { measure: "server RSS idle, end of the run", floor: rss.floor?.idleAtEnd?.server ?? null, chapterhouse: rss.chapterhouse?.idleAtEnd?.server ?? null, unit: "MiB", goal: { text: "≤ 200 MiB", met: (value) => value <= 200 } },
      {
        measure: `RSS per socket (${rss.chapterhouse?.joined ?? rss.floor?.joined ?? 0} joined sockets)`,
        floor: rss.floor?.perSocketKib ?? null,
        chapterhouse: rss.chapterhouse?.perSocketKib ?? null,
        unit: "KiB",
      },
    );
  }
  const crossRuns: CrossNodeRun[] = [];
  if (comparison.crossNode) crossRuns.push({ adapter: "postgres", run: comparison.crossNode.run, note: comparison.crossNode.note });
  if (comparison.crossNode?.redis) crossRuns.push(comparison.crossNode.redis);
  for (const { adapter, run: cross, note } of crossRuns) {
    if (!cross) continue;
    const same = cross.groups.find((group) => group.label === "same-node");
    const other = cross.groups.find((group) => group.label === "cross-node");
    const sameP99 = same?.deliveryMs.p99 ?? null;
    const label = `two nodes (${adapter} adapter)`;
    result.push(
      { measure: `${label}, ${comparison.crossNode?.listenersPerNode} listeners each: same-node delivery p99`, floor: null, chapterhouse: sameP99, unit: "ms" },
      {
        measure: `${label}: cross-node delivery p99${note ? ` (${note})` : ""}`,
        floor: null,
        chapterhouse: other && other.received > 0 ? other.deliveryMs.p99 : null,
        unit: "ms",
        goal: { text: "≤ same-node + 5 ms", met: (value) => sameP99 !== null && value <= sameP99 + 5 },
      },
      { measure: `${label}: cross-node lost`, floor: null, chapterhouse: other?.lost ?? null, unit: "", goal: { text: "0", met: (value) => value === 0 } },
    );
  }
  return result;
}

/** The side-by-side table: measure | floor | Chapterhouse | ratio (Chapterhouse ÷ floor) | goal (✓ met, ✗ not). */
export function comparisonTable(comparison: Comparison): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [
    line(["measure", "floor", "Chapterhouse", "ratio", "goal"]),
    line(["---", "---", "---", "---", "---"]),
    ...rows(comparison).map((row) => line([row.measure, show(row.floor, row.unit), show(row.chapterhouse, row.unit), ratio(row), goal(row)])),
  ].join("\n");
}
