// `npm run report` (issue 17): the command line's figures are the page's,
// with the same suppression, for a period and for one programme, as JSON and
// as CSV; a programme that does not exist and a bad period are refused with
// the report's own words. One run goes through the real command (a child
// process against this file's database).
import { copenhagenInstant } from "../../app/domain/dates.ts";
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { cellValue, labelText } from "../../app/domain/reporting/report-labels.ts";
import type { Table } from "../../app/domain/reporting/report-tables.ts";
import { scriptReport } from "../../app/domain/reporting/report-script.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { translator } from "../../app/lib/i18n.server.ts";
import { createUserSession } from "../../app/lib/session.server.ts";
import { activity, area } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
let cookie = "";
let programmeId = "";

type Json = {
  period: { from: string; to: string };
  programme: string | null;
  min: number;
  tables: { id: string; header: string[]; rows: (string | number)[][] }[];
};

/** The page's tables in the shared view, as the exports write their cells. */
async function pageTables(search: string) {
  const { loader } = await import("../../app/routes/staff.reports._index.tsx");
  const request = new Request(`http://localhost/staff/reports?${search}&mode=shared`, { headers: { Cookie: cookie } });
  const data = (await loader({ request, params: {}, context: {} } as LoaderFunctionArgs)) as { tables: Table[]; min: number };
  const t = translator("da", "reports");
  return data.tables.map((table) => ({
    id: table.id,
    rows: table.rows.map((row) => [labelText(row.label, t, "da"), ...row.cells.map((cell) => cellValue(cell, data.min))]),
  }));
}

beforeAll(async () => {
  const user = await createUser({ role: "STAFF", email: "cli-staff@example.dk" });
  cookie = (await createUserSession(user.id)).split(";")[0]!;
  const [a, b] = [(await area({ name: "Område A" })).id, (await area({ name: "Område B" })).id];
  const programme = await db.programme.create({ data: { name: "Brandkadet" } });
  programmeId = programme.id;
  const at = (day: string) => ({ startsAt: copenhagenInstant(day, "15:00"), endsAt: copenhagenInstant(day, "17:00") });
  const cadets = await activity({ title: "Brandkadet forår", requiresSignUp: false, sessions: [at("2026-01-13"), at("2026-02-10")] });
  await db.activity.update({ where: { id: cadets.id }, data: { programmeId } });
  const cafe = await activity({ title: "Lektiecafé", requiresSignUp: false, sessions: [at("2026-03-04")] });
  // Brandkadet: 8 from A, 3 from B; the café: 6 from A, 2 of them cadets.
  const people: string[] = [];
  for (let i = 0; i < 11; i++) {
    people.push(
      (await db.person.create({ data: { firstName: `Kadet${i}`, lastName: "Cli", housingAreaId: i < 8 ? a : b, gender: i % 2 ? "MALE" : "FEMALE" } })).id,
    );
  }
  for (let i = 0; i < 4; i++) people.push((await db.person.create({ data: { firstName: `Elev${i}`, lastName: "Cli", housingAreaId: a } })).id);
  for (const session of cadets.sessions)
    await db.attendance.createMany({ data: people.slice(0, 11).map((personId) => ({ sessionId: session.id, personId, present: true, enrolled: false })) });
  await db.attendance.createMany({
    data: [...people.slice(0, 2), ...people.slice(11)].map((personId) => ({ sessionId: cafe.sessions[0]!.id, personId, present: true, enrolled: false })),
  });
});

describe("npm run report", () => {
  it("gives the page's figures for a quarter, as JSON", async () => {
    const json = JSON.parse(await scriptReport({ from: "2026-01-01", to: "2026-03-31", format: "json", language: "da" })) as Json;
    expect(json.period).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    const page = await pageTables("kind=custom&from=2026-01-01&to=2026-03-31");
    expect(json.tables.map(({ id, rows }) => ({ id, rows }))).toEqual(page);
    // Something is suppressed (area B's three cadets), so the comparison covers the suppression too.
    expect(JSON.stringify(json.tables)).toContain(`<${json.min}`);
  });

  it("gives the page's figures for one programme, named by its name or its id", async () => {
    const byName = JSON.parse(await scriptReport({ from: "2026-01-01", to: "2026-03-31", programme: "brandkadet", format: "json", language: "da" })) as Json;
    const byId = JSON.parse(await scriptReport({ from: "2026-01-01", to: "2026-03-31", programme: programmeId, format: "json", language: "da" })) as Json;
    expect(byName.programme).toBe("Brandkadet");
    const page = await pageTables(`kind=custom&from=2026-01-01&to=2026-03-31&scope=programme&scopeId=${programmeId}`);
    expect(byName.tables.map(({ id, rows }) => ({ id, rows }))).toEqual(page);
    expect(byId.tables).toEqual(byName.tables);
    const summary = byName.tables.find((table) => table.id === "summary")!;
    expect(summary.rows.find((row) => row[0] === "Unikke deltagere")![1]).toBe(11);
  });

  it("writes the CSV the page downloads", async () => {
    const now = new Date("2026-04-02T08:00:00Z");
    const csv = await scriptReport({ from: "2026-01-01", to: "2026-03-31", format: "csv", language: "da" }, now);
    const { loader } = await import("../../app/routes/staff.reports[.csv].tsx");
    const request = new Request("http://localhost/staff/reports.csv?kind=custom&from=2026-01-01&to=2026-03-31", { headers: { Cookie: cookie } });
    const page = await (await loader({ request, params: {}, context: {} } as LoaderFunctionArgs)).text();
    // The same file but for the minute it was made (Response.text() drops the byte-order mark Excel needs; the command keeps it).
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const withoutStamp = (text: string) =>
      text
        .replace(/^\uFEFF/, "")
        .split(/\r?\n/)
        .filter((line) => !line.startsWith("Lavet"));
    expect(withoutStamp(csv)).toEqual(withoutStamp(page));
  });

  it("refuses a programme that does not exist and a period that ends before it starts, in words", async () => {
    await expect(scriptReport({ from: "2026-01-01", to: "2026-03-31", programme: "Ukendt", format: "json", language: "da" })).rejects.toThrow(
      'Der er ingen indsats med navnet eller id\'et "Ukendt".',
    );
    await expect(scriptReport({ from: "2026-03-31", to: "2026-01-01", format: "json", language: "en" })).rejects.toThrow(
      "The last day must be after the first.",
    );
  });

  it("runs from the command line against DATABASE_URL", () => {
    const run = spawnSync(
      process.execPath,
      [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "server/report-cli.ts", "--from", "2026-01-01", "--to", "2026-03-31", "--programme", "Brandkadet"],
      { cwd: ROOT, env: { ...process.env }, encoding: "utf8", timeout: 60_000 },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout) as Json;
    expect(json.programme).toBe("Brandkadet");
    const summary = json.tables.find((table) => table.id === "summary")!;
    expect(summary.rows.find((row) => row[0] === "Unikke deltagere")![1]).toBe(11);
  });
});
