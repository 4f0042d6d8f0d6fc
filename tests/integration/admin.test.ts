// The admin pages on real PostgreSQL: only admins get in; accounts (roles,
// organisations, disabling, creation); activity types and housing areas
// as data with their no-delete rule; every change in the audit log; and
// the log's filters and keyset pages.
import fs from "node:fs";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { deleteHousingArea, housingAreaForEdit, listHousingAreas, saveHousingArea } from "../../app/domain/admin/areas.server.ts";
import { AUDIT_PAGE_SIZE, listAuditEvents, parseAuditQuery } from "../../app/domain/admin/audit-log.server.ts";
import { copenhagenMidnight } from "../../app/domain/dates.ts";
import { AdminError } from "../../app/domain/admin/errors.server.ts";
import { ICON_NAMES } from "../../app/domain/activities/icon-names.ts";
import { activityTypeSchema, createAccountSchema, housingAreaSchema } from "../../app/domain/admin/schemas.ts";
import { deleteActivityType, listActivityTypes, saveActivityType } from "../../app/domain/admin/types.server.ts";
import { changeRole, createAccount, listUsers, parseUserQuery, setDisabled } from "../../app/domain/admin/users.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { createUserSession, getAuth } from "../../app/lib/session.server.ts";
import { activity, area } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

const root = path.resolve(import.meta.dirname, "../..");

async function cookieFor(userId: string) {
  return (await createUserSession(userId)).split(";")[0]!;
}

function request(url: string, cookie: string | null, form?: Record<string, string>) {
  const headers: Record<string, string> = cookie ? { Cookie: cookie } : {};
  if (!form) return new Request(`http://localhost${url}`, { headers });
  return new Request(`http://localhost${url}`, { method: "POST", headers, body: new URLSearchParams(form) });
}

async function outcome(promise: Promise<unknown>): Promise<{ status: number; location: string | null; body: unknown }> {
  try {
    const result = await promise;
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), body: null };
    return { status: 200, location: null, body: result };
  } catch (error) {
    if (error instanceof Response) return { status: error.status, location: error.headers.get("Location"), body: null };
    throw error;
  }
}

async function caught(promise: Promise<unknown>): Promise<AdminError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdminError) return error;
    throw error;
  }
  throw new Error("expected an AdminError");
}

