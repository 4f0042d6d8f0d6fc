// Direction characters (app/domain/text-rules.ts): a right-to-left override
// (U+202E) in a name shows "evil" as "live" and turns round the rest of the
// line in staff lists and files. Names of people refuse it; free text keeps
// it and pages show it isolated (<bdi>); files that leave the portal (CSV,
// xlsx, calendars) carry none; names stored before the rule lose it (the
// migration). Every name field of every form is also sent one by the fuzz
// test (tests/integration/fuzz.test.ts).
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { LoaderFunctionArgs, ServerBuild } from "@remix-run/node";
import { createRequestHandler } from "@remix-run/node";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { exportTable, toXlsx } from "../../app/domain/jobs/hours-export.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { createUserSession } from "../../app/lib/session.server.ts";
import { action as childAction } from "../../app/routes/my.household.children.$childId.tsx";
import { loader as calendarLoader } from "../../app/routes/my.calendar.$signUpId[.ics].tsx";
import { loader as rosterCsvLoader } from "../../app/routes/staff.activities.$activityId.roster[.csv].tsx";
import { loader as reportCsvLoader } from "../../app/routes/staff.reports[.csv].tsx";
import { loader as reportXlsxLoader } from "../../app/routes/staff.reports[.xlsx].tsx";
import { BUILD_PATH, ensureBuild } from "../../server/build.ts";
import { activity, area, household, signUpFamily } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

const RLO = "\u202E";
/** Every direction and invisible character the rule names, for "none left" checks. */
const UNSEEN = /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;
const root = path.resolve(import.meta.dirname, "../..");

let staffCookie = "";
let family: Awaited<ReturnType<typeof household>>;
let parentCookie = "";
let camp: Awaited<ReturnType<typeof activity>>;
let signUpId = "";
let build: ServerBuild;

