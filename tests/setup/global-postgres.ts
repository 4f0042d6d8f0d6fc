// Starts one embedded PostgreSQL for the whole integration run, in a fresh
// temporary folder on a free port, and migrates a template database that
// every test file then copies (CREATE DATABASE … TEMPLATE: milliseconds).
// TEST_PG_ADMIN_URL (a superuser's URL of another server, e.g. Debian's
// PostgreSQL 15 in CI) runs the same files against that server instead.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../server/embedded-postgres.ts";
import { ensureDatabaseExists } from "../../server/database.ts";
import { migrate } from "../../server/migrate.ts";
import { freePort } from "../../server/net.ts";

export const TEMPLATE_DATABASE = "portal_template";

export default async function setup(project: TestProject) {
  const external = process.env.TEST_PG_ADMIN_URL;
  if (external) {
    const admin = new postgres.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
    await admin.end();
    await ensureDatabaseExists(external, TEMPLATE_DATABASE);
    const url = new URL(external);
    url.pathname = `/${TEMPLATE_DATABASE}`;
    await migrate(url.toString());
    project.provide("adminUrl", external);
    project.provide("templateDatabase", TEMPLATE_DATABASE);
    return async () => {};
  }
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
