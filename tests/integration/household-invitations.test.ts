// Issue 16 (High): taking over a household through a named phone number.
// Naming another adult is an invitation, not a membership; a family that staff
// or a partner registered is claimed only when the person confirms it is theirs.
// Each attack is played as the issue describes it, through the route modules
// (as Remix calls them) and the real sign-in: the POST that names the number,
// the victim's two sign-in steps, the victim's own child with a health note,
// and what the attacker can then open, change or download.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { deleteExpiredData } from "../../app/domain/accounts/cleanup.server.ts";
import { childNeeds, householdOf } from "../../app/domain/households/household.server.ts";
import {
  answerInvitation,
  hasOpenInvitations,
  INVITATION_DAYS,
  InvitationError,
  INVITATIONS_PER_DAY,
  invitationsFor,
  inviteToHousehold,
  KEEP_ANSWERED_DAYS,
  withdrawInvitation,
} from "../../app/domain/households/invitations.server.ts";
import { anonymiseHousehold, householdData } from "../../app/domain/households/personal-data.server.ts";
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

// ---------------------------------------------------------------- invitations: the rules around them

async function parentWithLogin(contact: { phone?: string; email?: string }) {
  const user = await createUser({ role: "PARENT", ...contact, firstName: "" });
  return { ...user, cookie: await cookieOf(user.id) };
}

describe("what joined guardians share (ADR 013)", () => {
  it("after the invitee's yes, both see the family's children — the invitee's own included — but not each other's sign-ins or messages", async () => {
    const b = await household({ children: [{ firstName: "BoInviter", areaId }] });
    const inviteePhone = uniquePhone();
    await inviteToHousehold(b.user!, { firstName: "Kim", lastName: "Partner", phone: inviteePhone, email: null });
    const invitee = await signIn(inviteePhone);
    await call(childPage.action as Handler, "/my/household/children/new", invitee.cookie, {
      params: { childId: "new" },
      form: { firstName: "KiraInvitee", lastName: "Partner", birthDate: "2018-03-03", housingAreaId: areaId, needs: "Nøddeallergi", photoConsent: "no" },
    });
    const bCookie = await cookieOf(b.user!.id);
    expect(await myChildren(bCookie)).toEqual(["BoInviter Test"]);

    // The invitee is told their own child would be shared, and says yes.
    const page = await invitationsFor(invitee.user);
    expect(page).toMatchObject({ ownChildren: ["KiraInvitee"], sharesWithAnotherAdult: false });
    await answerInvitation(invitee.user, page.invitations[0]!.id, "accept");
    expect((await myChildren(bCookie)).sort()).toEqual(["BoInviter Test", "KiraInvitee Partner"]);
    expect((await myChildren(invitee.cookie)).sort()).toEqual(["BoInviter Test", "KiraInvitee Partner"]);
    const kira = await db.person.findFirstOrThrow({ where: { firstName: "KiraInvitee" } });
    expect(await childNeeds(b.user!, kira.id)).toBe("Nøddeallergi");
    expect(await db.auditEvent.count({ where: { action: "household.joined", entityId: b.id, actorUserId: invitee.user.id } })).toBe(1);

    // B's export names the other adult, but not when or where they signed in, nor the codes sent to their number.
    const exported = JSON.parse(await ((await call(dataFile.loader as Handler, "/my/data.json", bCookie)) as Response).text()) as {
      accounts: { personId: string; sessions?: unknown; lastSignInAt?: unknown }[];
      messages: { recipient: string }[];
    };
    const other = exported.accounts.find((account) => account.personId === invitee.user.personId)!;
    expect(other).toBeDefined();
    expect(other).not.toHaveProperty("sessions");
    expect(other).not.toHaveProperty("lastSignInAt");
    expect(exported.accounts.find((account) => account.personId === b.guardian.id)).toHaveProperty("sessions");
    expect(exported.messages.map((message) => message.recipient)).not.toContain(inviteePhone);
  });

  it("a family that already shares its household with another adult cannot be merged into a third by one of them", async () => {
    const inviter = await household({ children: [{ firstName: "Third", areaId }] });
    const couple = await household({ children: [{ firstName: "CoupleKid", areaId }] });
    const partnerPhone = uniquePhone();
    await inviteToHousehold(couple.user!, { firstName: "Second", lastName: "Adult", phone: partnerPhone, email: null });
    const second = await signIn(partnerPhone);
    await answerInvitation(second.user, (await invitationsFor(second.user)).invitations[0]!.id, "accept");
    // The first adult of the couple is invited elsewhere: joining would hand the second adult's family over unasked.
    const coupleEmail = couple.user!.email!;
    await inviteToHousehold(inviter.user!, { firstName: "First", lastName: "Adult", phone: null, email: coupleEmail });
    const offered = await invitationsFor(couple.user!);
    expect(offered.sharesWithAnotherAdult).toBe(true);
    await expect(answerInvitation(couple.user!, offered.invitations[0]!.id, "accept")).rejects.toMatchObject({ code: "sharedHousehold" });
    expect(await db.householdMember.count({ where: { householdId: inviter.id, personId: couple.guardian.id } })).toBe(0);
  });
});

