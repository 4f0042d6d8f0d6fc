// Starts one embedded PostgreSQL for the whole integration run, in a fresh
// temporary folder on a free port, and migrates a template database that
// every test file then copies (CREATE DATABASE … TEMPLATE: milliseconds).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../server/embedded-postgres.ts";
import { ensureDatabaseExists } from "../../server/database.ts";
import { migrate } from "../../server/migrate.ts";
import { freePort } from "../../server/net.ts";

export const TEMPLATE_DATABASE = "portal_template";

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-test-pg-"));
  fs.chmodSync(dataDir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), port: await freePort() });
  await ensureDatabaseExists(pg.adminUrl, TEMPLATE_DATABASE);
  await migrate(pg.urlFor(TEMPLATE_DATABASE));
  project.provide("adminUrl", pg.adminUrl);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  return async () => {
    await pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
  }
}
