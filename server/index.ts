// `npm start`: build if needed, get the database ready (embedded PostgreSQL
// unless DATABASE_URL is set), start the dev mail catcher outside
// production, and serve the portal. Ctrl-C / SIGTERM: finish requests in
// flight, then stop the server and the embedded database.
import net from "node:net";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createApp } from "./app.ts";
import { BUILD_PATH, ensureBuild } from "./build.ts";
import { prepareDatabase, seedIfEmpty } from "./database.ts";

const started = performance.now();
const log = (line: string) => console.log(`[portal] ${line}`);
const production = process.env.NODE_ENV === "production";
process.env.NODE_ENV ??= "development";
const port = Number(process.env.PORT ?? 3000);

async function portIsFree(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(p, () => probe.close(() => resolve(true)));
  });
}

async function main() {
  if (!(await portIsFree(port))) {
    throw new Error(`Port ${port} is already in use. Stop the program using it, or start on another port: PORT=${port + 1} npm start`);
  }
  ensureBuild(log);
  const database = await prepareDatabase(log);
  const cleanups: (() => Promise<unknown>)[] = [];
  if (database.embedded) cleanups.push(() => database.embedded!.stop());

  if (process.env.SEED_DEMO_DATA !== "0") await seedIfEmpty(database.url, log);

  if (!production && !process.env.SMTP_URL) {
    const { startSmtpCatcher } = await import("../app/lib/messages/smtp-catcher.server.ts");
    const { createDb } = await import("../app/lib/db-client.ts");
    const catcherDb = createDb(database.url, 2);
    const catcher = await startSmtpCatcher(catcherDb, Number(process.env.DEV_SMTP_PORT ?? 0));
    process.env.SMTP_URL = catcher.url;
    cleanups.unshift(async () => {
      await catcher.close();
      await catcherDb.$disconnect();
    });
  }

  const build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
  const app = createApp({ build, mode: production ? "production" : "development" });
  const server = app.listen(port, () => {
    log(`Aktivitetsportalen is ready at http://localhost:${port} (${Math.round(performance.now() - started)} ms)`);
    if (!production) log(`Sign-in codes and e-mails: http://localhost:${port}/dev/outbox`);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing requests and stopping …`);
    const force = setTimeout(() => server.closeAllConnections(), 10_000);
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(force);
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    log("Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`[portal] Could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
