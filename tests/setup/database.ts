// Runs before each integration test file: a database of its own (a copy of
// the migrated template), an SMTP catcher of its own, and the environment
// pointing the app's modules at both. Nothing is shared between files.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { createDb } from "../../app/lib/db-client.ts";
import { startSmtpCatcher } from "../../app/lib/messages/smtp-catcher.server.ts";
import { translateZodErrors } from "../../app/lib/zod-errors.ts";

translateZodErrors(); // as entry.server.tsx does in the app

const adminUrl = inject("adminUrl");
const name = `test_${randomUUID().replaceAll("-", "")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("templateDatabase")}"`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.NODE_ENV = "test";
// More connections than any test's capacity, so concurrency tests really race.
process.env.DATABASE_POOL_SIZE = "30";

const catcherDb = createDb(process.env.DATABASE_URL, 2);
const catcher = await startSmtpCatcher(catcherDb);
process.env.SMTP_URL = catcher.url;

afterAll(async () => {
  const { db } = await import("../../app/lib/db.server.ts");
  await db.$disconnect();
  await catcher.close();
  await catcherDb.$disconnect();
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await cleanup.end();
});
