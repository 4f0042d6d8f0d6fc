// Dates typed into the pages that filter by date (GET: the report's period,
// the milestones' period, the payroll month, the audit log's days): an
// impossible or far-off date never breaks the page (PostgreSQL has no year
// 0: "date/time field value out of range" was a 500), it is named in a
// translated message or ignored. The forms that store dates are covered by
// the fuzz test, which sends every date field of every form year 0000, 31
// February, month 13 and year 9999 (tests/integration/fuzz.test.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as auditLoader } from "../../app/routes/admin.audit.tsx";
import { loader as hoursLoader } from "../../app/routes/staff.jobs.hours.tsx";
import { loader as hoursCsvLoader } from "../../app/routes/staff.jobs.hours[.csv].tsx";
import { loader as hoursXlsxLoader } from "../../app/routes/staff.jobs.hours[.xlsx].tsx";
import { loader as milestonesLoader } from "../../app/routes/staff.milestones._index.tsx";
import { loader as reportCsvLoader } from "../../app/routes/staff.reports[.csv].tsx";
import { loader as reportLoader } from "../../app/routes/staff.reports._index.tsx";
import { createUserSession } from "../../app/lib/session.server.ts";
import { createUser } from "../setup/helpers.ts";

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
let staff = "";
let admin = "";

beforeAll(async () => {
  staff = (await createUserSession((await createUser({ role: "STAFF" })).id)).split(";")[0]!;
  admin = (await createUserSession((await createUser({ role: "ADMIN" })).id)).split(";")[0]!;
});

async function load(loader: Loader, url: string, cookie: string): Promise<{ status: number; data: unknown }> {
  const request = new Request(`http://localhost${url}`, { headers: { Cookie: cookie } });
  try {
    const result = await loader({ request, params: {}, context: { clientIp: "127.0.0.1", cspNonce: "" } } as LoaderFunctionArgs);
    return result instanceof Response ? { status: result.status, data: null } : { status: 200, data: result };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, data: null };
    throw error;
  }
}

const BAD_DAYS = [
  ["0000-01-01", "common:dates.invalid"],
  ["2025-02-31", "common:dates.invalid"],
  ["9999-12-31", "common:dates.range.plan"],
] as const;

describe("an impossible or far-off date in a page's filters", () => {
  it.each(BAD_DAYS)("the report's period from %s: named in a translated message, the default period used", async (day, message) => {
    for (const loader of [reportLoader, milestonesLoader] as Loader[]) {
      const answer = await load(loader, `/staff/reports?kind=custom&from=${day}&to=2026-03-31`, staff);
      expect(answer.status).toBe(200);
      expect((answer.data as { errors: Record<string, string[]> }).errors.from).toEqual([message]);
      expect((answer.data as { period: { from: string } }).period.from).not.toBe(day);
    }
    // The export takes the same filters: a file of the default period, not a 500.
    expect((await load(reportCsvLoader as Loader, `/staff/reports.csv?kind=custom&from=${day}&to=2026-03-31`, staff)).status).toBe(200);
  });

  it.each(["0000-01", "9999-12", "2025-13"])("the payroll month %s: the page says it is not a month, the downloads answer 400", async (month) => {
    const page = await load(hoursLoader as Loader, `/staff/jobs/hours?month=${month}`, staff);
    expect(page.status).toBe(200);
    expect((page.data as { invalid: boolean }).invalid).toBe(true);
    expect((await load(hoursCsvLoader as Loader, `/staff/jobs/hours.csv?month=${month}`, staff)).status).toBe(400);
    expect((await load(hoursXlsxLoader as Loader, `/staff/jobs/hours.xlsx?month=${month}`, staff)).status).toBe(400);
  });

  it.each(BAD_DAYS)("the audit log's day %s: ignored", async (day) => {
    const answer = await load(auditLoader as Loader, `/admin/audit?from=${day}&to=${day}`, admin);
    expect(answer.status).toBe(200);
    expect((answer.data as { filters: Record<string, string> }).filters).toEqual({});
  });
});
