// Pages a second at 1, 2, … workers (issue 20): one app instance of the
// production build with WEB_CONCURRENCY workers (node:cluster), the demo data,
// and `--clients` loops in this process each asking for the catalogue and an
// activity page in turn as fast as they are answered (closed loop: the number
// is the server's capacity, not a latency at a set rate). Prints pages/s,
// median and p99 latency, and the machine's load average during the run
// (the machine is shared: read the numbers beside it).
//   npm run bench:throughput -- --workers 1,2 [--seconds 10] [--clients 8]
import os from "node:os";
import { parseArgs } from "node:util";
import { freshDatabase, machine, percentiles, productionEnvironment, startApp, startMailSink } from "./lib.ts";

const { values } = parseArgs({
  options: { workers: { type: "string", default: "1,2" }, seconds: { type: "string", default: "10" }, clients: { type: "string", default: "8" } },
});
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const database = await freshDatabase("portal_throughput");
const mail = await startMailSink();
const rows: string[] = [];
for (const workers of values.workers.split(",").map(Number)) {
  const app = await startApp({ ...productionEnvironment(database.url, mail.url), WEB_CONCURRENCY: String(workers) }, { quiet: true });
  const catalogue = await (await fetch(`${app.base}/activities`)).text();
  const slug = /href="\/activities\/([\w-]+)"/.exec(catalogue)?.[1];
  const pages = ["/activities", `/activities/${slug}`];
  const run = async (ms: number) => {
    const latencies: number[] = [];
    const until = Date.now() + ms;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = client; Date.now() < until; i++) {
          const sent = performance.now();
          const response = await fetch(`${app.base}${pages[i % pages.length]}`);
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`${pages[i % pages.length]} answered ${response.status}`);
          latencies.push(performance.now() - sent);
        }
      }),
    );
    return latencies;
  };
  await run(3_000); // warm-up: every worker compiles its paths and fills its pools
  const loadBefore = os.loadavg()[0]!;
  const latencies = await run(SECONDS * 1000);
  const at = percentiles(latencies);
  rows.push(
    `| ${workers} | ${(latencies.length / SECONDS).toFixed(0)} | ${at(0.5).toFixed(0)} | ${at(0.99).toFixed(0)} | ${loadBefore.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} |`,
  );
  await app.stop();
}
console.log(`\n${machine()}, ${CLIENTS} clients, ${SECONDS} s each\n`);
console.log("| workers | pages/s | median ms | p99 ms | load average (1 min) |\n| ---: | ---: | ---: | ---: | --- |");
for (const row of rows) console.log(row);
await mail.close();
await database.stop();
process.exit(0);
