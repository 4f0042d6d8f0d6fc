// `npm run test:e2e`: find Chromium (installing Debian's when running as
// root on Debian and it is missing), start from an empty database on free
// ports, and run Playwright. Says plainly what to do when no browser can be had.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { stopEmbeddedPostgresIn } from "../../server/embedded-postgres.ts";
import { freePort } from "../../server/net.ts";

const root = path.resolve(import.meta.dirname, "../..");
const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter(Boolean) as string[];
const findChromium = () => candidates.find((candidate) => fs.existsSync(candidate));

let chromium = findChromium();
if (!chromium && process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
  console.log("[e2e] Chromium is missing: installing Debian's chromium package …");
  execFileSync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null"], { stdio: "inherit" });
  chromium = findChromium();
}
if (!chromium) {
  console.error("[e2e] No Chromium found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.");
  process.exit(1);
}

const dataDir = path.join(os.tmpdir(), `portal-e2e-pg-${process.pid}`);
fs.rmSync(dataDir, { recursive: true, force: true });
const env = {
  ...process.env,
  CHROMIUM_PATH: chromium,
  E2E_PORT: String(process.env.E2E_PORT ?? (await freePort())),
  E2E_PG_PORT: String(process.env.E2E_PG_PORT ?? (await freePort())),
  E2E_PG_DATA_DIR: dataDir,
};
const result = spawnSync(process.execPath, [path.join(root, "node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: "inherit",
});
// Playwright stops the server with SIGINT, which stops its database; make sure.
await stopEmbeddedPostgresIn(dataDir);
fs.rmSync(dataDir, { recursive: true, force: true });
process.exit(result.status ?? 1);
