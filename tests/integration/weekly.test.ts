// Issue 19, "defects found in use": each test pins one defect (and the siblings found with it) on real
// PostgreSQL, through the domain functions or the production build's pages.
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { staffActivityList } from "../../app/domain/staff/roster.server.ts";
import { activityRoster } from "../../app/domain/staff/roster.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { createUserSession } from "../../app/lib/session.server.ts";
import { BUILD_PATH, ensureBuild } from "../../server/build.ts";
import { activity, household, signUpFamily } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

let build: ServerBuild;
let staffCookie = "";
const cookieOf = async (userId: string) => (await createUserSession(userId)).split(";")[0]!;

/** A page as the production build renders it. */
async function page(url: string, cookie = "", language = "da"): Promise<{ status: number; html: string }> {
  const response = await createRequestHandler(build, "production")(
    new Request(`http://localhost${url}${url.includes("?") ? "&" : "?"}lng=${language}`, { headers: cookie ? { Cookie: cookie } : {} }),
    { clientIp: "127.0.0.1", cspNonce: "" },
  );
  return { status: response.status, html: await response.text() };
}

beforeAll(async () => {
  staffCookie = await cookieOf((await createUser({ role: "STAFF" })).id);
  ensureBuild(() => {});
  build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
}, 300_000);

describe("defect 1: effort areas are the programme's, never shown to families", () => {
  it("the public activity page names the activity type, not the effort area", async () => {
    const camp = await activity({ title: "Sportslejr" });
    await db.effortArea.update({
      where: { id: camp.effortAreaId },
      data: { name: { da: "Kriminalitetsforebyggelse", en: "Crime prevention", ar: "الوقاية من الجريمة" } },
    });
    for (const language of ["da", "en", "ar"]) {
      const { status, html } = await page(`/activities/${camp.slug}`, "", language);
      expect(status).toBe(200);
      expect(html).not.toMatch(/Kriminalitetsforebyggelse|Crime prevention|الوقاية من الجريمة/);
    }
  });
});

describe("defect 2: one way to count places", () => {
  it("a family course counts families on the staff start page as on the roster and the public page; the waiting list counts groups", async () => {
    const course = await activity({ capacity: 2, capacityUnit: "HOUSEHOLD" });
    const [a, b, c] = [await household({ children: [{}, {}, {}] }), await household({ children: [{}, {}] }), await household({ children: [{}, {}] })];
    for (const family of [a, b, c]) await signUpFamily(course.id, family);
    const [listed] = await staffActivityList([course.id]);
    const roster = await activityRoster(course.id, { userId: (await createUser({ role: "STAFF" })).id });
    expect(roster.taken).toBe(2);
    expect({ confirmed: listed!.confirmed, waiting: listed!.waiting }).toEqual({ confirmed: roster.taken, waiting: 1 });
    const { html } = await page("/staff", staffCookie);
    expect(html).toContain("Pladser: 2 af 2 · Venteliste: 1");
  });
});
