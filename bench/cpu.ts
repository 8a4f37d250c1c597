import { existsSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { round } from "./stats";

// USER_HZ: the unit of /proc CPU times on every Linux this runs on.
const clockTicks = 100;

/**
 * Cumulative CPU seconds, split by who used them. Postgres is kept per backend: backends of other
 * programs come and go during a window, and summing only the live ones made its share negative.
 */
export type CpuSnapshot = { at: number; machine: number; server: number; postgres: Map<string, number>; bench: number };

/** CPU use over a window, as % of one core (200% = both cores of a 2-core machine busy). */
export type CpuUsage = { server: number; postgres: number; bench: number; otherProcesses: number; idleCores: number };

function readText(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** Non-idle CPU seconds of the whole machine, from the first line of /proc/stat. */
function machineSeconds(): number {
  const [, ...fields] = (readText("/proc/stat") ?? "").split("\n", 1)[0]?.trim().split(/\s+/) ?? [];
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields.map(Number);
  return (user + nice + system + irq + softirq + steal) / clockTicks;
}

/** Server process group and postgres backends (by pid), from one pass over /proc/<pid>/stat. */
function processSeconds(serverGroupId: number): { server: number; postgres: Map<string, number> } {
  let server = 0;
  const postgres = new Map<string, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readText(`/proc/${entry}/stat`);
    if (!stat) continue;
    const command = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    // Fields after the command: state(3) ppid(4) pgrp(5) … utime(14) stime(15).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const seconds = (Number(fields[11]) + Number(fields[12])) / clockTicks;
    if (Number(fields[2]) === serverGroupId) server += seconds;
    else if (command === "postgres") postgres.set(entry, seconds);
  }
  return { server, postgres };
}

/** Null where /proc is missing (not Linux): the bench then reports no CPU figures. */
export function cpuSnapshot(serverGroupId: number): CpuSnapshot | null {
  if (!existsSync("/proc/stat")) return null;
  const bench = process.cpuUsage();
  return { at: performance.now(), machine: machineSeconds(), ...processSeconds(serverGroupId), bench: (bench.user + bench.system) / 1e6 };
}

export function cpuUsage(before: CpuSnapshot | null, after: CpuSnapshot | null): CpuUsage | null {
  if (!before || !after) return null;
  const wall = (after.at - before.at) / 1000;
  const percent = (seconds: number) => round((seconds / wall) * 100, 0);
  const server = after.server - before.server;
  // Backends alive at the end: their time since the start (all of it for new ones). Backends that
  // ended inside the window are missed, so this undercounts a little rather than going negative.
  let postgres = 0;
  for (const [pid, seconds] of after.postgres) postgres += seconds - (before.postgres.get(pid) ?? 0);
  const bench = after.bench - before.bench;
  const machine = after.machine - before.machine;
  return {
    server: percent(server),
    postgres: percent(postgres),
    bench: percent(bench),
    otherProcesses: percent(Math.max(0, machine - server - postgres - bench)),
    idleCores: round(Math.max(0, availableParallelism() - machine / wall), 2),
  };
}