describe("the inviter's side", () => {
  it("lists the open invitation, withdraws it (another household cannot), and the invitee no longer sees it", async () => {
    const b = await household({ children: [{ firstName: "WithdrawKid", areaId }] });
    const other = await household();
    const phone = uniquePhone();
    const bCookie = await cookieOf(b.user!.id);
    const sent = (await call(householdPage.action as Handler, "/my/household?index", bCookie, {
      form: { intent: "other", firstName: "Ida", lastName: "Inviteret", phone },
    })) as Response;
    expect(sent.headers.get("Location")).toBe("/my/household?done=invited");
    const listed = (await call(householdPage.loader as Handler, "/my/household", bCookie)) as { invitations: { id: string; name: string; contact: string }[] };
    expect(listed.invitations).toEqual([expect.objectContaining({ name: "Ida Inviteret", contact: expect.stringMatching(/^\+45 \d\d \d\d \d\d \d\d$/) })]);
    const invitationId = listed.invitations[0]!.id;

    // Another household's parent cannot withdraw it.
    const refused = await call(householdPage.action as Handler, "/my/household?index", await cookieOf(other.user!.id), {
      form: { intent: "withdraw", invitationId },
    });
    expect(json(refused)).toContain("errors.invitation.notFound");
    expect((await db.householdInvitation.findUniqueOrThrow({ where: { id: invitationId } })).answer).toBeNull();

    const invitee = await parentWithLogin({ phone });
    expect((await invitationsFor(invitee)).invitations).toHaveLength(1);
    await call(householdPage.action as Handler, "/my/household?index", bCookie, { form: { intent: "withdraw", invitationId } });
    expect((await invitationsFor(invitee)).invitations).toEqual([]);
    expect(((await call(householdPage.loader as Handler, "/my/household", bCookie)) as { invitations: unknown[] }).invitations).toEqual([]);
    await expect(answerInvitation(invitee, invitationId, "accept")).rejects.toMatchObject({ code: "notFound" });
  });

  it("refuses one's own number, a second open invitation beyond 3, more than 5 a day, and a number that said 'not me'", async () => {
    const b = await household({ guardianPhone: uniquePhone() });
    const invite = (phone: string | null, email: string | null = null, now?: Date) =>
      inviteToHousehold(b.user!, { firstName: "X", lastName: "Y", phone, email }, now).catch((error: unknown) => error);
    expect(await invite(b.user!.phone)).toMatchObject({ code: "yourself" });
    expect(await invite(null, b.user!.email)).toMatchObject({ code: "yourself" });
    const numbers = [uniquePhone(), uniquePhone(), uniquePhone()];
    for (const phone of numbers) expect(await invite(phone)).toHaveProperty("invitationId");
    // The same number again is the same invitation, not a new one.
    expect(await invite(numbers[0]!)).toHaveProperty("invitationId");
    expect(await db.householdInvitation.count({ where: { householdId: b.id } })).toBe(3);
    expect(await invite(uniquePhone())).toMatchObject({ code: "tooMany" });

    // "Not me" from one of them: that number is not asked again.
    const declining = await parentWithLogin({ phone: numbers[0]! });
    await answerInvitation(declining, (await invitationsFor(declining)).invitations[0]!.id, "decline");
    expect(await invite(numbers[0]!)).toMatchObject({ code: "declinedBefore" });

    // A day's invitations are counted per inviter, whatever becomes of them (withdrawing gives none back).
    const c = await household();
    let refused: unknown = null;
    for (let i = 0; i <= INVITATIONS_PER_DAY && !refused; i++) {
      const result = await inviteToHousehold(c.user!, { firstName: "N", lastName: String(i), phone: uniquePhone(), email: null }).catch(
        (error: unknown) => error,
      );
      if (result instanceof InvitationError) refused = result;
      else await withdrawInvitation(c.user!, (result as { invitationId: string }).invitationId);
    }
    expect(refused).toMatchObject({ code: "tooManyToday" });
    expect(await db.householdInvitation.count({ where: { householdId: (await householdOf(c.user!))!.id } })).toBe(INVITATIONS_PER_DAY);
  });

  it("expires after 14 days: no longer shown or answerable, and the clean-up deletes it 30 days later", async () => {
    const b = await household();
    const phone = uniquePhone();
    const sentAt = new Date(Date.now() - (INVITATION_DAYS + 1) * 86_400_000);
    const { invitationId } = await inviteToHousehold(b.user!, { firstName: "Late", lastName: "Answer", phone, email: null }, sentAt);
    const invitee = await parentWithLogin({ phone });
    expect(await hasOpenInvitations(invitee.id)).toBe(false);
    expect(await hasOpenInvitations(invitee.id, new Date(sentAt.getTime() + INVITATION_DAYS * 86_400_000 - 1))).toBe(true);
    await expect(answerInvitation(invitee, invitationId, "accept")).rejects.toMatchObject({ code: "notFound" });
    await deleteExpiredData(new Date(sentAt.getTime() + (INVITATION_DAYS + KEEP_ANSWERED_DAYS) * 86_400_000 - 60_000));
    expect(await db.householdInvitation.count({ where: { id: invitationId } })).toBe(1);
    await deleteExpiredData(new Date(sentAt.getTime() + (INVITATION_DAYS + KEEP_ANSWERED_DAYS) * 86_400_000 + 60_000));
    expect(await db.householdInvitation.count({ where: { id: invitationId } })).toBe(0);
  });

  it("a double tap on yes joins once; two invitations accepted at once leave the person in one family", async () => {
    const b = await household({ children: [{ firstName: "TapKid", areaId }] });
    const c = await household({ children: [{ firstName: "OtherTapKid", areaId }] });
    const phone = uniquePhone();
    const first = await inviteToHousehold(b.user!, { firstName: "Tap", lastName: "Twice", phone, email: null });
    const second = await inviteToHousehold(c.user!, { firstName: "Tap", lastName: "Twice", phone, email: null });
    const invitee = await parentWithLogin({ phone });
    const taps = await Promise.allSettled([
      answerInvitation(invitee, first.invitationId, "accept"),
      answerInvitation(invitee, first.invitationId, "accept"),
      answerInvitation(invitee, second.invitationId, "accept"),
    ]);
    expect(taps.filter((tap) => tap.status === "rejected").map((tap) => (tap as PromiseRejectedResult).reason)).toContainEqual(
      expect.objectContaining({ code: "notFound" }),
    );
    // Wherever the person ended up, they are a guardian of exactly the families that said yes, and see one family.
    const memberships = await db.householdMember.findMany({ where: { personId: invitee.personId }, select: { householdId: true } });
    expect(memberships.map((row) => row.householdId).every((id) => [b.id, c.id].includes(id))).toBe(true);
    expect(await db.householdMember.count({ where: { householdId: b.id, personId: invitee.personId } })).toBe(1);
  });

  it("is answered only from the invited login: another parent, a young person or staff with the id get 'not found'", async () => {
    const b = await household();
    const phone = uniquePhone();
    const { invitationId } = await inviteToHousehold(b.user!, { firstName: "Only", lastName: "Them", phone, email: null });
    const stranger = await parentWithLogin({ phone: uniquePhone() });
    await expect(answerInvitation(stranger, invitationId, "accept")).rejects.toMatchObject({ code: "notFound" });
    const youth = await createUser({ role: "YOUTH", phone });
    await expect(answerInvitation(youth, invitationId, "accept")).rejects.toMatchObject({ code: "notFound" });
    expect(await hasOpenInvitations(youth.id)).toBe(false);
    expect(await db.householdMember.count({ where: { householdId: b.id } })).toBe(2);
  });
});