let counter = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}${(++counter).toString(36)}`;

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
const args = (req: Request, params: Record<string, string> = {}): LoaderFunctionArgs => ({
  request: req,
  params,
  context: { clientIp: "127.0.0.1", cspNonce: "test" },
});

describe("only admins get in", () => {
  it("every admin page and action: anonymous visitors go to sign-in, staff and parents get 403, admins get the page", async () => {
    const admin = await createUser({ role: "ADMIN", email: `${unique("a")}@example.dk` });
    const staff = await createUser({ role: "STAFF", email: `${unique("s")}@example.dk` });
    const parent = await createUser({ role: "PARENT", email: `${unique("p")}@example.dk` });
    const type = await saveActivityType(admin, null, { code: unique("t"), name: { da: "T" }, icon: "star", dropIn: false, sortOrder: 0 });
    const housing = await area();
    const pages: [string, Loader, Record<string, string>][] = [
      ["/admin", (await import("../../app/routes/admin._index.tsx")).loader, {}],
      ["/admin/users", (await import("../../app/routes/admin.users.tsx")).loader, {}],
      ["/admin/users/new", (await import("../../app/routes/admin.users_.new.tsx")).loader, {}],
      [`/admin/users/${staff.id}`, (await import("../../app/routes/admin.users_.$userId.tsx")).loader, { userId: staff.id }],
      ["/admin/types", (await import("../../app/routes/admin.types.tsx")).loader, {}],
      [`/admin/types/${type}`, (await import("../../app/routes/admin.types_.$typeId.tsx")).loader, { typeId: type }],
      ["/admin/areas", (await import("../../app/routes/admin.areas.tsx")).loader, {}],
      [`/admin/areas/${housing.id}`, (await import("../../app/routes/admin.areas_.$areaId.tsx")).loader, { areaId: housing.id }],
      ["/admin/audit", (await import("../../app/routes/admin.audit.tsx")).loader, {}],
    ];
    const [adminCookie, staffCookie, parentCookie] = [await cookieFor(admin.id), await cookieFor(staff.id), await cookieFor(parent.id)];
    for (const [url, loader, params] of pages) {
      const anonymous = await outcome(loader(args(request(url, null), params)));
      expect(anonymous.status, url).toBe(302);
      expect(anonymous.location, url).toBe(`/login?redirectTo=${encodeURIComponent(url)}`);
      expect((await outcome(loader(args(request(url, staffCookie), params)))).status, url).toBe(403);
      expect((await outcome(loader(args(request(url, parentCookie), params)))).status, url).toBe(403);
      expect((await outcome(loader(args(request(url, adminCookie), params)))).status, url).toBe(200);
    }
  });

  it("staff cannot post to the admin actions: nothing changes", async () => {
    const staff = await createUser({ role: "STAFF", email: `${unique("s")}@example.dk` });
    const target = await createUser({ role: "PARENT", email: `${unique("p")}@example.dk` });
    const cookie = await cookieFor(staff.id);
    const userRoute = await import("../../app/routes/admin.users_.$userId.tsx");
    const promote = userRoute.action(args(request(`/admin/users/${target.id}`, cookie, { intent: "role", role: "ADMIN" }), { userId: target.id }));
    expect((await outcome(promote)).status).toBe(403);
    const newRoute = await import("../../app/routes/admin.users_.new.tsx");
    const create = newRoute.action(
      args(request("/admin/users/new", cookie, { firstName: "Ny", lastName: "Admin", email: `${unique("x")}@example.dk`, role: "STAFF" })),
    );
    expect((await outcome(create)).status).toBe(403);
    const typeRoute = await import("../../app/routes/admin.types_.$typeId.tsx");
    const newType = typeRoute.action(args(request("/admin/types/new", cookie, { code: unique("t"), nameDa: "X", icon: "star" }), { typeId: "new" }));
    expect((await outcome(newType)).status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("PARENT");
  });
});

describe("accounts", () => {
  it("finds accounts by name, e-mail or phone (typed any way), and filters by role", async () => {
    const tag = unique("findme");
    const firstName = `Zenobia${counter}`;
    const person = await createUser({ role: "PARTNER", email: `${tag}@example.dk`, phone: "+4531415926", firstName });
    await createUser({ role: "STAFF", email: `${unique("other")}@example.dk` });
    const byName = await listUsers(parseUserQuery(new URLSearchParams({ q: `${firstName.toLowerCase()} person` })));
    expect(byName.users.map((user) => user.id)).toEqual([person.id]);
    expect((await listUsers(parseUserQuery(new URLSearchParams({ q: tag.toUpperCase() })))).users.map((user) => user.id)).toEqual([person.id]);
    expect((await listUsers(parseUserQuery(new URLSearchParams({ q: "31 41 59 26" })))).users.map((user) => user.id)).toEqual([person.id]);
    expect((await listUsers(parseUserQuery(new URLSearchParams({ q: "+45 3141 5926" })))).users.map((user) => user.id)).toEqual([person.id]);
    expect((await listUsers(parseUserQuery(new URLSearchParams({ q: tag, role: "STAFF" })))).users).toEqual([]);
    const partners = await listUsers(parseUserQuery(new URLSearchParams({ role: "PARTNER" })));
    expect(partners.users.every((user) => user.role === "PARTNER")).toBe(true);
    // Nonsense in the query string is ignored, not an error.
    expect(parseUserQuery(new URLSearchParams({ role: "KING", page: "-3" }))).toEqual({ page: 1 });
  });

  it("a role change ends the account's sessions and is logged with before and after; an organisation change alone does not sign out", async () => {
    const admin = await createUser({ role: "ADMIN", email: `${unique("a")}@example.dk` });
    const user = await createUser({ role: "PARENT", email: `${unique("u")}@example.dk` });
    const organisation = await db.organisation.create({ data: { name: unique("Randers Klub") } });
    const cookie = await cookieFor(user.id);
    await changeRole(admin, user.id, { role: "PARTNER", organisationId: organisation.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ role: "PARTNER", organisationId: organisation.id });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await getAuth(new Request("http://localhost/", { headers: { Cookie: cookie } }))).user).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: user.id, action: "user.update" } });
    expect(event).toMatchObject({
      actorUserId: admin.id,
      before: { role: "PARENT", organisation: null },
      after: { role: "PARTNER", organisation: organisation.name },
    });

    await cookieFor(user.id);
    await changeRole(admin, user.id, { role: "PARTNER", organisationId: null });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    // Saving without a change writes nothing.
    await changeRole(admin, user.id, { role: "PARTNER", organisationId: null });
    expect(await db.auditEvent.count({ where: { entityId: user.id } })).toBe(2);
    expect((await caught(changeRole(admin, user.id, { role: "STAFF", organisationId: "00000000-0000-4000-8000-000000000000" }))).code).toBe(
      "organisationNotFound",
    );
  });

  it("an admin cannot demote or disable themselves, but may change their own organisation", async () => {
    const admin = await createUser({ role: "ADMIN", email: `${unique("a")}@example.dk` });
    const organisation = await db.organisation.create({ data: { name: unique("Bysekretariatet") } });
    expect((await caught(changeRole(admin, admin.id, { role: "STAFF", organisationId: null }))).code).toBe("selfDemote");
    expect((await caught(setDisabled(admin, admin.id, true))).code).toBe("selfDisable");
    await changeRole(admin, admin.id, { role: "ADMIN", organisationId: organisation.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", organisationId: organisation.id, disabledAt: null });

    // Through the page too: the refusal comes back as a translated form error.
    const route = await import("../../app/routes/admin.users_.$userId.tsx");
    const cookie = await cookieFor(admin.id);
    const result = await outcome(route.action(args(request(`/admin/users/${admin.id}`, cookie, { intent: "role", role: "PARENT" }), { userId: admin.id })));
    expect(result.body).toMatchObject({ status: "error", error: { "": ["errors.selfDemote"] } });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
  });

  it("disabling signs the account out everywhere and stops sign-in; enabling lets it back in; both are logged", async () => {
    const admin = await createUser({ role: "ADMIN", email: `${unique("a")}@example.dk` });
    const user = await createUser({ role: "STAFF", email: `${unique("u")}@example.dk` });
    await cookieFor(user.id);
    await cookieFor(user.id);
    await setDisabled(admin, user.id, true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).not.toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    await setDisabled(admin, user.id, true); // again: no second event
    await setDisabled(admin, user.id, false);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).toBeNull();
    const events = await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { at: "asc" } });
    expect(events.map((event) => [event.action, event.before, event.after])).toEqual([
      ["user.disable", { disabled: false }, { disabled: true }],
      ["user.enable", { disabled: true }, { disabled: false }],
    ]);
    expect((await caught(setDisabled(admin, "not-a-uuid", true))).code).toBe("notFound");
  });

  it("creates a staff account with a normalised e-mail and phone, refuses a taken one, and logs no contact details", async () => {
    const admin = await createUser({ role: "ADMIN", email: `${unique("a")}@example.dk` });
    const parsed = createAccountSchema.parse({ firstName: " Lene ", lastName: "Berg", email: " Lene.Berg@Example.DK ", phone: "٢٢ ٣٣ ٤٤ ٥٥", role: "STAFF" });
    expect(parsed).toMatchObject({ firstName: "Lene", email: "lene.berg@example.dk", phone: "+4522334455" });
    const id = await createAccount(admin, { ...parsed, organisationId: null });
    const created = await db.user.findUniqueOrThrow({ where: { id }, include: { person: true } });
    expect(created).toMatchObject({ role: "STAFF", email: "lene.berg@example.dk", phone: "+4522334455", disabledAt: null });
    expect(created.person).toMatchObject({ firstName: "Lene", lastName: "Berg" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: id } });
    expect(event).toMatchObject({ action: "user.create", entityType: "User", actorUserId: admin.id, after: { role: "STAFF", organisation: null } });
    expect(JSON.stringify(event.after)).not.toContain("example.dk");

    expect((await caught(createAccount(admin, { ...parsed, phone: null, organisationId: null }))).code).toBe("emailTaken");
    expect((await caught(createAccount(admin, { ...parsed, email: "ny@example.dk", organisationId: null }))).code).toBe("phoneTaken");
  });

  it("the new-account form refuses bad input with translated keys and gives back what was typed", async () => {
    const admin = await createUser({ role: "ADMIN", email: `${unique("a")}@example.dk` });
    const route = await import("../../app/routes/admin.users_.new.tsx");
    const cookie = await cookieFor(admin.id);
    const typed = { firstName: "Ole", lastName: "", email: "", phone: "12 34", role: "STAFF" };
    const result = await outcome(route.action(args(request("/admin/users/new", cookie, typed))));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      status: "error",
      initialValue: { firstName: "Ole", phone: "12 34", role: "STAFF" },
      error: { lastName: ["errors.lastNameRequired"], phone: ["errors.phoneInvalid"] },
    });
    const noContact = createAccountSchema.safeParse({ firstName: "A", lastName: "B", role: "PARTNER" });
    expect(noContact.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["email", "errors.contactRequired"]]);
    // Families make their own accounts; this form makes staff and partners only.
    expect(createAccountSchema.safeParse({ firstName: "A", lastName: "B", email: "a@example.dk", role: "ADMIN" }).success).toBe(false);
  });
});

describe("activity types", () => {
  it("creates and edits a type with names in three languages, and logs only what changed", async () => {
    const admin = await createUser({ role: "ADMIN", email: `${unique("a")}@example.dk` });
    const code = unique("kreativ");
    const id = await saveActivityType(admin, null, {
      code,
      name: { da: "Kreativ værksted", en: " ", ar: "ورشة إبداعية" },
      icon: "heart",
      dropIn: true,
      sortOrder: 7,
    });
    expect(await db.activityType.findUniqueOrThrow({ where: { id } })).toMatchObject({
      code,
      name: { da: "Kreativ værksted", ar: "ورشة إبداعية" },
      icon: "heart",
      dropIn: true,
      sortOrder: 7,
    });
    await saveActivityType(admin, id, { code, name: { da: "Kreativt værksted", ar: "ورشة إبداعية" }, icon: "heart", dropIn: false, sortOrder: 7 });
    const events = await db.auditEvent.findMany({ where: { entityType: "ActivityType", entityId: id }, orderBy: { at: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["activityType.create", "activityType.update"]);
    expect(events[1]).toMatchObject({
      before: { name: { da: "Kreativ værksted", ar: "ورشة إبداعية" }, dropIn: true },
      after: { name: { da: "Kreativt værksted", ar: "ورشة إبداعية" }, dropIn: false },
    });
    expect(Object.keys(events[1]!.after as object).sort()).toEqual(["dropIn", "name"]);
    expect((await listActivityTypes()).find((type) => type.id === id)).toMatchObject({ activities: 0, name: { da: "Kreativt værksted" } });
  });

  it("refuses a code another type has, and validates the form with translated keys", async () => {
    const admin = await createUser({ role: "ADMIN", email: `${unique("a")}@example.dk` });
    const code = unique("dup");
    await saveActivityType(admin, null, { code, name: { da: "A" }, icon: "star", dropIn: false, sortOrder: 0 });
    expect((await caught(saveActivityType(admin, null, { code, name: { da: "B" }, icon: "star", dropIn: false, sortOrder: 0 }))).code).toBe("codeTaken");
    const invalid = activityTypeSchema.safeParse({ code: "Æble kage", nameDa: "", icon: "unicorn", sortOrder: 1.5 });
    expect(Object.fromEntries(invalid.error!.issues.map((issue) => [issue.path.join("."), issue.message]))).toEqual({
      code: "errors.codeInvalid",
      nameDa: "errors.nameDaRequired",
      icon: "errors.iconRequired",
      sortOrder: "errors.sortOrderInvalid",
    });
    expect(activityTypeSchema.parse({ code: " Sports-Camp ", nameDa: "x", icon: "ball" }).code).toBe("sports-camp");
  });

  it("cannot delete a type that activities use; deletes an unused one and logs it", async () => {
    const admin = await createUser({ role: "ADMIN", email: `${unique("a")}@example.dk` });
    const used = await activity({});
    const inUse = await caught(deleteActivityType(admin, used.typeId));
    expect(inUse).toMatchObject({ code: "inUse", usage: { activities: 1 } });
    expect(await db.activityType.count({ where: { id: used.typeId } })).toBe(1);

    const id = await saveActivityType(admin, null, { code: unique("gone"), name: { da: "Væk" }, icon: "sun", dropIn: false, sortOrder: 0 });
    await deleteActivityType(admin, id);
    expect(await db.activityType.count({ where: { id } })).toBe(0);
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "activityType.delete" } })).toMatchObject({
      before: { name: { da: "Væk" }, icon: "sun" },
      after: null,
    });

    // Through the page: the refusal is a form error, the type stays.
    const route = await import("../../app/routes/admin.types_.$typeId.tsx");
    const result = await outcome(
      route.action(args(request(`/admin/types/${used.typeId}`, await cookieFor(admin.id), { intent: "delete" }), { typeId: used.typeId })),
    );
    expect(result.body).toMatchObject({ status: "error", error: { "": ["errors.typeInUse"] } });
  });

  it("offers only pictograms app/components/icons.tsx draws", () => {
    const source = fs.readFileSync(path.join(root, "app/components/icons.tsx"), "utf8");
    const block = /const paths[^{]*\{([\s\S]*?)\n\}[^\n]*;/.exec(source)?.[1] ?? "";
    const drawn = new Set([...block.matchAll(/^\s{2}(\w+):/gm)].map((match) => match[1]));
    expect(ICON_NAMES.filter((name) => !drawn.has(name))).toEqual([]);
  });
});

describe("housing areas", () => {
  it("creates and edits an area with its plan period, refuses a period that ends before it starts, and logs the change", async () => {
    const admin = await createUser({ role: "ADMIN", email: `${unique("a")}@example.dk` });
    const code = unique("nyt-omraade");
    const id = await saveHousingArea(admin, null, { code, name: "Nyt Område", isPlanArea: true, sortOrder: 20, activeFrom: "2027-01-01", activeTo: null });
    await saveHousingArea(admin, id, { code, name: "Nyt Område", isPlanArea: true, sortOrder: 20, activeFrom: "2027-01-01", activeTo: "2030-12-31" });
    const row = await db.housingArea.findUniqueOrThrow({ where: { id } });
    expect(row.activeTo?.toISOString().slice(0, 10)).toBe("2030-12-31");
    expect((await listHousingAreas()).find((item) => item.id === id)).toMatchObject({ activeFrom: "2027-01-01", activeTo: "2030-12-31", people: 0 });
    const update = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "housingArea.update" } });
    expect(update).toMatchObject({ entityType: "HousingArea", before: { activeTo: null }, after: { activeTo: "2030-12-31" } });

    const backwards = housingAreaSchema.safeParse({ code: "x", name: "X", activeFrom: "2027-05-01", activeTo: "2027-04-30" });
    expect(backwards.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["activeTo", "errors.activeToBeforeFrom"]]);
    expect(housingAreaSchema.safeParse({ code: "x", name: "X", activeFrom: "2027-02-30" }).error?.issues[0]?.message).toBe("common:dates.invalid");
    expect((await caught(saveHousingArea(admin, null, { code, name: "Igen", isPlanArea: true, sortOrder: 0, activeFrom: null, activeTo: null }))).code).toBe(
      "codeTaken",
    );
  });

  it("cannot delete an area residents live in or activities are open to; deletes an unused one", async () => {
    const admin = await createUser({ role: "ADMIN", email: `${unique("a")}@example.dk` });
    const lived = await area();
    await db.person.create({ data: { firstName: "Beboer", lastName: "Test", housingAreaId: lived.id } });
    expect(await caught(deleteHousingArea(admin, lived.id))).toMatchObject({ code: "inUse", usage: { people: 1, activities: 0 } });
    const eligible = await area();
    await activity({ eligibleAreaIds: [eligible.id] });
    expect(await caught(deleteHousingArea(admin, eligible.id))).toMatchObject({ code: "inUse", usage: { activities: 1 } });
    expect((await housingAreaForEdit(eligible.id))?.usage.activities).toBe(1);
    expect(await db.person.count({ where: { housingAreaId: lived.id } })).toBe(1);

    const unused = await area();
    await deleteHousingArea(admin, unused.id);
    expect(await db.housingArea.count({ where: { id: unused.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: unused.id, action: "housingArea.delete", actorUserId: admin.id } })).toBe(1);
  });
});

describe("the audit log", () => {
  it("starts Copenhagen days at local midnight, in winter and in summer time", () => {
    expect(copenhagenMidnight("2027-01-15").toISOString()).toBe("2027-01-14T23:00:00.000Z");
    expect(copenhagenMidnight("2027-07-15").toISOString()).toBe("2027-07-14T22:00:00.000Z");
    expect(copenhagenMidnight("2027-03-28").toISOString()).toBe("2027-03-27T23:00:00.000Z"); // the day clocks go forward
  });

  it("pages newest first, 50 at a time, forwards and back, with the actor's name and the event's own data only", async () => {
    const actor = await createUser({ role: "STAFF", email: `${unique("actor")}@example.dk`, firstName: "Pia" });
    const entityType = "HeadCount";
    const action = unique("test.paging");
    const base = Date.parse("2026-06-01T10:00:00Z");
    // Two events share an instant at a page boundary: the keyset must still see each exactly once.
    const instants = Array.from({ length: 120 }, (_, i) => new Date(base + (i === 70 ? 69 : i) * 60_000));
    await db.auditEvent.createMany({
      data: instants.map((at, i) => ({
        at,
        actorUserId: i % 2 ? actor.id : null,
        action,
        entityType,
        entityId: `e${i}`,
        before: { n: i },
        after: { n: i + 1 },
      })),
    });
    const filters = { action };
    const first = await listAuditEvents(filters, null);
    expect(first.events).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.newer).toBeNull();
    expect(first.events[0]).toMatchObject({ entityId: "e119", actorName: "Pia Person", before: [["n", 119]], after: [["n", 120]] });
    expect(first.events[1]).toMatchObject({ entityId: "e118", actorName: null });

    const seen = [...first.events.map((event) => event.entityId)];
    let page = first;
    while (page.older) {
      page = await listAuditEvents(filters, parseAuditQuery(new URLSearchParams({ older: page.older })).cursor);
      seen.push(...page.events.map((event) => event.entityId));
    }
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(page.events).toHaveLength(20);

    // And back: the page before the last is the second page again.
    const back = await listAuditEvents(filters, parseAuditQuery(new URLSearchParams({ newer: page.newer! })).cursor);
    expect(back.events.map((event) => event.entityId)).toEqual(seen.slice(50, 100));
    expect(back.newer).not.toBeNull();
    expect(back.older).not.toBeNull();
    const top = await listAuditEvents(filters, parseAuditQuery(new URLSearchParams({ newer: back.newer! })).cursor);
    expect(top.events.map((event) => event.entityId)).toEqual(seen.slice(0, 50));
    expect(top.newer).toBeNull();
  });

  it("filters by entity type, action and Copenhagen date range", async () => {
    const action = unique("test.filter");
    await db.auditEvent.createMany({
      data: [
        // 23:30 Copenhagen on 9 June (21:30 UTC) belongs to 9 June, not 10 June.
        { at: new Date("2026-06-09T21:30:00Z"), action, entityType: "Enrolment", entityId: "june9" },
        { at: new Date("2026-06-09T22:30:00Z"), action, entityType: "Enrolment", entityId: "june10" },
        { at: new Date("2026-06-11T12:00:00Z"), action, entityType: "Attendance", entityId: "june11" },
      ],
    });
    const ids = async (query: Record<string, string>) =>
      (await listAuditEvents(parseAuditQuery(new URLSearchParams({ action, ...query })).filters, null)).events.map((event) => event.entityId);
    expect(await ids({})).toEqual(["june11", "june10", "june9"]);
    expect(await ids({ entityType: "Enrolment" })).toEqual(["june10", "june9"]);
    expect(await ids({ from: "2026-06-10" })).toEqual(["june11", "june10"]);
    expect(await ids({ to: "2026-06-09" })).toEqual(["june9"]);
    expect(await ids({ from: "2026-06-10", to: "2026-06-10" })).toEqual(["june10"]);
    // Malformed filters are dropped rather than failing the page; a day that cannot be used comes back as a problem
    // to show beside its field, with what was typed (issue 19: never a silently different list).
    expect(parseAuditQuery(new URLSearchParams({ from: "yesterday", entityType: "x'; drop", older: "nope" }))).toEqual({
      filters: {},
      cursor: null,
      typed: { from: "yesterday" },
      problems: { from: "common:dates.invalid" },
    });
    expect(parseAuditQuery(new URLSearchParams({ from: "2026-06-10", to: "2026-06-09" }))).toMatchObject({
      filters: { from: "2026-06-10" },
      problems: { to: "audit.toBeforeFrom" },
    });
    expect(parseAuditQuery(new URLSearchParams({ to: "1999-12-31" })).problems).toEqual({ to: "common:dates.range.plan" });
    expect(await ids({ from: "2026-06-10", to: "2026-06-09" })).toEqual(["june11", "june10"]);
  });

  it("every admin change shows up in the log as the admin's own entries", async () => {
    const admin = await createUser({ role: "ADMIN", email: `${unique("a")}@example.dk`, firstName: "Mette" });
    const id = await saveActivityType(admin, null, { code: unique("logged"), name: { da: "Logget" }, icon: "book", dropIn: false, sortOrder: 0 });
    const page = await listAuditEvents({ entityType: "ActivityType" }, null);
    expect(page.events.find((event) => event.entityId === id)).toMatchObject({ action: "activityType.create", actorName: "Mette Person" });
  });
});
