// The report pages and exports on real PostgreSQL: the filters parse (bad
// input falls back with a translated error), the page's tables, the xlsx
// (opened with exceljs) and the CSV show the same numbers with small cells
// suppressed in the shared view, only staff and admins get in, and the
// milestone forms validate, save, note and delete.
//
// Fixture (3rd quarter 2025): one activity with two sessions; area A has 7
// children who came to both, area B 2 (no households: each person is their
// own). Shared view: B "<5", and A hidden too (else A = total − B would give
// B away); the total 9 stays.
import { copenhagenInstant } from "../../app/domain/dates.ts";
import ExcelJS from "exceljs";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { cellValue, labelText } from "../../app/domain/reporting/report-labels.ts";
import { parseReportQuery, reportSearch } from "../../app/domain/reporting/report-query.ts";
import type { Table } from "../../app/domain/reporting/report-tables.ts";
import { milestoneSchema } from "../../app/domain/reporting/milestone-schemas.ts";
import { db } from "../../app/lib/db.server.ts";
import { translator } from "../../app/lib/i18n.server.ts";
import { createUserSession } from "../../app/lib/session.server.ts";
import { activity, area } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

const NOW = new Date("2025-11-12T12:00:00Z");
const Q3 = "kind=quarter&which=current&day=2025-08-15";

let activityId = "";
let effortAreaId = "";
let areaA = "";
let areaB = "";
const cookies: Record<string, string> = {};

async function cookieFor(role: "PARENT" | "YOUTH" | "PARTNER" | "STAFF" | "ADMIN") {
  const user = await createUser({ role, email: `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.dk` });
  return { id: user.id, cookie: (await createUserSession(user.id)).split(";")[0]! };
}

function request(url: string, cookie: string | null, form?: Record<string, string>) {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  if (!form) return new Request(`http://localhost${url}`, { headers });
  return new Request(`http://localhost${url}`, { method: "POST", headers, body: new URLSearchParams(form) });
}

const args = (req: Request, params: Record<string, string> = {}) => ({ request: req, params, context: {} }) as LoaderFunctionArgs;

async function outcome(promise: Promise<unknown>): Promise<{ status: number; location: string | null; body: unknown; response: Response | null }> {
  try {
    const result = await promise;
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), body: null, response: result };
    return { status: 200, location: null, body: result, response: null };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, location: error.headers.get("Location"), body: null, response: error };
    throw error;
  }
}

const routes = {
  page: () => import("../../app/routes/staff.reports._index.tsx"),
  csv: () => import("../../app/routes/staff.reports[.csv].tsx"),
  xlsx: () => import("../../app/routes/staff.reports[.xlsx].tsx"),
  print: () => import("../../app/routes/staff.reports.print.tsx"),
  milestones: () => import("../../app/routes/staff.milestones._index.tsx"),
  milestone: () => import("../../app/routes/staff.milestones.$milestoneId.tsx"),
};

beforeAll(async () => {
  areaA = (await area({ name: "Område A" })).id;
  areaB = (await area({ name: "Område B" })).id;
  const at = (day: string, time: string) => copenhagenInstant(day, time);
  const created = await activity({
    title: "Rapportcafé",
    requiresSignUp: false,
    sessions: [
      { startsAt: at("2025-07-07", "15:00"), endsAt: at("2025-07-07", "17:00") },
      { startsAt: at("2025-08-04", "15:00"), endsAt: at("2025-08-04", "17:00") },
    ],
  });
  activityId = created.id;
  effortAreaId = created.effortAreaId;
  const children = [...Array.from({ length: 7 }, () => areaA), areaB, areaB];
  for (const [index, housingAreaId] of children.entries()) {
    const person = await db.person.create({
      data: { firstName: `Barn${index}`, lastName: "Efternavnsen", birthDate: new Date("2015-05-05T00:00:00Z"), housingAreaId },
    });
    for (const session of created.sessions) await db.attendance.create({ data: { sessionId: session.id, personId: person.id, housingAreaId, present: true } });
  }
  for (const role of ["STAFF", "ADMIN", "PARENT", "YOUTH", "PARTNER"] as const) cookies[role] = (await cookieFor(role)).cookie;
});

