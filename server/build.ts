// Builds the Remix app when the build is missing or older than its sources,
// so `npm start` on a fresh clone or after an edit serves current code.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./app.ts";

export const BUILD_PATH = path.join(ROOT, "build/index.js");
const SOURCES = ["app", "remix.config.js", "postcss.config.js", "package-lock.json"];

function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function buildIsStale(): boolean {
  const built = fs.statSync(BUILD_PATH, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > built);
}

const LOCK = path.join(ROOT, ".tmp/build.lock");
/** A build takes seconds; a lock older than this was left by a killed process. */
const STALE_LOCK_MS = 5 * 60_000;

/**
 * Holds a lock folder (mkdir is atomic) while building, so two processes that start at once — test files that start
 * the app or read its build — wait for one build instead of writing the same files together.
 */
function withBuildLock(work: () => void): void {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const since = fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs;
      if (since !== undefined && Date.now() - since > STALE_LOCK_MS) fs.rmSync(LOCK, { recursive: true, force: true });
      else Atomics.wait(sleeper, 0, 0, 200);
    }
  }
  try {
    work();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

export function ensureBuild(log: (line: string) => void): void {
  if (!buildIsStale()) return;
  withBuildLock(() => {
    if (!buildIsStale()) return; // another process built it while this one waited
    log("Building the app …");
    const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "build"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_ENV: "production" },
    });
    if (result.status !== 0 || !fs.existsSync(BUILD_PATH)) throw new Error("The build failed (see above).");
  });
}
