// Issue 19, "staff desk on a laptop": the start page's groups (this week, running, upcoming, ended) and search on
// real PostgreSQL through the page's loader, and an ended activity's roster: no "give a place now" offered, and the
// action refuses it when sent anyway.
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createRequestHandler } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { copenhagenWeek } from "../../app/domain/staff/desk.ts";
import { db } from "../../app/lib/db.server.ts";
import { createUserSession } from "../../app/lib/session.server.ts";
import { action as rosterAction } from "../../app/routes/staff.activities.$activityId.tsx";
import { loader as deskLoader } from "../../app/routes/staff._index.tsx";
import { BUILD_PATH, ensureBuild } from "../../server/build.ts";
import { activity, area, household } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

let build: ServerBuild;
let staffCookie = "";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A page as the production build renders it, without its scripts (what a reader sees). */
async function page(url: string, cookie: string): Promise<{ status: number; html: string }> {
  const response = await createRequestHandler(build, "production")(new Request(`http://localhost${url}`, { headers: { Cookie: cookie } }), {
    clientIp: "127.0.0.1",
    cspNonce: "",
  });
  const html = (await response.text()).replaceAll("<!-- -->", "").replace(/<script[\s\S]*?<\/script>/g, "");
  return { status: response.status, html };
}

type DeskData = Exclude<Awaited<ReturnType<typeof deskLoader>>, Response>;
async function desk(search: string): Promise<DeskData> {
  return (await deskLoader({
    request: new Request(`http://localhost/staff${search}`, { headers: { Cookie: staffCookie } }),
    params: {},
    context: { clientIp: "127.0.0.1", cspNonce: "" },
  })) as DeskData;
}
const titles = (data: DeskData) => data.activities.map((item) => item.title.text);

beforeAll(async () => {
  staffCookie = (await createUserSession((await createUser({ role: "STAFF" })).id)).split(";")[0]!;
  ensureBuild(() => {});
  build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
}, 300_000);

describe("the staff start page's groups and search", () => {
  it("puts each activity in its group by the time now, lists this Copenhagen week's, and searches by name, area and type", async () => {
    const now = Date.now();
    const tag = crypto.randomUUID().slice(0, 8);
    const at = (from: number, hours = 1) => ({ startsAt: new Date(from), endsAt: new Date(from + hours * HOUR) });
    const running = await activity({ title: `Kører ${tag}`, sessions: [at(now - 7 * DAY), at(now + 7 * DAY)] });
    await activity({ title: `Kommer ${tag}`, sessions: [at(now + 30 * DAY)] });
    const ended = await activity({ title: `Slut ${tag}`, sessions: [at(now - 30 * DAY), at(now - 2 * DAY)] });
    const week = copenhagenWeek(new Date(now));
    // Monday 00:00–00:01 of this week: ended by now (except in that minute).
    const thisWeek = await activity({ title: `Ugen ${tag}`, sessions: [{ startsAt: week.from, endsAt: new Date(week.from.getTime() + 60_000) }] });
    // Sunday 23:59 ends this week; Monday 00:00 is the next one.
    await activity({ title: `Næste uge ${tag}`, sessions: [{ startsAt: week.until, endsAt: new Date(week.until.getTime() + HOUR) }] });

    const ids = (data: DeskData) => data.activities.map((item) => item.id);
    expect(ids(await desk(`?q=${tag}`))).toEqual([running.id]); // "running" is the default view
    expect(titles(await desk(`?view=upcoming&q=${tag}`))).toEqual([`Næste uge ${tag}`, `Kommer ${tag}`]);
    expect(ids(await desk(`?view=ended&q=${tag}`))).toEqual(expect.arrayContaining([ended.id]));
    expect(ids(await desk(`?view=week&q=${tag}`))).toEqual([thisWeek.id]);
    expect((await desk(`?view=week&q=${tag}`)).counts).toEqual({ current: 1, upcoming: 2, ended: 2, week: 1 });

    // The ended one: an "ended" badge and no date to take attendance for.
    const [endedItem] = (await desk(`?view=ended&q=Slut ${tag}`)).activities;
    expect({ badge: endedItem!.badge, next: endedItem!.nextSession }).toEqual({ badge: "ended", next: null });

    // Search by housing area and by type, in any case; an unknown view is the default one.
    const vorup = await area({ name: `Vorup ${tag}` });
    const football = await activity({ title: `Bold ${tag}`, eligibleAreaIds: [vorup.id], sessions: [at(now + 3 * DAY)] });
    await db.activityType.update({ where: { id: football.typeId }, data: { name: { da: `Fodbold${tag}`, en: "Football" } } });
    expect(ids(await desk(`?view=upcoming&q=${encodeURIComponent(`VORUP ${tag}`)}`))).toEqual([football.id]);
    expect(ids(await desk(`?view=upcoming&q=fodbold${tag}`))).toEqual([football.id]);
    expect((await desk(`?view=nonsense&q=${tag}`)).desk.view).toBe("current");
  });

  it("the page works without JavaScript: the views are links, the search a GET form, the badges plain text", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    await activity({ title: `Fuld ${tag}`, capacity: 0 });
    const { status, html } = await page(`/staff?view=upcoming&q=${tag}`, staffCookie);
    expect(status).toBe(200);
    expect(html).toMatch(/<form method="get" action="\/staff" role="search"/);
    expect(html).toContain(`href="/staff?view=week&amp;q=${tag}"`);
    expect(html).toMatch(/<span class="[^"]*rounded-full[^"]*">Fuld<\/span>/);
  });
});

describe("an ended activity offers no place from the waiting list", () => {
  async function endedWithWaitingFamily() {
    const past = new Date(Date.now() - 7 * DAY);
    const ended = await activity({ capacity: 5, sessions: [{ startsAt: past, endsAt: new Date(past.getTime() + HOUR) }] });
    const family = await household();
    const signUp = await db.signUp.create({
      data: {
        activityId: ended.id,
        householdId: family.id,
        idempotencyKey: `desk-${family.id}`,
        consentPersonId: family.guardian.id,
        consentAt: new Date(),
        consentVersion: "test",
      },
    });
    await db.enrolment.create({
      data: { signUpId: signUp.id, activityId: ended.id, personId: family.children[0]!.id, householdId: family.id, status: "WAITING" },
    });
    return { ended, signUp };
  }

  it("the roster shows the waiting family but no 'give a place now' and no capacity form, and says why", async () => {
    const { ended } = await endedWithWaitingFamily();
    const { html } = await page(`/staff/activities/${ended.id}?lng=da`, staffCookie);
    expect(html).toContain("Venteliste (1)");
    expect(html).not.toContain("Giv plads nu");
    expect(html).not.toContain("Gem antal pladser");
    expect(html).toContain("Aktiviteten er slut: der er ingen datoer tilbage, så pladserne kan ikke bruges.");
  });

  it("sent anyway (an old page, a crafted form), the action refuses with a reason and the family keeps waiting", async () => {
    const { ended, signUp } = await endedWithWaitingFamily();
    const response = await rosterAction({
      request: new Request(`http://localhost/staff/activities/${ended.id}`, {
        method: "POST",
        headers: { Cookie: staffCookie, "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost" },
        body: new URLSearchParams({ intent: "place", signUpId: signUp.id }).toString(),
      }),
      params: { activityId: ended.id },
      context: { clientIp: "127.0.0.1", cspNonce: "" },
    });
    expect(response).toEqual({ error: "activity:errors.activityEnded" });
    expect((await db.enrolment.findMany({ where: { signUpId: signUp.id }, select: { status: true } })).map((row) => row.status)).toEqual(["WAITING"]);
  });
});
