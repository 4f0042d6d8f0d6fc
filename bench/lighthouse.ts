// Lighthouse (issue 8, budget 2): performance and accessibility of the
// catalogue, an activity page, "my activities" and the staff attendance page,
// in Danish and in Arabic, with Lighthouse's default mobile settings
// (emulated mid-range phone, simulated slow 4G, 4× CPU slow-down).
//   npm run bench:lighthouse [-- --check]
// Starts the production build (NODE_ENV=production) on a fresh embedded
// PostgreSQL with the demo data, signs a parent and a staff member in (the
// session cookie goes with Lighthouse's requests) and runs Lighthouse 12.8
// in Debian's chromium (CHROMIUM_PATH). Lighthouse is not a dependency of the
// project (it is large and only this script needs it): npx fetches the pinned
// version on first use. `--check` exits 1 below performance 95 or
// accessibility 100.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parseArgs } from "node:util";
import { freshDatabase, machine, productionEnvironment, ROOT, startApp, startMailSink } from "./lib.ts";

const LIGHTHOUSE = "lighthouse@12.8.2";
const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
const progress = (line: string) => console.error(`[lighthouse] ${line}`);

const database = await freshDatabase("portal_lighthouse");
const mail = await startMailSink();
const environment = productionEnvironment(database.url, mail.url);
const app = await startApp(environment);
Object.assign(process.env, environment);
const { db } = await import("../app/lib/db.server.ts");
const { createUserSession } = await import("../app/lib/session.server.ts");
const { DEMO_ACCOUNTS } = await import("../prisma/seed.ts");

const cookieFor = async (where: { phone: string } | { email: string }) => {
  const user = await db.user.findFirstOrThrow({ where, select: { id: true } });
  return (await createUserSession(user.id)).split(";")[0]!;
};
const parent = await cookieFor({ phone: DEMO_ACCOUNTS.parentArabic.phone });
const staff = await cookieFor({ email: DEMO_ACCOUNTS.staff.email });
// Today's (or the next) lektiecafé session: the page a volunteer opens on a phone.
const session = await db.activitySession.findFirstOrThrow({
  where: { cancelledAt: null, endsAt: { gt: new Date() }, activity: { slug: { startsWith: "lektiecafe" } } },
  orderBy: { startsAt: "asc" },
  select: { id: true },
});

const pages: { label: string; path: string; cookie?: string }[] = [
  { label: "catalogue", path: "/activities" },
  { label: "activity page with sign-up form (parent)", path: "/activities/sommer-sportscamp", cookie: parent },
  { label: "my activities (parent)", path: "/my", cookie: parent },
  { label: "attendance (staff)", path: `/staff/sessions/${session.id}`, cookie: staff },
];

const run = promisify(execFile);
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-lighthouse-"));
const rows: { label: string; language: string; performance: number; accessibility: number; lcp: number; tbt: number; cls: number }[] = [];
for (const page of pages) {
  for (const language of ["da", "ar"]) {
    progress(`${page.label}, ${language}`);
    const output = path.join(outDir, `${rows.length}.json`);
    const url = `${app.base}${page.path}?lng=${language}`;
    await run(
      "npx",
      [
        "--yes",
        LIGHTHOUSE,
        url,
        "--only-categories=performance,accessibility",
        "--output=json",
        `--output-path=${output}`,
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ...(page.cookie ? [`--extra-headers=${JSON.stringify({ Cookie: page.cookie })}`] : []),
      ],
      { cwd: ROOT, env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024 },
    );
    const report = JSON.parse(fs.readFileSync(output, "utf8")) as {
      finalDisplayedUrl: string;
      categories: Record<string, { score: number }>;
      audits: Record<string, { numericValue?: number }>;
    };
    if (new URL(report.finalDisplayedUrl).pathname !== page.path) throw new Error(`${page.label} ended at ${report.finalDisplayedUrl} (not signed in?)`);
    rows.push({
      label: page.label,
      language,
      performance: Math.round(report.categories.performance!.score * 100),
      accessibility: Math.round(report.categories.accessibility!.score * 100),
      lcp: report.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
      tbt: report.audits["total-blocking-time"]?.numericValue ?? Number.NaN,
      cls: report.audits["cumulative-layout-shift"]?.numericValue ?? Number.NaN,
    });
  }
}

console.log(`\nLighthouse ${LIGHTHOUSE.split("@")[1]}, mobile (simulated throttling), ${machine()}\n`);
console.log("| page | language | performance | accessibility | LCP ms | TBT ms | CLS |");
console.log("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
for (const row of rows) {
  console.log(
    `| ${row.label} | ${row.language} | ${row.performance} | ${row.accessibility} | ${Math.round(row.lcp)} | ${Math.round(row.tbt)} | ${row.cls.toFixed(3)} |`,
  );
}
const met = rows.every((row) => row.performance >= 95 && row.accessibility === 100);
console.log(`\nBudget (performance ≥ 95, accessibility 100 on every page): ${met ? "met" : "**not met**"}`);

await db.$disconnect();
await app.stop();
await mail.close();
await database.stop();
fs.rmSync(outDir, { recursive: true, force: true });
process.exit(values.check && !met ? 1 : 0);
