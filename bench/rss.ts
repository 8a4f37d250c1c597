import { existsSync, readdirSync, readFileSync } from "node:fs";

/**
 * Resident memory of a server's process group, in MiB, from /proc (Linux; null elsewhere).
 * `server` is the group's largest process: the server itself, not tsx's launcher or esbuild's
 * service beside it. `group` is every process of the group together (what the machine pays).
 */
export type Rss = { server: number; group: number; processes: number };

export function groupRss(groupId: number): Rss | null {
  if (!existsSync("/proc/self/status")) return null;
  let largest = 0;
  let total = 0;
  let processes = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command: state(3) ppid(4) pgrp(5).
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp !== groupId) continue;
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      const kb = Number(match?.[1] ?? 0);
      total += kb;
      largest = Math.max(largest, kb);
      processes++;
    } catch {
      // The process ended while we read it.
    }
  }
  const mib = (kb: number) => Math.round((kb / 1024) * 10) / 10;
  return { server: mib(largest), group: mib(total), processes };
}
