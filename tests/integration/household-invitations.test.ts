// Issue 16 (High): taking over a household through a named phone number.
// Naming another adult is an invitation, not a membership; a family that staff
// or a partner registered is claimed only when the person confirms it is theirs.
// Each attack is played as the issue describes it, through the route modules
// (as Remix calls them) and the real sign-in: the POST that names the number,
// the victim's two sign-in steps, the victim's own child with a health note,
// and what the attacker can then open, change or download.
import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/lib/db.server.ts";
import { createUserSession } from "../../app/lib/session.server.ts";
import * as loginPage from "../../app/routes/login._index.tsx";
import * as codePage from "../../app/routes/login.code.tsx";
import * as householdPage from "../../app/routes/my.household._index.tsx";
import * as childPage from "../../app/routes/my.household.children.$childId.tsx";
import * as myPage from "../../app/routes/my._index.tsx";
import * as dataFile from "../../app/routes/my.data[.json].ts";
import * as newFamilyPage from "../../app/routes/staff.families.new.tsx";
import * as familyPage from "../../app/routes/staff.families.$householdId.tsx";
import * as staffHome from "../../app/routes/staff._index.tsx";
import { area, household } from "../setup/fixtures.ts";
import { codeIn, createUser, lastMessageTo } from "../setup/helpers.ts";

type Handler = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>;

let ipCounter = 0;

/** Calls a loader or action as Remix would; a thrown Response is returned. */
async function call(
  handler: Handler,
  path: string,
  cookie: string,
  options: { params?: Record<string, string>; form?: Record<string, string>; ip?: string } = {},
): Promise<unknown> {
  const headers = new Headers({ Cookie: cookie });
  const init: RequestInit = { headers };
  if (options.form) {
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    headers.set("Origin", "http://localhost");
    init.method = "POST";
    init.body = new URLSearchParams(options.form).toString();
  }
  try {
    return await handler({
      request: new Request(`http://localhost${path}`, init),
      params: options.params ?? {},
      context: { clientIp: options.ip ?? "127.0.0.1", cspNonce: "" },
    } as never);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

const cookieOf = async (userId: string) => (await createUserSession(userId)).split(";")[0]!;
const cookiesFrom = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0]!)
    .filter((pair) => !pair.endsWith("="));