// ---------------------------------------------------------------- siblings: a typed number is no proof of whose it is

describe("a number typed for a person is not treated as that person's (siblings of issue 16)", () => {
  async function familyWithTypedGuardian(typedPhone: string) {
    const family = await household({ children: [{ firstName: "TypedKid", areaId }] });
    const typed = await db.person.create({ data: { firstName: "Typed", lastName: "Guardian", phone: typedPhone } });
    await db.householdMember.create({ data: { householdId: family.id, personId: typed.id, role: "GUARDIAN" } });
    return family;
  }

  it("a household's export leaves out the messages of a number someone typed for one of its adults", async () => {
    const stranger = await parentWithLogin({ phone: uniquePhone() });
    const family = await familyWithTypedGuardian(stranger.phone!);
    await db.message.create({
      data: { channel: "SMS", recipient: stranger.phone!, language: "da", template: "signInCode", body: "Kode: ******", status: "SENT" },
    });
    const data = await householdData({ id: family.user!.id, personId: family.guardian.id });
    expect(data.messages.map((message) => message.recipient)).not.toContain(stranger.phone);
  });

  it("deleting that household keeps the messages of the number's real owner", async () => {
    const stranger = await parentWithLogin({ phone: uniquePhone() });
    const family = await familyWithTypedGuardian(stranger.phone!);
    const kept = await db.message.create({
      data: { channel: "SMS", recipient: stranger.phone!, language: "da", template: "signUpConfirmed", body: "Tilmeldt", status: "SENT" },
    });
    await anonymiseHousehold(family.id, null);
    expect(await db.message.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({ recipient: stranger.phone, body: "Tilmeldt" });
  });
});

describe("the migration of what sign-in used to claim", () => {
  it("turns an unclaimed staff-registered guardian into a claim, and a parent-named guardian into a 14-day invitation", async () => {
    const sql = fs.readFileSync(
      path.resolve(import.meta.dirname, "../../prisma/migrations/20261207121706_takeover_household_invitations/migration.sql"),
      "utf8",
    );
    const statements = sql
      .slice(sql.indexOf("-- Issue 16"))
      .split(/;\s*\n/)
      .map((statement) => statement.trim())
      .filter((statement) => statement.replace(/--.*$/gm, "").trim());
    const staff = await createUser({ role: "STAFF", email: `migrate-staff-${randomUUID()}@example.dk` });
    // Registered by staff, never signed in.
    const registered = await household({ withLogin: false, guardianPhone: uniquePhone(), children: [{ firstName: "MigratedKid" }] });
    await db.household.update({ where: { id: registered.id }, data: { createdById: staff.id } });
    // A parent named the other guardian (no login): once unused, once with a spoken consent recorded against them.
    const named = await household({ children: [{ firstName: "NamedKid" }] });
    const unused = await db.person.create({ data: { firstName: "Unused", lastName: "Named", phone: uniquePhone() } });
    await db.householdMember.create({ data: { householdId: named.id, personId: unused.id, role: "GUARDIAN" } });
    const used = await household({ children: [{ firstName: "UsedKid" }] });
    const consenting = await db.person.create({ data: { firstName: "Consenting", lastName: "Named", phone: uniquePhone() } });
    await db.householdMember.create({ data: { householdId: used.id, personId: consenting.id, role: "GUARDIAN" } });
    const { signUp } = await import("../../app/domain/enrolment/sign-up.server.ts");
    const { activity } = await import("../setup/fixtures.ts");
    await signUp({
      activityId: (await activity({})).id,
      householdId: used.id,
      personIds: [used.children[0]!.id],
      consentPersonId: consenting.id,
      consentMethod: "SPOKEN",
      byUserId: staff.id,
      idempotencyKey: randomUUID(),
    });

    await db.$transaction(async (tx) => {
      for (const statement of statements) await tx.$executeRawUnsafe(statement);
    });

    expect(
      await db.householdInvitation.findMany({ where: { householdId: registered.id }, select: { kind: true, personId: true, phone: true, invitedById: true } }),
    ).toEqual([{ kind: "CLAIM", personId: registered.guardian.id, phone: registered.guardian.phone, invitedById: staff.id }]);
    const invitation = await db.householdInvitation.findFirstOrThrow({ where: { householdId: named.id } });
    expect(invitation).toMatchObject({ kind: "JOIN", phone: unused.phone, invitedById: named.user!.id, personId: null, firstName: "Unused" });
    expect(invitation.expiresAt!.getTime() - invitation.createdAt.getTime()).toBe(INVITATION_DAYS * 86_400_000);
    // The named guardian is no longer a member with someone's number.
    expect(await db.person.findUnique({ where: { id: unused.id } })).toBeNull();
    expect(await db.person.findUniqueOrThrow({ where: { id: consenting.id } })).toMatchObject({ firstName: "Consenting", phone: null });
    expect(await db.householdInvitation.count({ where: { householdId: used.id, kind: "JOIN", phone: consenting.phone } })).toBe(1);
    // Logins and children are untouched.
    expect(await db.person.count({ where: { id: { in: [named.guardian.id, named.children[0]!.id, registered.children[0]!.id] } } })).toBe(3);
  });
});