describe("report filters", () => {
  it("default to last quarter, exact numbers, everything", () => {
    const query = parseReportQuery(new URLSearchParams(), NOW);
    expect(query.period).toEqual({ from: "2025-07-01", to: "2025-09-30" });
    expect(query.mode).toBe("exact");
    expect(query.scope).toEqual({ kind: "all", id: null });
    expect(query.errors).toEqual({});
  });

  it("compute each shortcut from a day", () => {
    const at = (search: string) => parseReportQuery(new URLSearchParams(search), NOW).period;
    expect(at("kind=month&which=previous&day=2026-01-15")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(at("kind=month&which=current&day=2024-02-10")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(at("kind=half&which=previous&day=2026-03-01")).toEqual({ from: "2025-07-01", to: "2025-12-31" });
    expect(at("kind=year&which=current")).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(at("kind=plan")).toEqual({ from: "2025-01-01", to: "2029-12-31" });
    expect(at("kind=custom&from=2025-03-05&to=2025-03-05")).toEqual({ from: "2025-03-05", to: "2025-03-05" });
  });

  it("read the form's one selection select and the shared mode", () => {
    const id = "0b6d3c1e-8a1f-4a57-9d65-1a2b3c4d5e6f";
    const query = parseReportQuery(new URLSearchParams(`selection=effortArea:${id}&mode=shared`), NOW);
    expect(query.scope).toEqual({ kind: "effortArea", id });
    expect(query.mode).toBe("shared");
    expect(parseReportQuery(new URLSearchParams(reportSearch(query)), NOW).scope).toEqual({ kind: "effortArea", id });
  });

  it("fall back to the defaults with a translated error for bad input, field by field", () => {
    const bad = parseReportQuery(new URLSearchParams("kind=week&scope=effortArea&scopeId=nope&mode=loud"), NOW);
    expect(bad.errors).toEqual({ kind: ["errors.periodInvalid"], scopeId: ["errors.scopeIdInvalid"], mode: ["errors.modeInvalid"] });
    expect(bad.period).toEqual({ from: "2025-07-01", to: "2025-09-30" });
    expect(bad.scope).toEqual({ kind: "all", id: null });
    expect(bad.mode).toBe("exact");
    const t = translator("da", "reports");
    for (const key of Object.values(bad.errors).flat()) expect(t(key)).not.toBe(key);

    const reversed = parseReportQuery(new URLSearchParams("kind=custom&from=2025-05-02&to=2025-05-01"), NOW);
    expect(reversed.errors).toEqual({ to: ["errors.toBeforeFrom"] });
    expect(reversed.kind).toBe("quarter");
    expect(parseReportQuery(new URLSearchParams("kind=custom&from=2025-02-30&to=2025-03-01"), NOW).errors).toEqual({ from: ["common:dates.invalid"] });
    expect(parseReportQuery(new URLSearchParams("kind=custom&from=2020-01-01&to=2026-12-31"), NOW).errors).toEqual({ to: ["errors.periodTooLong"] });
    expect(parseReportQuery(new URLSearchParams("kind=custom"), NOW).errors).toEqual({ from: ["errors.fromRequired"], to: ["errors.toRequired"] });
    // A good period survives a bad selection.
    const keepsPeriod = parseReportQuery(new URLSearchParams("kind=year&which=current&day=2027-05-05&scope=activity"), NOW);
    expect(keepsPeriod.period).toEqual({ from: "2027-01-01", to: "2027-12-31" });
    expect(keepsPeriod.errors).toEqual({ scopeId: ["errors.scopeIdRequired"] });
  });
});

describe("report page and exports", () => {
  const t = translator("da", "reports");

  async function pageTables(search: string): Promise<{ tables: Table[]; min: number; errors: Record<string, string[]> }> {
    const { loader } = await routes.page();
    const result = await outcome(loader(args(request(`/staff/reports?${search}`, cookies.STAFF!))));
    expect(result.status).toBe(200);
    return result.body as { tables: Table[]; min: number; errors: Record<string, string[]> };
  }

  const asRows = (table: Table, min: number) => table.rows.map((row) => [labelText(row.label, t, "da"), ...row.cells.map((cell) => cellValue(cell, min))]);

  it("shows staff exact numbers, and suppresses small cells in the shared view", async () => {
    const exact = await pageTables(`${Q3}&selection=activity:${activityId}`);
    const areas = (tables: Table[]) => tables.find((table) => table.id === "areas")!;
    const unique = areas(exact.tables).columns.indexOf("uniqueParticipants");
    const row = (tables: Table[], name: string) => areas(tables).rows.find((candidate) => "text" in candidate.label && candidate.label.text === name)!;
    expect(row(exact.tables, "Område A").cells[unique]).toEqual({ kind: "value", value: 7 });
    expect(row(exact.tables, "Område B").cells[unique]).toEqual({ kind: "value", value: 2 });

    const shared = await pageTables(`${Q3}&selection=activity:${activityId}&mode=shared`);
    expect(row(shared.tables, "Område A").cells[unique]).toEqual({ kind: "hidden" });
    expect(row(shared.tables, "Område B").cells[unique]).toEqual({ kind: "small" });
    expect(areas(shared.tables).rows.at(-1)!.cells[unique]).toEqual({ kind: "value", value: 9 });
  });

  it("exports the same numbers as the shared page in xlsx: a sheet per table, filters and definitions, no names", async () => {
    const search = `${Q3}&selection=effortArea:${effortAreaId}`;
    const shared = await pageTables(`${search}&mode=shared`);
    const { loader } = await routes.xlsx();
    // Asked for exact numbers, the export still gives the shared view.
    const response = (await outcome(loader(args(request(`/staff/reports.xlsx?${search}&mode=exact`, cookies.STAFF!))))).response!;
    expect(response.headers.get("Content-Type")).toContain("spreadsheetml");
    expect(response.headers.get("Content-Disposition")).toContain("rapport-2025-07-01-2025-09-30.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names[0]).toBe("Filtre");
    expect(names.at(-1)).toBe("Definitioner");
    for (const table of shared.tables) {
      const sheet = workbook.getWorksheet(t(`table.${table.id}.sheet`))!;
      expect(sheet, table.id).toBeTruthy();
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      expect(rows[0]).toEqual([t(`table.${table.id}.rowHeading`), ...table.columns.map((column) => t(`measure.${column}`))]);
      expect(rows.slice(1), table.id).toEqual(asRows(table, shared.min));
    }
    const areas = workbook.getWorksheet("Boligområder")!;
    const found: unknown[][] = [];
    areas.eachRow((row) => found.push((row.values as unknown[]).slice(1)));
    expect(found.find((row) => row[0] === "Område B")).toEqual(["Område B", 0, "<5", "<5", "<5", 0, 0]);
    expect(found.find((row) => row[0] === "Område A")).toEqual(["Område A", 0, "..", "..", "..", 0, 0]);
    const filters: string[] = [];
    workbook.getWorksheet("Filtre")!.eachRow((row) => filters.push((row.values as unknown[]).slice(1).join(" | ")));
    expect(filters.join("\n")).toContain("1. juli 2025 – 30. september 2025");
    expect(filters.join("\n")).toContain("Indsatsområde: Indsats");
    expect(filters.join("\n")).toContain("Lavet |");
    const definitions: string[] = [];
    workbook.getWorksheet("Definitioner")!.eachRow((row) => definitions.push(String(row.getCell(1).value)));
    expect(definitions).toContain("Unikke deltagere");
    expect(definitions).toContain("Små tal (<5)");
    // No person's name anywhere in the workbook.
    for (const sheet of workbook.worksheets) sheet.eachRow((row) => expect(JSON.stringify(row.values)).not.toMatch(/Barn|Efternavnsen/));
  });

  it("exports the same numbers in CSV", async () => {
    const search = `${Q3}&selection=activity:${activityId}`;
    const shared = await pageTables(`${search}&mode=shared`);
    const { loader } = await routes.csv();
    const response = (await outcome(loader(args(request(`/staff/reports.csv?${search}`, cookies.STAFF!))))).response!;
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const text = (await response.text()).replace(/^\uFEFF/, "");
    const lines = text.split("\r\n");
    for (const table of shared.tables) {
      const start = lines.indexOf(t(`table.${table.id}.title`));
      expect(start, table.id).toBeGreaterThan(0);
      const rows = asRows(table, shared.min).map((row) => row.map(String).join(";"));
      expect(lines.slice(start + 2, start + 2 + rows.length), table.id).toEqual(rows);
    }
    expect(text).toContain("Område B;0;<5;<5;<5;0;0");
    expect(text).not.toMatch(/Barn|Efternavnsen/);
  });

  it("names an unknown selection and reports on everything instead", async () => {
    const page = await pageTables(`${Q3}&selection=activity:0b6d3c1e-8a1f-4a57-9d65-1a2b3c4d5e6f`);
    expect(page.errors).toEqual({ scopeId: ["errors.scopeNotFound"] });
  });

  it("lets only staff and admins in; others get 403, anonymous visitors go to sign-in", async () => {
    const pages = [
      ["/staff/reports", (await routes.page()).loader, {}],
      ["/staff/reports.csv", (await routes.csv()).loader, {}],
      ["/staff/reports.xlsx", (await routes.xlsx()).loader, {}],
      ["/staff/reports/print", (await routes.print()).loader, {}],
      ["/staff/milestones", (await routes.milestones()).loader, {}],
      ["/staff/milestones/new", (await routes.milestone()).loader, { milestoneId: "new" }],
    ] as const;
    for (const [url, loader, params] of pages) {
      const anonymous = await outcome(loader(args(request(url, null), params)));
      expect(anonymous.status, url).toBe(302);
      expect(anonymous.location, url).toContain("/login?redirectTo=");
      for (const role of ["PARENT", "YOUTH", "PARTNER"] as const)
        expect((await outcome(loader(args(request(url, cookies[role]!), params)))).status, `${url} ${role}`).toBe(403);
      for (const role of ["STAFF", "ADMIN"] as const)
        expect((await outcome(loader(args(request(url, cookies[role]!), params)))).status, `${url} ${role}`).toBe(200);
    }
    const { action } = await routes.milestone();
    const form = { intent: "save", "title.da": "X", measure: "ENROLMENTS", target: "3", selection: "all", startsOn: "2025-01-01", deadline: "2025-12-31" };
    expect((await outcome(action(args(request("/staff/milestones/new", cookies.PARENT!, form), { milestoneId: "new" })))).status).toBe(403);
    expect((await outcome((await routes.milestones()).action(args(request("/staff/milestones", cookies.PARTNER!, { milestoneId: activityId }))))).status).toBe(
      403,
    );
    expect(await db.milestone.count()).toBe(0);
  });

  it("prints the shared tables and the selection's milestones with their status text", async () => {
    const milestone = await db.milestone.create({
      data: {
        title: { da: "8 børn i caféen" },
        measure: "UNIQUE_PARTICIPANTS",
        target: 8,
        activityId,
        startsOn: new Date("2025-07-01"),
        deadline: new Date("2025-12-31"),
      },
    });
    await db.milestoneNote.create({
      data: { milestoneId: milestone.id, periodStart: new Date("2025-07-01"), periodEnd: new Date("2025-09-30"), text: "Godt besøgt." },
    });
    const { loader } = await routes.print();
    const result = await outcome(loader(args(request(`/staff/reports/print?${Q3}&selection=activity:${activityId}&mode=exact`, cookies.STAFF!))));
    const body = result.body as { tables: Table[]; milestones: { title: { text: string }; note: string | null; value: number; judgement: string }[] };
    const areas = body.tables.find((table) => table.id === "areas")!;
    expect(areas.rows.some((row) => row.cells.some((cell) => cell.kind === "small"))).toBe(true);
    expect(body.milestones).toEqual([
      expect.objectContaining({ title: expect.objectContaining({ text: "8 børn i caféen" }), note: "Godt besøgt.", value: 9, judgement: "reached" }),
    ]);
    await db.milestone.delete({ where: { id: milestone.id } });
  });
});

describe("milestone forms", () => {
  it("validate on the server: Danish title, target at least 1, deadline on or after the first day, a selection that exists", async () => {
    const parse = (values: Record<string, string>) => milestoneSchema.safeParse(values);
    expect(parse({}).success).toBe(false);
    const { action } = await routes.milestone();
    const post = async (form: Record<string, string>) =>
      (await outcome(action(args(request("/staff/milestones/new", cookies.STAFF!, { intent: "save", ...form }), { milestoneId: "new" })))) as {
        status: number;
        location: string | null;
        body: { result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } } | null;
      };
    const bad = await post({ "title.da": " ", measure: "ENROLMENTS", target: "0", selection: "all", startsOn: "2025-06-01", deadline: "2025-05-31" });
    expect(bad.body!.result.error).toEqual({
      "title.da": ["errors.titleRequired"],
      target: ["errors.targetTooSmall"],
      deadline: ["errors.deadlineBeforeStart"],
    });
    expect(bad.body!.result.initialValue).toMatchObject({ target: "0", startsOn: "2025-06-01" });
    const sameDay = await post({ "title.da": "En dag", measure: "ENROLMENTS", target: "1", selection: "all", startsOn: "2025-06-01", deadline: "2025-06-01" });
    expect(sameDay.status).toBe(302);
    const ghost = await post({
      "title.da": "Spøgelse",
      measure: "ENROLMENTS",
      target: "2",
      selection: "activity:0b6d3c1e-8a1f-4a57-9d65-1a2b3c4d5e6f",
      startsOn: "2025-06-01",
      deadline: "2025-07-01",
    });
    expect(ghost.body!.result.error).toEqual({ selection: ["errors.selectionRequired"] });
    await db.milestone.deleteMany({});
  });

  it("create, edit, write a status text for a period, and delete only after confirming — each audited", async () => {
    const route = await routes.milestone();
    const created = await outcome(
      route.action(
        args(
          request("/staff/milestones/new", cookies.STAFF!, {
            intent: "save",
            "title.da": "150 børn i Uddannelse",
            "title.en": "150 children",
            measure: "UNIQUE_PARTICIPANTS",
            target: "150",
            selection: `effortArea:${effortAreaId}`,
            startsOn: "2025-01-01",
            deadline: "2025-12-31",
          }),
          { milestoneId: "new" },
        ),
      ),
    );
    expect(created.status).toBe(302);
    const saved = await db.milestone.findFirstOrThrow({ where: { effortAreaId } });
    expect(saved.title).toEqual({ da: "150 børn i Uddannelse", en: "150 children" });
    expect(saved.target).toBe(150);

    const edited = await outcome(
      route.action(
        args(
          request(`/staff/milestones/${saved.id}`, cookies.STAFF!, {
            intent: "save",
            "title.da": "9 børn i caféen",
            measure: "UNIQUE_PARTICIPANTS",
            target: "9",
            selection: `activity:${activityId}`,
            startsOn: "2025-07-01",
            deadline: "2025-09-30",
          }),
          { milestoneId: saved.id },
        ),
      ),
    );
    expect(edited.status).toBe(302);
    const after = await db.milestone.findUniqueOrThrow({ where: { id: saved.id } });
    expect([after.activityId, after.effortAreaId, after.target]).toEqual([activityId, null, 9]);

    const list = await routes.milestones();
    const noted = await outcome(
      list.action(
        args(request(`/staff/milestones?${Q3}`, cookies.STAFF!, { milestoneId: saved.id, from: "2025-07-01", to: "2025-09-30", text: "Alle ni kom." })),
      ),
    );
    expect(noted.status).toBe(302);
    expect(noted.location).toContain("done=note");
    const page = (await outcome(list.loader(args(request(`/staff/milestones?${Q3}`, cookies.STAFF!))))).body as {
      milestones: { id: string; note: string | null; value: number; judgement: string }[];
    };
    expect(page.milestones.find((milestone) => milestone.id === saved.id)).toMatchObject({ note: "Alle ni kom.", value: 9, judgement: "reached" });
    const tooLong = await outcome(
      list.action(args(request("/staff/milestones", cookies.STAFF!, { milestoneId: saved.id, from: "2025-07-01", to: "2025-09-30", text: "x".repeat(2001) }))),
    );
    expect((tooLong.body as { result: { error: Record<string, string[]> } }).result.error).toEqual({ text: ["errors.tooLong"] });
    const missing = await outcome(
      list.action(
        args(
          request("/staff/milestones", cookies.STAFF!, {
            milestoneId: "0b6d3c1e-8a1f-4a57-9d65-1a2b3c4d5e6f",
            from: "2025-07-01",
            to: "2025-09-30",
            text: "x",
          }),
        ),
      ),
    );
    expect(missing.status).toBe(404);

    const unconfirmed = await outcome(
      route.action(args(request(`/staff/milestones/${saved.id}`, cookies.STAFF!, { intent: "delete" }), { milestoneId: saved.id })),
    );
    expect((unconfirmed.body as { result: { error: Record<string, string[]> } }).result.error).toEqual({ confirm: ["errors.confirmDelete"] });
    expect(await db.milestone.count({ where: { id: saved.id } })).toBe(1);
    const deleted = await outcome(
      route.action(args(request(`/staff/milestones/${saved.id}`, cookies.STAFF!, { intent: "delete", confirm: "on" }), { milestoneId: saved.id })),
    );
    expect(deleted.location).toBe("/staff/milestones?done=deleted");
    expect(await db.milestone.count({ where: { id: saved.id } })).toBe(0);
    const actions = (await db.auditEvent.findMany({ where: { entityId: saved.id }, orderBy: { at: "asc" } })).map((event) => event.action);
    expect(actions).toEqual(["milestone.create", "milestone.update", "milestone.note", "milestone.delete"]);

    const gone = await outcome(route.loader(args(request(`/staff/milestones/${saved.id}`, cookies.STAFF!), { milestoneId: saved.id })));
    expect(gone.status).toBe(404);
  });
});
