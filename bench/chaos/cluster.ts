import { execFile } from "node:child_process";
import { chownSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "../app-server";

const run = promisify(execFile);

// The chaos run's own Postgres cluster (never the machine's shared server on 5432, which other
// people's work depends on): initdb into a temp folder, its own port in 55432-55439, its socket in
// that folder. initdb and postgres refuse to run as root, so both run as `nobody`, who owns the folder.

/** A running throwaway cluster. `url` reaches its `postgres` database as the trusted superuser. */
export type Cluster = {
  port: number;
  dir: string;
  url: string;
  /** Stops with `-m immediate` (as a crash would: no checkpoint, clients cut off), then starts again. */
  restartImmediate: () => Promise<{ downMs: number }>;
  /** Stops (immediate) and deletes the folder; safe to call twice and after a failed start. */
  destroy: () => Promise<void>;
};

/** The newest PostgreSQL installed by the distribution, e.g. /usr/lib/postgresql/17/bin. */
function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error(`No PostgreSQL under ${root}.`);
  return path.join(root, versions[0], "bin");
}

/** Runs a PostgreSQL program as `nobody` when this process is root (initdb refuses root). */
async function asPostgresUser(program: string, args: string[]): Promise<string> {
  const binary = path.join(postgresBin(), program);
  const asRoot = userInfo().uid === 0;
  const { stdout } = asRoot ? await run("runuser", ["-u", "nobody", "--", binary, ...args]) : await run(binary, args);
  return stdout;
}

/**
 * initdb into a new temp folder and start the server on a free port in 55432-55439. On any
 * failure the folder is removed again. `log` gets one line per step.
 */
export async function startCluster(log: (text: string) => void): Promise<Cluster> {
  const dir = mkdtempSync(path.join(tmpdir(), "chapterhouse-chaos-"));
  const data = path.join(dir, "data");
  const socketDir = path.join(dir, "socket");
  mkdirSync(socketDir);
  if (userInfo().uid === 0) {
    // `nobody`'s numeric ids, read from the system rather than assumed.
    const ids = (await run("id", ["-u", "nobody"])).stdout.trim();
    const group = (await run("id", ["-g", "nobody"])).stdout.trim();
    for (const folder of [dir, socketDir]) chownSync(folder, Number(ids), Number(group));
  }
  const port = await freePort(55432, 55439);
  const logFile = path.join(dir, "postgres.log");
  const options = [
    `-p ${port}`,
    `-k ${socketDir}`,
    "-c listen_addresses=127.0.0.1",
    // Two app nodes (pool, reminders queue, adapter) plus the script's own connections.
    "-c max_connections=200",
    // A throwaway cluster: speed over durability is not the point, crash safety is, so fsync stays on.
    "-c shared_buffers=64MB",
  ].join(" ");
  const pgCtl = (...args: string[]) => asPostgresUser("pg_ctl", ["-D", data, ...args]);
  let started = false;
  const destroy = async () => {
    if (started) {
      started = false;
      await pgCtl("stop", "-m", "immediate", "-w").catch(() => undefined);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await asPostgresUser("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
    await pgCtl("start", "-w", "-t", "60", "-l", logFile, "-o", options);
    started = true;
  } catch (error) {
    await destroy();
    throw error;
  }
  log(`postgres cluster in ${dir} on 127.0.0.1:${port}`);
  return {
    port,
    dir,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restartImmediate: async () => {
      const stopping = Date.now();
      await pgCtl("stop", "-m", "immediate", "-w");
      // A moment down, so clients meet refused connections and not only cut ones.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await pgCtl("start", "-w", "-t", "120", "-l", logFile, "-o", options);
      return { downMs: Date.now() - stopping };
    },
    destroy,
  };
}