const cookieOf = async (userId: string) => (await createUserSession(userId)).split(";")[0]!;
const args = (url: string, cookie: string, params: Record<string, string> = {}, body?: Record<string, string>): LoaderFunctionArgs =>
  ({
    request: new Request(`http://localhost${url}`, {
      method: body ? "POST" : "GET",
      headers: { Cookie: cookie, ...(body ? { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" } : {}) },
      body: body ? new URLSearchParams(body).toString() : undefined,
    }),
    params,
    context: { clientIp: "127.0.0.1", cspNonce: "" },
  }) as LoaderFunctionArgs;

beforeAll(async () => {
  staffCookie = await cookieOf((await createUser({ role: "STAFF" })).id);
  const home = await area();
  family = await household({ children: [{ firstName: "Astrid", areaId: home.id }] });
  parentCookie = await cookieOf(family.user!.id);
  camp = await activity({ title: `Lejr ${RLO}evil` });
  signUpId = (await signUpFamily(camp.id, family)).signUpId;
  ensureBuild(() => {}); // rebuilds when the sources are newer (a few seconds to a few minutes)
  build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
}, 300_000);

describe("direction characters", () => {
  it("a name with a right-to-left override is refused with a translated message; nothing is stored", async () => {
    const child = family.children[0]!;
    const answer = (await childAction(
      args(
        `/my/household/children/${child.id}`,
        parentCookie,
        { childId: child.id },
        {
          firstName: `${RLO}evil`,
          lastName: "Test",
          birthDate: "2016-05-01",
          housingAreaId: child.housingAreaId!,
          photoConsent: "no",
        },
      ),
    )) as { error?: Record<string, string[]> };
    expect(answer.error?.firstName).toEqual(["common:errors.invisibleCharacters"]);
    expect((await db.person.findUniqueOrThrow({ where: { id: child.id } })).firstName).toBe("Astrid");
  });

  it("a note with one is stored as typed, and the roster shows it isolated", async () => {
    const child = family.children[0]!;
    const needs = `${RLO}Allergi: nødder`;
    const answer = await childAction(
      args(
        `/my/household/children/${child.id}`,
        parentCookie,
        { childId: child.id },
        {
          firstName: "Astrid",
          lastName: "Test",
          birthDate: "2016-05-01",
          housingAreaId: child.housingAreaId!,
          needs,
          photoConsent: "yes",
        },
      ),
    );
    expect(answer).toBeInstanceOf(Response); // saved: a redirect
    expect((await db.personNeeds.findUniqueOrThrow({ where: { personId: child.id } })).text).toBe(needs);

    // The page as the production build renders it.
    const response = await createRequestHandler(build, "production")(
      new Request(`http://localhost/staff/activities/${camp.id}`, { headers: { Cookie: staffCookie } }),
      { clientIp: "127.0.0.1", cspNonce: "" },
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(`<bdi>${needs}</bdi>`);
  });

  it("leaves none in the roster's CSV, even of a name stored before the rule", async () => {
    const child = family.children[0]!;
    await db.person.update({ where: { id: child.id }, data: { lastName: `${RLO}tseT` } });
    const response = (await rosterCsvLoader(args(`/staff/activities/${camp.id}/roster.csv`, staffCookie, { activityId: camp.id }))) as Response;
    const csv = await response.text();
    expect(csv).toContain("Astrid tseT");
    expect(csv).toContain("Allergi: nødder");
    expect(csv.replace(/^\uFEFF/, "")).not.toMatch(UNSEEN);
    await db.person.update({ where: { id: child.id }, data: { lastName: "Test" } });
  });

  it("leaves none in the payroll xlsx", async () => {
    const table = exportTable(
      [
        {
          name: `Yrsa ${RLO}evil`,
          birthDate: null,
          job: `Job\u2066x\u2069`,
          role: `Hj\u200Fælper`,
          payUnit: "HOUR",
          rateOre: 4500,
          shifts: 1,
          minutes: 60,
          payOre: 4500,
        },
      ] as never,
      ["name", "birthDate", "job", "role", "payUnit", "rate", "shifts", "hours", "pay"],
      () => "time",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await toXlsx(table, "Timer"));
    const texts: string[] = [];
    workbook.worksheets[0]!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain("Yrsa evil");
    expect(texts.filter((text) => UNSEEN.test(text))).toEqual([]);
  });

  it("leaves none in the report's CSV and xlsx (an activity's title in the filters)", async () => {
    const url = `/staff/reports.xlsx?scope=activity&scopeId=${camp.id}`;
    const xlsx = (await reportXlsxLoader(args(url, staffCookie))) as Response;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const texts: string[] = [];
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts.some((text) => text.includes("Lejr evil"))).toBe(true);
    expect(texts.filter((text) => UNSEEN.test(text))).toEqual([]);
    const csv = await ((await reportCsvLoader(args(url.replace(".xlsx", ".csv"), staffCookie))) as Response).text();
    expect(csv).toContain("Lejr evil");
    expect(csv.replace(/^\uFEFF/, "")).not.toMatch(UNSEEN);
  });

  it("leaves none in a calendar file", async () => {
    const response = (await calendarLoader(args(`/my/calendar/${signUpId}.ics`, parentCookie, { signUpId }))) as Response;
    const ics = await response.text();
    expect(ics).toContain("Lejr evil");
    expect(ics).not.toMatch(UNSEEN);
  });

  it("takes them out of names stored before the rule (the migration)", async () => {
    const person = await db.person.create({ data: { firstName: `${RLO}live\u200F`, lastName: `A\u200Bb\u2066c\u2069`, email: null } });
    const untouched = await db.person.create({ data: { firstName: "سارة\u200C", lastName: "Nørgaard" } });
    const folder = fs.readdirSync(path.join(root, "prisma/migrations")).find((name) => name.endsWith("_input_names_without_direction_characters"))!;
    await db.$executeRawUnsafe(fs.readFileSync(path.join(root, "prisma/migrations", folder, "migration.sql"), "utf8").split(";\n\nUPDATE")[0]!);
    expect(await db.person.findUniqueOrThrow({ where: { id: person.id }, select: { firstName: true, lastName: true } })).toEqual({
      firstName: "live",
      lastName: "Abc",
    });
    // A zero-width non-joiner (Persian and Kurdish names) stays.
    expect((await db.person.findUniqueOrThrow({ where: { id: untouched.id } })).firstName).toBe("سارة\u200C");
  });
});