const json = (value: unknown) => JSON.stringify(value);
const uniquePhone = () => `+452${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;

/**
 * Signs in through the two real steps (/login, then /login/code with the code from the outbox), as a phone would.
 * Returns the session cookie, where the code step sent the person, and the account.
 */
async function signIn(identifier: string) {
  const ip = `10.16.0.${++ipCounter}`;
  const first = (await call(loginPage.action as Handler, "/login", "", { form: { identifier, redirectTo: "" }, ip })) as Response;
  expect(first.status).toBe(302);
  const pending = cookiesFrom(first).join("; ");
  const code = codeIn((await lastMessageTo(identifier))?.body);
  const second = (await call(codePage.action as Handler, "/login/code", pending, { form: { code }, ip })) as Response;
  expect(second.status).toBe(302);
  const cookie = cookiesFrom(second).join("; ");
  const user = await db.user.findFirstOrThrow({ where: { OR: [{ phone: identifier }, { email: identifier }] } });
  return { cookie, location: second.headers.get("Location"), user };
}

async function myChildren(cookie: string): Promise<string[]> {
  const page = (await call(householdPage.loader as Handler, "/my/household", cookie)) as { children: { name: string }[] };
  return page.children.map((child) => child.name);
}

let areaId = "";
let staffCookie = "";

beforeAll(async () => {
  areaId = (await area()).id;
  staffCookie = await cookieOf((await createUser({ role: "STAFF", email: `staff-${randomUUID()}@example.dk` })).id);
});

describe("a parent names a stranger's number as the other guardian (issue 16)", () => {
  it("the stranger is not in the parent's household after signing in; the parent sees nothing the stranger adds", async () => {
    const b = await household({ children: [{ firstName: "BirkInviter", areaId }] });
    const bCookie = await cookieOf(b.user!.id);
    const victimPhone = uniquePhone();

    // Parent B names the stranger's number, exactly as in the issue.
    const named = await call(householdPage.action as Handler, "/my/household?index", bCookie, {
      form: { intent: "other", firstName: "Mikkel", lastName: "Andersen", phone: victimPhone },
    });
    expect(json(named)).not.toContain('"status":"error"');

    // The owner of the number signs in for the first time.
    const victim = await signIn(victimPhone);
    // Not a member of B's household: B's child is not theirs to see, nor is their name prefilled as "Mikkel".
    expect(await db.householdMember.count({ where: { householdId: b.id, personId: victim.user.personId } })).toBe(0);
    expect(await myChildren(victim.cookie)).toEqual([]);
    const own = (await call(householdPage.loader as Handler, "/my/household", victim.cookie)) as { me: { firstName: string } };
    expect(own.me.firstName).not.toBe("Mikkel");

    // They add their own child with a health note.
    const added = (await call(childPage.action as Handler, "/my/household/children/new", victim.cookie, {
      params: { childId: "new" },
      form: {
        firstName: "VeraVictim",
        lastName: "Offer",
        birthDate: "2017-04-04",
        housingAreaId: areaId,
        needs: "Epilepsi, medicin i tasken",
        photoConsent: "no",
      },
    })) as Response;
    expect(added.status).toBe(302);
    const child = await db.person.findFirstOrThrow({ where: { firstName: "VeraVictim" } });

    // B cannot see the child, read its note, or find the stranger in the data export.
    expect(await myChildren(bCookie)).toEqual([`BirkInviter Test`]);
    expect(
      ((await call(childPage.loader as Handler, `/my/household/children/${child.id}`, bCookie, { params: { childId: child.id } })) as Response).status,
    ).toBe(404);
    const bActivities = await call(myPage.loader as Handler, "/my", bCookie);
    expect(json(bActivities)).not.toContain("VeraVictim");
    const exported = await ((await call(dataFile.loader as Handler, "/my/data.json", bCookie)) as Response).text();
    for (const secret of ["VeraVictim", "Epilepsi", victim.user.id, victim.user.personId]) expect(exported).not.toContain(secret);
    // Nor change it: an edit of the child by B is "not found", and nothing changes.
    const edit = (await call(childPage.action as Handler, `/my/household/children/${child.id}`, bCookie, {
      params: { childId: child.id },
      form: { firstName: "Hacked", lastName: "Offer", birthDate: "2017-04-04", housingAreaId: areaId, needs: "", photoConsent: "yes" },
    })) as Response;
    expect(edit.status).toBe(404);
    expect((await db.person.findUniqueOrThrow({ where: { id: child.id } })).firstName).toBe("VeraVictim");

    // What the stranger is shown instead: an invitation, from B by first name, naming B's children.
    expect(victim.location).toBe("/my/invitations");
    const invitationsPage = await import("../../app/routes/my.invitations.tsx");
    const offered = (await call(invitationsPage.loader as Handler, "/my/invitations", victim.cookie)) as {
      invitations: { id: string; kind: string; inviter: string | null; children: string[] }[];
    };
    expect(offered.invitations).toEqual([expect.objectContaining({ kind: "JOIN", inviter: b.guardian.firstName, children: ["BirkInviter"] })]);

    // "Not me": the invitation is gone, B is not told who said it, and staff see it on their start page.
    const declined = (await call(invitationsPage.action as Handler, "/my/invitations", victim.cookie, {
      form: { intent: "decline", invitationId: offered.invitations[0]!.id },
    })) as Response;
    expect(declined.status).toBe(302);
    const after = (await call(invitationsPage.loader as Handler, "/my/invitations", victim.cookie)) as { invitations: unknown[] };
    expect(after.invitations).toEqual([]);
    const home = (await call(staffHome.loader as Handler, "/staff", staffCookie)) as { notMe: { href: string; kind: string }[] };
    expect(home.notMe).toContainEqual(expect.objectContaining({ href: `/staff/families/${b.id}`, kind: "JOIN" }));
    expect(await db.auditEvent.count({ where: { action: "household.invitationDeclined", entityId: b.id } })).toBe(1);
    expect(await db.householdMember.count({ where: { householdId: b.id, personId: victim.user.personId } })).toBe(0);
  });
});

describe("a partner registers a 'family' with a stranger's number (issue 16)", () => {
  it("the stranger's first sign-in claims nothing; the partner never sees the stranger's real child or phone", async () => {
    const partner = await createUser({ role: "PARTNER", email: `partner-${randomUUID()}@example.dk` });
    const partnerCookie = await cookieOf(partner.id);
    const victimPhone = uniquePhone();
    const created = (await call(newFamilyPage.action as Handler, "/staff/families/new", partnerCookie, {
      form: {
        firstName: "Fake",
        lastName: "Family",
        phone: victimPhone,
        language: "da",
        "children[0].firstName": "DecoyChild",
        "children[0].lastName": "Family",
        "children[0].birthDate": "2016-01-01",
      },
    })) as Response;
    expect(created.status).toBe(302);
    const planted = /\/staff\/families\/([0-9a-f-]{36})/.exec(created.headers.get("Location") ?? "")![1]!;

    const victim = await signIn(victimPhone);
    expect(await db.householdMember.count({ where: { householdId: planted, personId: victim.user.personId } })).toBe(0);
    expect(await myChildren(victim.cookie)).toEqual([]);
    await call(childPage.action as Handler, "/my/household/children/new", victim.cookie, {
      params: { childId: "new" },
      form: { firstName: "RealChildVictim", lastName: "Offer", birthDate: "2015-02-02", housingAreaId: areaId, needs: "Astma", photoConsent: "no" },
    });

    // The partner's page of the family they registered shows their decoy only: not the real child, not the login.
    const page = await call(familyPage.loader as Handler, `/staff/families/${planted}`, partnerCookie, { params: { householdId: planted } });
    expect(json(page)).toContain("DecoyChild");
    expect(json(page)).not.toContain("RealChildVictim");
    expect(json(page)).not.toContain('"hasLogin":true');

    // The stranger is asked whether this is their family (with the children's names) and says "not me": staff are told.
    expect(victim.location).toBe("/my/invitations");
    const invitationsPage = await import("../../app/routes/my.invitations.tsx");
    const offered = (await call(invitationsPage.loader as Handler, "/my/invitations", victim.cookie)) as {
      invitations: { id: string; kind: string; children: string[] }[];
    };
    expect(offered.invitations).toEqual([expect.objectContaining({ kind: "CLAIM", children: ["DecoyChild"] })]);
    await call(invitationsPage.action as Handler, "/my/invitations", victim.cookie, { form: { intent: "decline", invitationId: offered.invitations[0]!.id } });
    const home = (await call(staffHome.loader as Handler, "/staff", staffCookie)) as { notMe: { href: string; kind: string }[] };
    expect(home.notMe).toContainEqual(expect.objectContaining({ href: `/staff/families/${planted}`, kind: "CLAIM" }));
    expect(await db.householdMember.count({ where: { householdId: planted, personId: victim.user.personId } })).toBe(0);
  });
});

describe("staff registered a mother in person; an attacker names her number first (issue 16)", () => {
  it("her first sign-in offers her real family for confirmation, not an empty account or the attacker's", async () => {
    const motherPhone = uniquePhone();
    const registered = (await call(newFamilyPage.action as Handler, "/staff/families/new", staffCookie, {
      form: {
        firstName: "Hodan",
        lastName: "Warsame",
        phone: motherPhone,
        language: "ar",
        "children[0].firstName": "AbdiReal",
        "children[0].lastName": "Warsame",
        "children[0].birthDate": "2016-05-05",
      },
    })) as Response;
    const realHousehold = /\/staff\/families\/([0-9a-f-]{36})/.exec(registered.headers.get("Location") ?? "")![1]!;

    const attacker = await household({ children: [{ firstName: "AttackerKid", areaId }] });
    await call(householdPage.action as Handler, "/my/household?index", await cookieOf(attacker.user!.id), {
      form: { intent: "other", firstName: "Hodan", lastName: "Warsame", phone: motherPhone },
    });

    const mother = await signIn(motherPhone);
    expect(mother.location).toBe("/my/invitations");
    // Nothing is hers before she says yes.
    expect(await myChildren(mother.cookie)).toEqual([]);
    const invitationsPage = await import("../../app/routes/my.invitations.tsx");
    const offered = (await call(invitationsPage.loader as Handler, "/my/invitations", mother.cookie)) as {
      invitations: { id: string; kind: string; children: string[] }[];
    };
    // The family staff registered comes first, with her children's names; the attacker's is offered as what it is.
    expect(offered.invitations.map((invitation) => [invitation.kind, invitation.children])).toEqual([
      ["CLAIM", ["AbdiReal"]],
      ["JOIN", ["AttackerKid"]],
    ]);
    const yes = (await call(invitationsPage.action as Handler, "/my/invitations", mother.cookie, {
      form: { intent: "accept", invitationId: offered.invitations[0]!.id },
    })) as Response;
    expect(yes.status).toBe(302);
    expect(await myChildren(mother.cookie)).toEqual(["AbdiReal Warsame"]);
    // She is the guardian staff registered (one person, not two), and the claim is in the audit log.
    const guardians = await db.householdMember.findMany({ where: { householdId: realHousehold, role: "GUARDIAN" }, select: { personId: true } });
    expect(guardians).toEqual([{ personId: mother.user.personId }]);
    expect(await db.auditEvent.count({ where: { action: "household.claimed", entityId: realHousehold, actorUserId: mother.user.id } })).toBe(1);
    // The attacker's household got nothing.
    expect(await db.householdMember.count({ where: { householdId: attacker.id, personId: mother.user.personId } })).toBe(0);
  });
});
