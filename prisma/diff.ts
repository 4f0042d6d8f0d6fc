// Migration authoring and drift check, offline (docs/decisions/001-prisma-6-js-engine.md).
//   npm run db:diff -- <name>   writes prisma/migrations/<timestamp>_<name>/migration.sql
//                               with what schema.prisma adds to the migrations
//   npm run db:check            fails when schema.prisma and the migrations differ
// Prisma's JS schema engine needs a live server (for its shadow database):
// uses DATABASE_URL when set, else a throwaway embedded PostgreSQL.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../server/embedded-postgres.ts";
import { freePort } from "../server/net.ts";

const root = path.resolve(import.meta.dirname, "..");
const check = process.argv.includes("--check");
const name = process.argv.slice(2).find((arg) => !arg.startsWith("--"));
if (!check && !name?.match(/^[a-z0-9_]+$/)) {
  console.error("Usage: npm run db:diff -- <snake_case_name>   |   npm run db:check");
  process.exit(2);
}

let url = process.env.DATABASE_URL;
let stop = async () => {};
let tmp: string | undefined;
if (!url) {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portal-diff-"));
  fs.chmodSync(tmp, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(tmp, "data"), port: await freePort() });
  url = pg.adminUrl;
  stop = pg.stop;
}

const args = ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", check ? "--exit-code" : "--script"];
const result = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: url },
  encoding: "utf8",
});
await stop();
if (tmp) fs.rmSync(tmp, { recursive: true, force: true });

if (check) {
  // --exit-code: 0 no difference, 2 difference, 1 error.
  if (result.status === 0) console.log("Migrations match schema.prisma.");
  else console.error(result.status === 2 ? `schema.prisma differs from the migrations: run npm run db:diff -- <name>\n${result.stdout}` : result.stderr);
  process.exit(result.status ?? 1);
}
if (result.status !== 0) {
  console.error(result.stderr);
  process.exit(result.status ?? 1);
}
if (!result.stdout.trim() || /^-- This is an empty migration\.?\s*$/m.test(result.stdout.trim())) {
  console.log("No changes: schema.prisma matches the migrations.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(root, "prisma/migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), result.stdout);
console.log(`Wrote ${path.relative(root, dir)}/migration.sql — read it, then start the app to apply it.`);
