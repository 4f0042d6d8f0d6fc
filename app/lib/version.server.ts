// Which version of the portal runs: package.json's version and the git commit
// it was built from — GIT_COMMIT when the deployment sets it (a container has
// no .git), else asked of git once, else unknown. Read once per process.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type AppVersion = { version: string | null; commit: string | null };

let cached: AppVersion | undefined;

export function appVersion(): AppVersion {
  if (cached) return cached;
  let version: string | null = null;
  try {
    version = (JSON.parse(fs.readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { version?: string }).version ?? null;
  } catch {
    version = null;
  }
  let commit = process.env.GIT_COMMIT?.trim() || null;
  if (!commit) {
    try {
      commit =
        execFileSync("git", ["rev-parse", "--short=12", "HEAD"], {
          cwd: process.cwd(),
          encoding: "utf8",
          timeout: 2_000,
          stdio: ["ignore", "pipe", "ignore"],
        }).trim() || null;
    } catch {
      commit = null; // no git, or not a checkout
    }
  }
  cached = { version, commit: commit && /^[0-9a-f]{7,40}$/i.test(commit) ? commit.slice(0, 12) : commit };
  return cached;
}
