// The access-control matrix (issue 9): every route module in app/routes,
// its loader and its action, called as Remix would (a fresh Request with a
// session cookie) by each of eight roles — anonymous, a parent, another
// household's parent, a young person, a partner attached to activity X, a
// partner attached only to activity Y, staff and an admin — and the answer
// compared with the rule below. The route list is read from the directory,
// so a new route without a rule (or a rule for a route that is gone, or a
// loader/action without one) fails the test.
//
// Outcomes: "ok" — the role gets through (loader: 2xx or a redirect that is
// not to /login; action: the same, or a 400/422 validation answer, since the
// actions are mostly sent an empty form); "login" — a redirect to /login;
// "forbidden" — 403; "notFound" — 404; "noEffect" — the role gets through the
// route's role check (an answer that is not a refusal) but the case's data
// must not change (ownership checked inside the domain function, answered
// with a form error). A refusal must not change the case's data either.
// Loaders answering "ok" to a role that must not see household A (or the
// young person) are also searched for that data.
//
// Loaders run before actions; the few actions sent a real form change only
// rows made for them. Logging out gets a throwaway session per call.
import { copenhagenInstant } from "../../app/domain/dates.ts";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCalendarFeed } from "../../app/domain/enrolment/calendar.server.ts";
import { householdPass } from "../../app/domain/households/assisted.server.ts";
import { newGuardianToken } from "../../app/domain/jobs/guardian.server.ts";
import { signInCookie } from "../../app/lib/cookies.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { createUserSession, hashToken } from "../../app/lib/session.server.ts";
import { activity, area, household, jobPosting, jobType, signUpFamily } from "../setup/fixtures.ts";
import { statementsOf } from "../setup/helpers.ts";

// ---------------------------------------------------------------- roles and outcomes

const ROLES = ["anonymous", "parent", "otherParent", "youth", "partner", "partnerOther", "staff", "admin"] as const;
type Role = (typeof ROLES)[number];
type Outcome = "ok" | "login" | "forbidden" | "notFound" | "noEffect";
type Matrix = Record<Role, Outcome>;
type Handler = "loader" | "action";

const PARENTS: Role[] = ["parent", "otherParent"];
const YOUTH: Role[] = ["youth"];
const STAFF: Role[] = ["staff", "admin"];
const ADMIN: Role[] = ["admin"];
const TEAM: Role[] = ["partner", "partnerOther", "staff", "admin"];

function matrix(fill: (role: Role) => Outcome, over: Partial<Matrix> = {}): Matrix {
  return Object.fromEntries(ROLES.map((role) => [role, over[role] ?? fill(role)])) as Matrix;
}
/** The same answer for everyone (public pages, unknown tokens). */
const everyone = (outcome: Outcome, over: Partial<Matrix> = {}) => matrix(() => outcome, over);
/** Signed in with one of `allowed` (anyone signed in when omitted); anonymous is sent to sign in, other roles get 403. */
const only = (allowed: Role[] | "anyRole", over: Partial<Matrix> = {}) =>
  matrix((role) => (role === "anonymous" ? "login" : allowed === "anyRole" || allowed.includes(role) ? "ok" : "forbidden"), over);
/** requireActivityAccess on activity X: staff, admins and X's partner; Y's partner gets 404, not 403. */
const activityX = (over: Partial<Matrix> = {}) => only(TEAM, { partnerOther: "notFound", ...over });

// ---------------------------------------------------------------- the data every case uses

type Fixture = {
  areaId: string;
  x: { id: string; slug: string; typeId: string; sessionId: string };
  y: { id: string };
  a: { householdId: string; childId: string; guardianId: string; signUpId: string; enrolmentW: string; calendarToken: string; invitationId: string };
  b: { householdId: string; childId: string; guardianId: string };
  users: Record<Exclude<Role, "anonymous">, { id: string; personId: string }>;
  posting: { id: string; slug: string };
  applications: { hired: string; interview: string; toWithdraw: string; awaiting: string };
  employmentId: string;
  shiftId: string;
  milestoneId: string;
  programmeId: string;
  /** A spreadsheet upload waiting to be imported (its file names household A's child). */
  importBatchId: string;
  guardianToken: string;
  /** A guardian link more than 14 days old. */
  expiredGuardianToken: string;
  youthBorn: string;
  /** Made again before each call of the swap case. */
  swapRequestId: string;
};

let f: Fixture;
const cookies = {} as Record<Role, string>;

/** What must never reach someone outside household A (or outside the young person's jobs). */
const MARK = { childA: "AstridMatrixA", youth: "YrsaMatrixY" };
const MUST_NOT_SEE_A: Role[] = ["anonymous", "otherParent", "youth", "partnerOther"];
const MUST_NOT_SEE_YOUTH: Role[] = ["anonymous", "parent", "otherParent", "partnerOther"];

const DAY = 86_400_000;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const dateOf = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

async function user(role: "YOUTH" | "PARTNER" | "STAFF" | "ADMIN", firstName: string, birthDate?: string) {
  const email = `${role.toLowerCase()}-${randomUUID()}@example.dk`;
  return db.user.create({
    data: { role, email, person: { create: { firstName, lastName: "Matrix", email, birthDate: birthDate ? dateOf(birthDate) : null } } },
  });
}

async function setUp(): Promise<Fixture> {
  const home = await area();
  const x = await activity({ title: "Aktivitet X" });
  const y = await activity({ title: "Aktivitet Y" });
  const wStart = new Date(Date.now() + 15 * DAY);
  // Not at the same time as X: household A's child holds a place in both.
  const w = await activity({ title: "Aktivitet W", sessions: [{ startsAt: wStart, endsAt: new Date(wStart.getTime() + 2 * 3_600_000) }] });
  const familyA = await household({ children: [{ firstName: MARK.childA, areaId: home.id }] });
  const familyB = await household({ children: [{ firstName: "BirkMatrixB", areaId: home.id }] });
  const signUpA = await signUpFamily(x.id, familyA);
  await signUpFamily(w.id, familyA);
  const enrolmentW = await db.enrolment.findFirstOrThrow({ where: { activityId: w.id, householdId: familyA.id }, select: { id: true } });
  const feed = await createCalendarFeed(familyA.id);
  // Household A has invited someone with no account here, and someone said "not me" to it (issue 16).
  const invitationA = await db.householdInvitation.create({
    data: { householdId: familyA.id, kind: "JOIN", invitedById: familyA.user!.id, firstName: "Inviteret", lastName: "Matrix", phone: "+4529999998" },
  });
  await db.householdInvitation.create({
    data: {
      householdId: familyA.id,
      kind: "JOIN",
      invitedById: familyA.user!.id,
      firstName: "Afvist",
      lastName: "Matrix",
      phone: "+4529999997",
      answer: "DECLINED",
      answeredAt: new Date(),
    },
  });

  const youthBorn = `${new Date().getUTCFullYear() - 15}-01-01`;
  const youth = await user("YOUTH", MARK.youth, youthBorn);
  const partner = await user("PARTNER", "Partner");
  const partnerOther = await user("PARTNER", "PartnerAndet");
  const staff = await user("STAFF", "Staff");
  const admin = await user("ADMIN", "Admin");
  await db.activityPartner.create({ data: { activityId: x.id, userId: partner.id } });
  await db.activityPartner.create({ data: { activityId: y.id, userId: partnerOther.id } });

  const { id: typeId } = await jobType();
  const [hiredOn, interviewOn, withdrawOn, awaitingOn] = [
    await jobPosting({ typeId, title: "Job hired" }),
    await jobPosting({ typeId, title: "Job interview" }),
    await jobPosting({ typeId, title: "Job open" }),
    await jobPosting({ typeId, title: "Job guardian" }),
  ];
  const guardian = newGuardianToken();
  const expiredGuardian = newGuardianToken();
  const application = (
    postingId: string,
    status: "HIRED" | "INTERVIEW" | "RECEIVED" | "AWAITING_GUARDIAN",
    tokenHash: string = randomUUID(),
    tokenExpiresAt: Date | null = null,
  ) =>
    db.jobApplication.create({
      data: {
        postingId,
        personId: youth.personId,
        motivation: "Jeg kan lide børn",
        status,
        guardianName: "Forælder Matrix",
        guardianEmail: "foraelder-matrix@example.dk",
        guardianTokenHash: tokenHash,
        guardianTokenExpiresAt: tokenExpiresAt,
        consentRequired: status === "AWAITING_GUARDIAN",
        ...(status === "INTERVIEW" ? { interviewAt: new Date(Date.now() + 5 * DAY), interviewPlace: "Kontoret" } : {}),
      },
    });
  const hired = await application(hiredOn.id, "HIRED", guardian.tokenHash, new Date(Date.now() + 14 * DAY));
  const interview = await application(interviewOn.id, "INTERVIEW");
  const toWithdraw = await application(withdrawOn.id, "RECEIVED");
  const awaiting = await application(awaitingOn.id, "AWAITING_GUARDIAN", expiredGuardian.tokenHash, new Date(Date.now() - DAY));
  const employment = await db.employment.create({
    data: {
      applicationId: hired.id,
      postingId: hiredOn.id,
      personId: youth.personId,
      role: "Hjælper",
      startsOn: dateOf(day(-30)),
      referenceTasks: "Legede med børnene",
      referenceStatement: "Altid mødt til tiden",
      referenceById: staff.id,
      referenceAt: new Date(),
    },
  });
  const shiftDay = day(21);
  const shift = await db.jobShift.create({
    data: {
      postingId: hiredOn.id,
      startsAt: copenhagenInstant(shiftDay, "10:00"),
      endsAt: copenhagenInstant(shiftDay, "12:00"),
      place: "Legepladsen",
      slots: 2,
      responsibleUserId: partner.id,
    },
  });
  const milestone = await db.milestone.create({
    data: { title: { da: "Milepæl Matrix" }, measure: "ENROLMENTS", target: 10, startsOn: dateOf("2025-01-01"), deadline: dateOf(day(365)) },
  });

  const who = (record: { id: string; personId: string }) => ({ id: record.id, personId: record.personId });
  return {
    areaId: home.id,
    x: { id: x.id, slug: x.slug, typeId: x.typeId, sessionId: x.sessions[0]!.id },
    y: { id: y.id },
    a: {
      householdId: familyA.id,
      childId: familyA.children[0]!.id,
      guardianId: familyA.guardian.id,
      signUpId: signUpA.signUpId,
      enrolmentW: enrolmentW.id,
      calendarToken: /\/calendar\/([a-z2-7]+)\.ics$/.exec(feed)![1]!,
      invitationId: invitationA.id,
    },
    b: { householdId: familyB.id, childId: familyB.children[0]!.id, guardianId: familyB.guardian.id },
    users: {
      parent: who(familyA.user!),
      otherParent: who(familyB.user!),
      youth: who(youth),
      partner: who(partner),
      partnerOther: who(partnerOther),
      staff: who(staff),
      admin: who(admin),
    },
    posting: { id: hiredOn.id, slug: hiredOn.slug },
    applications: { hired: hired.id, interview: interview.id, toWithdraw: toWithdraw.id, awaiting: awaiting.id },
    employmentId: employment.id,
    shiftId: shift.id,
    milestoneId: milestone.id,
    programmeId: (await db.programme.create({ data: { name: `Indsats Matrix ${randomUUID()}` } })).id,
    importBatchId: (
      await db.importBatch.create({
        data: {
          kind: "PEOPLE",
          fileName: "liste.csv",
          file: Buffer.from(`Fornavn;Efternavn;Fødselsår\r\n${MARK.childA};Import;2016\r\n`),
          createdById: staff.id,
        },
      })
    ).id,
    guardianToken: guardian.token,
    expiredGuardianToken: expiredGuardian.token,
    youthBorn,
    swapRequestId: "",
  };
}

// ---------------------------------------------------------------- the rules

type Case = {
  /** Shown in the test name when a route has more than one case. */
  name?: string;
  params?: (f: Fixture) => Record<string, string>;
  search?: string | ((f: Fixture) => string);
  loader?: Matrix;
  action?: Matrix;
  /** The form the action is sent (default: empty). */
  body?: (f: Fixture) => Record<string, string>;
  /** Run before each call: puts back what an earlier role's call changed, so each role meets the same data. */
  prepare?: (f: Fixture) => Promise<unknown>;
  /** Data a refused or "noEffect" call must leave as it was. */
  state?: (f: Fixture) => Promise<unknown>;
  /** A loader answer a role gets must not show this (returns what leaked, or null). */
  leak?: (role: Role, text: string, f: Fixture) => string | null;
  /** Roles that may see household A's data on this page although they are in MUST_NOT_SEE_A. */
  mayShowA?: Role[];
  mayShowYouth?: Role[];
  /** An extra cookie (e.g. a pending sign-in). */
  cookie?: () => Promise<string>;
  clientIp?: string;
  /** A new session per call (the action ends the session it is sent with). */
  freshSession?: boolean;
};

/** The awaiting application's link, expired (a new link sent by staff replaces it: put it back). */
const expireGuardianLink = (f: Fixture) =>
  db.jobApplication.update({
    where: { id: f.applications.awaiting },
    data: { guardianTokenHash: hashToken(f.expiredGuardianToken), guardianTokenExpiresAt: new Date(Date.now() - DAY) },
  });

const WRONG_TOKEN = "abcdefghijklmnopqrstuvwxyz234567";
const WRONG_UUID = "00000000-0000-4000-8000-000000000000";
const SIGN_UP_KEY = randomUUID();

const RULES: Record<string, Case[]> = {
  // ---- public
  "$.tsx": [{ params: () => ({ "*": "no/such/page" }), loader: everyone("notFound") }],
  "_index.tsx": [{ loader: everyone("ok") }],
  "accessibility.tsx": [{ loader: everyone("ok") }],
  "privacy.tsx": [{ loader: everyone("ok") }],
  "activities._index.tsx": [{ loader: everyone("ok") }],
  "activities.$slug.tsx": [
    { params: (f) => ({ slug: f.x.slug }), loader: everyone("ok"), action: only(PARENTS) },
    { name: "unknown activity", params: () => ({ slug: "no-such-activity" }), loader: everyone("notFound") },
  ],
  "jobs._index.tsx": [{ loader: everyone("ok") }],
  "jobs.$slug.tsx": [{ params: (f) => ({ slug: f.posting.slug }), loader: everyone("ok") }],
  "jobs.$slug_.apply.tsx": [{ params: (f) => ({ slug: f.posting.slug }), loader: only("anyRole"), action: only("anyRole") }],
  "healthz.tsx": [{ loader: everyone("ok") }],
  "livez.tsx": [{ loader: everyone("ok") }],
  "language.tsx": [{ loader: everyone("ok"), action: everyone("ok") }],
  "login._index.tsx": [{ loader: everyone("ok"), action: everyone("ok") }],
  "login.code.tsx": [
    // Without a sign-in under way the code page sends everyone back to /login.
    { name: "no sign-in under way", loader: everyone("login"), action: everyone("login") },
    { name: "sign-in under way", cookie: pendingSignIn, loader: everyone("ok"), action: everyone("ok") },
  ],
  "logout.tsx": [{ loader: everyone("ok"), action: everyone("ok"), freshSession: true }],
  // Outside production, to someone at this machine only.
  "dev.outbox.tsx": [{ loader: everyone("ok") }, { name: "from another machine", clientIp: "203.0.113.7", loader: everyone("notFound") }],
  // A provider's delivery reports: no session counts, only GatewayAPI's signature (unset here: nothing is taken).
  "webhooks.sms.gatewayapi.tsx": [{ action: everyone("notFound") }],

  // ---- links with a secret
  "calendar.$token[.ics].tsx": [
    { name: "wrong token", params: () => ({ token: WRONG_TOKEN }), loader: everyone("notFound") },
    { name: "household A's feed", params: (f) => ({ token: f.a.calendarToken }), loader: everyone("ok"), mayShowA: MUST_NOT_SEE_A },
  ],
  // The answer is sent too: an empty form is refused (400) before the token is looked up.
  "offers.$token.tsx": [
    {
      name: "wrong token",
      params: () => ({ token: WRONG_TOKEN }),
      body: () => ({ intent: "decline" }),
      loader: everyone("notFound"),
      action: everyone("notFound"),
    },
  ],
  "guardian.$token.tsx": [
    {
      name: "wrong token",
      params: () => ({ token: WRONG_TOKEN }),
      body: () => ({ answer: "decline" }),
      loader: everyone("notFound"),
      action: everyone("notFound"),
    },
    {
      name: "the guardian's link",
      params: (f) => ({ token: f.guardianToken }),
      loader: everyone("ok"),
      action: everyone("ok"),
      mayShowYouth: MUST_NOT_SEE_YOUTH,
    },
    {
      // Says only that it has expired: nothing of the young person, whoever holds it.
      name: "an expired guardian link",
      params: (f) => ({ token: f.expiredGuardianToken }),
      prepare: (f) => expireGuardianLink(f),
      body: () => ({ answer: "confirm" }),
      state: (f) => db.jobApplication.findUniqueOrThrow({ where: { id: f.applications.awaiting }, select: { status: true, guardianAnswerAt: true } }),
      loader: everyone("ok"),
      action: everyone("ok"),
    },
  ],

  // ---- any signed-in account
  "account.tsx": [{ loader: only("anyRole") }],

  // ---- parents
  "my._index.tsx": [
    { loader: only(PARENTS), action: only(PARENTS) },
    {
      name: "cancel household A's place",
      body: (f) => ({ intent: "cancel", enrolmentId: f.a.enrolmentW }),
      prepare: (f) => db.enrolment.update({ where: { id: f.a.enrolmentW }, data: { status: "CONFIRMED", cancelledAt: null, cancelReason: null } }),
      state: (f) => db.enrolment.findUniqueOrThrow({ where: { id: f.a.enrolmentW }, select: { status: true } }),
      action: only(PARENTS, { otherParent: "noEffect" }),
    },
  ],
  // Absence notices (issue 19): only a guardian of the child's household; another family meets the same 404 as for
  // no such session, and household A's child never shows (the leak check).
  "my.absence.$sessionId.tsx": [
    {
      name: "household A's session",
      params: (f) => ({ sessionId: f.x.sessionId }),
      loader: only(PARENTS, { otherParent: "notFound" }),
      // An empty form is answered by validation before the session is looked up: nothing changes.
      action: only(PARENTS),
      state: (f) => db.absenceNotice.count({ where: { sessionId: f.x.sessionId } }),
    },
    {
      name: "report household A's child absent",
      params: (f) => ({ sessionId: f.x.sessionId }),
      body: (f) => ({ intent: "report", personId: f.a.childId }),
      prepare: (f) => db.absenceNotice.deleteMany({ where: { sessionId: f.x.sessionId } }),
      state: (f) => db.absenceNotice.count({ where: { sessionId: f.x.sessionId } }),
      action: only(PARENTS, { otherParent: "notFound" }),
    },
    {
      name: "take back household A's notice",
      params: (f) => ({ sessionId: f.x.sessionId }),
      body: (f) => ({ intent: "undo", personId: f.a.childId }),
      prepare: (f) =>
        db.absenceNotice.createMany({ data: [{ sessionId: f.x.sessionId, personId: f.a.childId, reportedByUserId: f.users.parent.id }], skipDuplicates: true }),
      state: (f) => db.absenceNotice.count({ where: { sessionId: f.x.sessionId } }),
      action: only(PARENTS, { otherParent: "notFound" }),
    },
    { name: "no such session", params: () => ({ sessionId: WRONG_UUID }), loader: only(PARENTS, { parent: "notFound", otherParent: "notFound" }) },
  ],
  "my.calendar.$signUpId[.ics].tsx": [{ params: (f) => ({ signUpId: f.a.signUpId }), loader: only(PARENTS, { otherParent: "notFound" }) }],
  "my.household._index.tsx": [
    { loader: only(PARENTS), action: only(PARENTS) },
    {
      // Only a guardian of household A may take back its invitation.
      name: "withdraw household A's invitation",
      body: (f) => ({ intent: "withdraw", invitationId: f.a.invitationId }),
      prepare: reopenInvitation,
      state: invitationState,
      action: only(PARENTS, { otherParent: "noEffect" }),
    },
  ],
  // Invitations to the signed-in parent's own login (issue 16). Household A's is addressed to nobody here: whoever
  // sends its id is answered "not found" and nothing changes — A's children never show (the leak check).
  "my.invitations.tsx": [
    { loader: only(PARENTS), action: only(PARENTS) },
    {
      name: "accept household A's invitation to someone else",
      body: (f) => ({ intent: "accept", invitationId: f.a.invitationId }),
      prepare: reopenInvitation,
      state: async (f) => [await invitationState(f), await db.householdMember.count({ where: { householdId: f.a.householdId } })],
      action: only(PARENTS, { parent: "noEffect", otherParent: "noEffect" }),
    },
  ],
  // A parent's household, or a young person's own data (never household A's: the leak check).
  "my.data._index.tsx": [
    {
      loader: only([...PARENTS, ...YOUTH]),
      action: only([...PARENTS, ...YOUTH]),
      state: () => db.auditEvent.count({ where: { action: "privacy.deletionRequested" } }),
    },
  ],
  "my.data[.json].ts": [{ loader: only([...PARENTS, ...YOUTH]) }],
  "staff.people.$personId.delete.tsx": [
    {
      // The young person's own record; an empty form is refused before anything is deleted.
      params: (f) => ({ personId: f.users.youth.personId }),
      loader: only(STAFF),
      action: only(STAFF),
      state: (f) => db.person.findUniqueOrThrow({ where: { id: f.users.youth.personId }, select: { firstName: true, anonymisedAt: true } }),
    },
    { name: "no such person", params: () => ({ personId: WRONG_UUID }), loader: only(STAFF, { staff: "notFound", admin: "notFound" }) },
  ],
  // Possible duplicates and the merge (ADR 015): staff only; an empty form merges nothing and marks nothing.
  "staff.people.duplicates.tsx": [
    {
      loader: only(STAFF),
      action: only(STAFF),
      state: (f) => db.possibleDuplicate.count({ where: { personAId: { in: [f.a.childId, f.b.childId] } } }),
    },
  ],
  "staff.people.merge.tsx": [
    {
      search: (f) => `?a=${f.a.childId}&b=${f.b.childId}`,
      loader: only(STAFF),
      action: only(STAFF),
      state: (f) => db.person.count({ where: { id: { in: [f.a.childId, f.b.childId] } } }),
    },
    { name: "not a pair", search: () => `?a=${WRONG_UUID}&b=${WRONG_UUID}`, loader: only(STAFF, { staff: "notFound", admin: "notFound" }) },
  ],
  "staff.families.$householdId_.delete.tsx": [
    {
      params: (f) => ({ householdId: f.a.householdId }),
      loader: only(STAFF),
      action: only(STAFF),
      state: (f) => db.person.findUniqueOrThrow({ where: { id: f.a.childId }, select: { firstName: true, anonymisedAt: true } }),
    },
  ],
  "my.household.children.$childId.tsx": [
    {
      name: "household A's child",
      params: (f) => ({ childId: f.a.childId }),
      loader: only(PARENTS, { otherParent: "notFound" }),
      // An empty form is answered by validation before the child is looked up: nothing changes.
      action: only(PARENTS, { otherParent: "noEffect" }),
      state: childState,
    },
    {
      name: "household A's child, a valid form",
      params: (f) => ({ childId: f.a.childId }),
      body: (f) => ({ firstName: MARK.childA, lastName: "Test", birthDate: "2016-05-01", housingAreaId: f.areaId, photoConsent: "no" }),
      action: only(PARENTS, { otherParent: "notFound" }),
      state: childState,
    },
    { name: "new child", params: () => ({ childId: "new" }), loader: only(PARENTS) },
  ],
  // Who may collect household A's child, whom to call (issue 19): only A's guardian; anyone else's parent 404.
  "my.household.children.$childId_.contacts.tsx": [
    {
      name: "household A's child",
      params: (f) => ({ childId: f.a.childId }),
      loader: only(PARENTS, { otherParent: "notFound" }),
      action: only(PARENTS, { otherParent: "notFound" }),
      state: childContactsState,
    },
    {
      name: "household A's child, a valid form",
      params: (f) => ({ childId: f.a.childId }),
      body: () => ({ "collectors[0].name": "Mormor Matrix", "collectors[0].relation": "mormor", "collectors[0].phone": "20123456" }),
      action: only(PARENTS, { otherParent: "notFound" }),
      state: childContactsState,
    },
    { name: "a child that is no one's", params: () => ({ childId: WRONG_UUID }), loader: only(PARENTS, { parent: "notFound", otherParent: "notFound" }) },
  ],

  // ---- young people (any account may look at its own jobs; only the owner gets an application's files)
  "my.jobs._index.tsx": [
    { loader: only("anyRole"), action: only("anyRole") },
    {
      name: "withdraw the young person's application",
      body: (f) => ({ applicationId: f.applications.toWithdraw }),
      prepare: (f) => db.jobApplication.update({ where: { id: f.applications.toWithdraw }, data: { status: "RECEIVED" } }),
      state: (f) => db.jobApplication.findUniqueOrThrow({ where: { id: f.applications.toWithdraw }, select: { status: true } }),
      action: only("anyRole", {
        parent: "notFound",
        otherParent: "notFound",
        partner: "notFound",
        partnerOther: "notFound",
        staff: "notFound",
        admin: "notFound",
      }),
    },
  ],
  "my.jobs.interview.$applicationId[.ics].tsx": [
    {
      params: (f) => ({ applicationId: f.applications.interview }),
      loader: only("anyRole", {
        parent: "notFound",
        otherParent: "notFound",
        partner: "notFound",
        partnerOther: "notFound",
        staff: "notFound",
        admin: "notFound",
      }),
    },
  ],
  "my.jobs.references.$employmentId.tsx": [
    {
      params: (f) => ({ employmentId: f.employmentId }),
      loader: only("anyRole", { parent: "notFound", otherParent: "notFound", partner: "notFound", partnerOther: "notFound" }),
    },
  ],
  "my.shifts.tsx": [{ loader: only(YOUTH), action: only(YOUTH) }],

  // ---- staff and partners
  "staff._index.tsx": [
    {
      loader: only(TEAM),
      leak: (role, text, f) =>
        role === "partnerOther" && text.includes(f.x.id)
          ? "activity X in Y's partner's list"
          : role.startsWith("partner") && text.includes('"notMe":[{')
            ? "staff's list of 'not me' answers shown to a partner"
            : null,
    },
  ],
  "staff.activities.$activityId.tsx": [{ params: (f) => ({ activityId: f.x.id }), loader: activityX(), action: activityX({ partner: "forbidden" }) }],
  "staff.activities.$activityId.roster[.csv].tsx": [{ params: (f) => ({ activityId: f.x.id }), loader: activityX() }],
  "staff.activities.$activityId_.print.tsx": [{ params: (f) => ({ activityId: f.x.id }), loader: activityX() }],
  "staff.activities.$activityId_.messages.tsx": [{ params: (f) => ({ activityId: f.x.id }), loader: activityX(), action: activityX() }],
  "staff.activities.$activityId_.edit.tsx": [{ params: (f) => ({ activityId: f.x.id }), loader: only(STAFF), action: only(STAFF) }],
  "staff.activities.$activityId_.sessions.tsx": [{ params: (f) => ({ activityId: f.x.id }), loader: only(STAFF), action: only(STAFF) }],
  "staff.activities.new.tsx": [{ loader: only(STAFF), action: only(STAFF) }],
  "staff.sessions.$sessionId.tsx": [
    { params: (f) => ({ sessionId: f.x.sessionId }), loader: activityX(), action: activityX() },
    {
      // An absence a family phoned in (issue 19): staff and X's partner record it; Y's partner meets a 404.
      name: "record household A's child absent",
      params: (f) => ({ sessionId: f.x.sessionId }),
      body: (f) => ({ intent: "absence", personId: f.a.childId, absent: "true" }),
      prepare: (f) => db.absenceNotice.deleteMany({ where: { sessionId: f.x.sessionId } }),
      state: (f) => db.absenceNotice.count({ where: { sessionId: f.x.sessionId } }),
      action: activityX(),
    },
  ],
  // A POST-only endpoint: GET is 404 for everyone.
  "staff.sessions.$sessionId.mark.tsx": [{ params: (f) => ({ sessionId: f.x.sessionId }), loader: everyone("notFound"), action: activityX() }],
  // "Collected by" (issue 19): POST only; staff and X's partner; Y's partner 404.
  "staff.sessions.$sessionId.collected.tsx": [{ params: (f) => ({ sessionId: f.x.sessionId }), loader: everyone("notFound"), action: activityX() }],
  "staff.families._index.tsx": [
    {
      // Partners find families by phone number only: a name finds nothing.
      search: "?q=Test",
      loader: only(TEAM),
      leak: (role, text) => (role.startsWith("partner") && text.includes('"households":[{') ? "households found by name" : null),
    },
  ],
  "staff.families.new.tsx": [{ loader: only(TEAM), action: only(TEAM) }],
  "staff.families.$householdId.tsx": [
    {
      // Household A signed up for X: X's partner may help it, Y's partner may not even learn it exists. Who the
      // family invited, and who said "not me", is staff's to see.
      params: (f) => ({ householdId: f.a.householdId }),
      loader: only(TEAM, { partnerOther: "notFound" }),
      action: only(TEAM, { partnerOther: "notFound" }),
      leak: (role, text) => (role === "partner" && text.includes('"invitations":[{') ? "the family's invitations shown to a partner" : null),
    },
    {
      // A family's move (issue 17) is staff's to record: a partner who may help the family may not move it.
      name: "record household A's move",
      params: (f) => ({ householdId: f.a.householdId }),
      body: (f) => ({ intent: "move", housingAreaId: f.areaId, movedOn: "2026-01-01" }),
      action: only(STAFF, { partner: "notFound", partnerOther: "notFound" }),
    },
    {
      name: "household B, related to neither partner, without a pass",
      params: (f) => ({ householdId: f.b.householdId }),
      loader: only(TEAM, { partner: "notFound", partnerOther: "notFound" }),
    },
    {
      name: "household B for Y's partner with the pass from a phone search (X's partner cannot use it)",
      params: (f) => ({ householdId: f.b.householdId }),
      search: (f) => `?pass=${householdPass(f.users.partnerOther.id, f.b.householdId)}`,
      loader: only(TEAM, { partner: "notFound" }),
      leak: (role, text, f) => (role === "partnerOther" && text.includes(f.x.id) ? "activity X offered to Y's partner" : null),
    },
    {
      name: "sign household B up for activity Y, with Y's partner's pass",
      params: (f) => ({ householdId: f.b.householdId }),
      search: (f) => `?pass=${householdPass(f.users.partnerOther.id, f.b.householdId)}`,
      body: (f) => ({ activityId: f.y.id, personId: f.b.childId, consentPersonId: f.b.guardianId, spokenConsent: "on", idempotencyKey: SIGN_UP_KEY }),
      state: (f) => db.signUp.count({ where: { householdId: f.b.householdId, activityId: f.y.id } }),
      action: only(TEAM, { partner: "notFound" }),
    },
  ],
  "staff.jobs.shifts._index.tsx": [
    {
      loader: only(TEAM),
      action: only(TEAM),
      leak: (role, text, f) => (role === "partnerOther" && text.includes(f.shiftId) ? "a shift X's partner runs, shown to Y's partner" : null),
    },
    {
      // Swaps on a shift are decided by its responsible partner or staff.
      name: "decline a swap on X's partner's shift",
      prepare: openSwapRequest,
      body: (f) => ({ requestId: f.swapRequestId, decision: "decline" }),
      state: (f) => db.shiftSwapRequest.findUniqueOrThrow({ where: { id: f.swapRequestId }, select: { status: true } }),
      action: only(TEAM, { partnerOther: "notFound" }),
    },
  ],
  // Partners run only the shifts they are responsible for (X's partner is). The action checks that in the domain
  // function, so an empty form from Y's partner is answered 400 before the shift is looked at (nothing changes);
  // a real assignment is refused with 404.
  "staff.jobs.shifts.$shiftId.tsx": [
    {
      params: (f) => ({ shiftId: f.shiftId }),
      loader: only(TEAM, { partnerOther: "notFound" }),
      action: only(TEAM, { partnerOther: "noEffect" }),
      state: assignments,
    },
    {
      name: "assign the young person",
      params: (f) => ({ shiftId: f.shiftId }),
      body: (f) => ({ intent: "assign", employmentId: f.employmentId }),
      prepare: (f) => db.shiftAssignment.deleteMany({ where: { shiftId: f.shiftId } }),
      state: assignments,
      action: only(TEAM, { partnerOther: "notFound" }),
    },
  ],

  // ---- staff (and admins)
  "staff.holidays.tsx": [{ loader: only(STAFF), action: only(STAFF) }],
  "staff.jobs._index.tsx": [{ loader: only(STAFF) }],
  "staff.jobs.new.tsx": [{ loader: only(STAFF), action: only(STAFF) }],
  "staff.jobs.$postingId.tsx": [{ params: (f) => ({ postingId: f.posting.id }), loader: only(STAFF) }],
  "staff.jobs.$postingId_.edit.tsx": [{ params: (f) => ({ postingId: f.posting.id }), loader: only(STAFF), action: only(STAFF) }],
  "staff.jobs.$postingId_.shifts.tsx": [{ params: (f) => ({ postingId: f.posting.id }), loader: only(STAFF), action: only(STAFF) }],
  "staff.jobs.applications.$applicationId.tsx": [
    { params: (f) => ({ applicationId: f.applications.hired }), loader: only(STAFF), action: only(STAFF) },
    {
      name: "confirm the guardian's identity",
      params: (f) => ({ applicationId: f.applications.awaiting }),
      body: () => ({ intent: "guardianIdentity", method: "PHONE_CALL" }),
      state: (f) => db.jobApplication.findUniqueOrThrow({ where: { id: f.applications.awaiting }, select: { guardianIdentityAt: true } }),
      prepare: (f) => db.jobApplication.update({ where: { id: f.applications.awaiting }, data: { guardianIdentityAt: null, guardianIdentityMethod: null } }),
      action: only(STAFF),
    },
    {
      name: "send the guardian a new link",
      params: (f) => ({ applicationId: f.applications.awaiting }),
      body: () => ({ intent: "guardianLink" }),
      state: (f) => db.jobApplication.findUniqueOrThrow({ where: { id: f.applications.awaiting }, select: { guardianTokenExpiresAt: true } }),
      prepare: (f) => expireGuardianLink(f),
      action: only(STAFF),
    },
    {
      name: "correct the birth date",
      params: (f) => ({ applicationId: f.applications.awaiting }),
      // The date already recorded: the call is allowed, and changes nothing else the other cases use.
      body: (f) => ({ intent: "birthDate", birthDate: f.youthBorn }),
      action: only(STAFF),
    },
  ],
  "staff.jobs.employments._index.tsx": [{ loader: only(STAFF) }],
  "staff.jobs.employments.$employmentId.tsx": [{ params: (f) => ({ employmentId: f.employmentId }), loader: only(STAFF), action: only(STAFF) }],
  "staff.jobs.employments.$employmentId_.contract.tsx": [{ params: (f) => ({ employmentId: f.employmentId }), loader: only(STAFF) }],
  "staff.jobs.employments.$employmentId_.reference.tsx": [{ params: (f) => ({ employmentId: f.employmentId }), loader: only(STAFF) }],
  "staff.jobs.hours.tsx": [{ loader: only(STAFF) }],
  "staff.jobs.hours[.csv].tsx": [{ loader: only(STAFF) }],
  "staff.jobs.hours[.xlsx].tsx": [{ loader: only(STAFF) }],
  "staff.milestones._index.tsx": [{ loader: only(STAFF), action: only(STAFF) }],
  "staff.milestones.$milestoneId.tsx": [
    { params: (f) => ({ milestoneId: f.milestoneId }), loader: only(STAFF), action: only(STAFF) },
    { name: "unknown milestone", params: () => ({ milestoneId: WRONG_UUID }), loader: only(STAFF, { staff: "notFound", admin: "notFound" }) },
  ],
  "staff.import._index.tsx": [{ loader: only(STAFF), action: only(STAFF) }],
  "staff.import.$batchId.tsx": [
    { params: (f) => ({ batchId: f.importBatchId }), loader: only(STAFF), action: only(STAFF) },
    { name: "unknown import", params: () => ({ batchId: WRONG_UUID }), loader: only(STAFF, { staff: "notFound", admin: "notFound" }) },
    { name: "not an id", params: () => ({ batchId: "x" }), loader: only(STAFF, { staff: "notFound", admin: "notFound" }) },
  ],
  "staff.reports._index.tsx": [{ loader: only(STAFF) }],
  "staff.reports.print.tsx": [{ loader: only(STAFF) }],
  "staff.reports[.csv].tsx": [{ loader: only(STAFF) }],
  "staff.reports[.xlsx].tsx": [{ loader: only(STAFF) }],
  "staff.system.tsx": [{ loader: only(STAFF) }],

  // ---- admins
  "admin._index.tsx": [{ loader: only(ADMIN) }],
  "admin.areas.tsx": [{ loader: only(ADMIN) }],
  "admin.areas_.$areaId.tsx": [{ params: (f) => ({ areaId: f.areaId }), loader: only(ADMIN), action: only(ADMIN) }],
  "admin.programmes.tsx": [{ loader: only(ADMIN) }],
  "admin.programmes_.$programmeId.tsx": [{ params: (f) => ({ programmeId: f.programmeId }), loader: only(ADMIN), action: only(ADMIN) }],
  "admin.types.tsx": [{ loader: only(ADMIN) }],
  "admin.types_.$typeId.tsx": [{ params: (f) => ({ typeId: f.x.typeId }), loader: only(ADMIN), action: only(ADMIN) }],
  "admin.users.tsx": [{ loader: only(ADMIN) }],
  "admin.users_.new.tsx": [{ loader: only(ADMIN), action: only(ADMIN) }],
  "admin.users_.$userId.tsx": [{ params: (f) => ({ userId: f.users.youth.id }), loader: only(ADMIN), action: only(ADMIN) }],
  "admin.audit.tsx": [{ loader: only(ADMIN) }],
};

function childState(f: Fixture) {
  return db.person.findUniqueOrThrow({
    where: { id: f.a.childId },
    select: { firstName: true, lastName: true, birthDate: true, housingAreaId: true, photoConsent: true, updatedAt: true },
  });
}

function childContactsState(f: Fixture) {
  return db.childContact.findMany({ where: { personId: f.a.childId }, orderBy: [{ kind: "asc" }, { position: "asc" }], select: { name: true, phone: true } });
}

function invitationState(f: Fixture) {
  return db.householdInvitation.findUniqueOrThrow({ where: { id: f.a.invitationId }, select: { answer: true, answeredAt: true } });
}

function reopenInvitation(f: Fixture) {
  return db.householdInvitation.update({ where: { id: f.a.invitationId }, data: { answer: null, answeredAt: null, answeredById: null } });
}

function assignments(f: Fixture) {
  return db.shiftAssignment.findMany({ where: { shiftId: f.shiftId }, select: { id: true, status: true }, orderBy: { id: "asc" } });
}

/** The young person on the shift, asking to be released from it. */
async function openSwapRequest(f: Fixture) {
  const key = { shiftId: f.shiftId, employmentId: f.employmentId };
  const assignment = await db.shiftAssignment.upsert({
    where: { shiftId_employmentId: key },
    create: key,
    update: { status: "ASSIGNED", releasedAt: null },
  });
  await db.shiftSwapRequest.deleteMany({ where: { assignmentId: assignment.id } });
  f.swapRequestId = (await db.shiftSwapRequest.create({ data: { assignmentId: assignment.id, reason: "Syg" } })).id;
}

async function pendingSignIn(): Promise<string> {
  const serialized = await signInCookie.serialize({ challengeId: randomUUID(), display: "test@example.dk", redirectTo: "/" });
  return serialized.split(";")[0]!;
}

// ---------------------------------------------------------------- the route list

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");
const routeFiles = fs
  .readdirSync(ROUTES_DIR)
  .filter((file) => /\.(tsx?|jsx?)$/.test(file))
  .sort();

type RouteModule = { loader?: unknown; action?: unknown };
const modules = new Map<string, RouteModule>(
  await Promise.all(routeFiles.map(async (file) => [file, (await import(path.join(ROUTES_DIR, file))) as RouteModule] as const)),
);
const exported = (file: string, handler: Handler) => typeof modules.get(file)?.[handler] === "function";

/** The URL a flat-routes file answers, with the params filled in ("staff.activities.$activityId_.edit.tsx" → "/staff/activities/<id>/edit"). */
function urlPath(file: string, params: Record<string, string>): string {
  // Brackets escape: "calendar.$token[.ics]" is the segment "$token" followed by the literal ".ics".
  const name = file.replace(/\.[jt]sx?$/, "").replace(/\[([^\]]*)\]/g, (_, literal: string) => literal.replaceAll(".", "\u0000"));
  const segments = name
    .split(".")
    .map((segment) => segment.replaceAll("\u0000", "."))
    .filter((segment) => segment !== "_index" && !(segment.startsWith("_") && segment !== "_"))
    .map((segment) => {
      if (segment === "$") return params["*"] ?? "";
      const stripped = segment.replace(/_$/, "");
      const param = /^\$(\w+?)(\..*)?$/.exec(stripped);
      if (!param) return stripped;
      const value = params[param[1]!];
      if (value === undefined) throw new Error(`${file}: no value for the param "${param[1]}"`);
      return `${value}${param[2] ?? ""}`;
    });
  return `/${segments.join("/")}`;
}

// ---------------------------------------------------------------- calling a handler

type Answer = { status: number; location: string | null; text: string; error?: string };

const json = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v)) ?? "";

async function answerOf(value: unknown, thrown: boolean): Promise<Answer> {
  if (value instanceof Response) {
    const ok = value.status >= 200 && value.status < 300;
    return { status: value.status, location: value.headers.get("Location"), text: ok ? await value.clone().text() : "" };
  }
  if (thrown) return { status: 0, location: null, text: "", error: value instanceof Error ? `${value.name}: ${value.message.split("\n")[0]}` : String(value) };
  // Remix's data(…, init): a value with its own status and headers.
  if (value && typeof value === "object" && (value as { type?: unknown }).type === "DataWithResponseInit") {
    const { data, init } = value as { data: unknown; init: ResponseInit | null };
    return { status: init?.status ?? 200, location: new Headers(init?.headers).get("Location"), text: json(data) };
  }
  return { status: 200, location: null, text: json(value) };
}

/** What an answer means: "ok", "login", "forbidden", "notFound", or a description of anything else. */
function verdictOf(answer: Answer, handler: Handler): string {
  if (answer.error) return `threw ${answer.error}`;
  const { status, location } = answer;
  if (status >= 300 && status < 400) return location?.startsWith("/login") ? "login" : "ok";
  if (status === 403) return "forbidden";
  if (status === 404) return "notFound";
  if (status >= 200 && status < 300) return "ok";
  if (handler === "action" && (status === 400 || status === 422)) return "ok";
  return `status ${status}`;
}

const describeAnswer = (answer: Answer) => (answer.error ? answer.error : `${answer.status}${answer.location ? ` → ${answer.location}` : ""}`);

async function cookieFor(role: Role, c: Case): Promise<string> {
  const parts: string[] = [];
  if (role !== "anonymous") parts.push(c.freshSession ? (await createUserSession(f.users[role].id)).split(";")[0]! : cookies[role]);
  if (c.cookie) parts.push(await c.cookie());
  return parts.join("; ");
}

async function call(file: string, handler: Handler, c: Case, cookie: string): Promise<Answer> {
  const fn = modules.get(file)![handler] as (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<unknown>;
  const params = c.params?.(f) ?? {};
  const url = `http://localhost${urlPath(file, params)}${typeof c.search === "function" ? c.search(f) : (c.search ?? "")}`;
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  const init: RequestInit = { headers };
  if (handler === "action") {
    headers.set("Origin", "http://localhost");
    headers.set("Content-Type", "application/x-www-form-urlencoded");
    init.method = "POST";
    init.body = new URLSearchParams(c.body?.(f) ?? {}).toString();
  }
  const request = new Request(url, init);
  const context = { clientIp: c.clientIp ?? "127.0.0.1", cspNonce: "" };
  try {
    return await answerOf(await fn({ request, params, context } as unknown as LoaderFunctionArgs), false);
  } catch (error) {
    return answerOf(error, true);
  }
}

function leakIn(file: string, c: Case, role: Role, text: string): string | null {
  const shown = (marks: string[]) => marks.find((mark) => text.includes(mark));
  if (MUST_NOT_SEE_A.includes(role) && !c.mayShowA?.includes(role)) {
    const mark = shown([MARK.childA, f.a.childId]);
    if (mark) return `shows household A's child (${mark})`;
  }
  if (MUST_NOT_SEE_YOUTH.includes(role) && !c.mayShowYouth?.includes(role)) {
    const mark = shown([MARK.youth, f.users.youth.personId]);
    if (mark) return `shows the young person (${mark})`;
  }
  return c.leak?.(role, text, f) ?? null;
}

// ---------------------------------------------------------------- nothing changes state on GET

/**
 * A statement a loader (a GET) must not send: any write, except the log of who looked (the audit of viewing
 * "things we should know", of a data export), rate-limit counters, and a session's sliding expiry.
 */
function changesState(sql: string): boolean {
  if (!/\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|ALTER|CREATE|DROP)\b/i.test(sql)) return false;
  if (/^SELECT\b/i.test(sql) && !/\b(INSERT INTO|UPDATE "|DELETE FROM)\b/i.test(sql)) return false;
  return !/^(INSERT INTO "(public"\.")?(AuditEvent|RateLimitBucket)"|UPDATE "(public"\.")?Session")/i.test(sql);
}

// ---------------------------------------------------------------- the tests

type Result = { file: string; handler: Handler; caseName: string; role: Role; expected: Outcome; actual: string; detail: string };
const results: Result[] = [];

beforeAll(async () => {
  f = await setUp();
  for (const role of ROLES) cookies[role] = role === "anonymous" ? "" : (await createUserSession(f.users[role].id)).split(";")[0]!;
});

afterAll(() => {
  const failed = results.filter((result) => result.actual !== result.expected);
  const handlers = routeFiles.reduce((sum, file) => sum + (exported(file, "loader") ? 1 : 0) + (exported(file, "action") ? 1 : 0), 0);
  console.log(
    `access matrix: ${routeFiles.length} routes (${handlers} loaders/actions) × ${ROLES.length} roles; ` +
      `${results.length} cases (route × handler × case × role), ${failed.length} not as the rules say`,
  );
  for (const result of failed)
    console.log(`  ${result.file} ${result.handler}${result.caseName} as ${result.role}: expected ${result.expected}, got ${result.actual} (${result.detail})`);
});

describe("the rules table", () => {
  for (const file of routeFiles) {
    it(`${file} has an access rule for what it exports`, () => {
      const cases = RULES[file];
      if (!cases) expect.fail(`no access rule for ${file}`);
      for (const handler of ["loader", "action"] as const) {
        const ruled = cases.some((c) => c[handler]);
        if (exported(file, handler) && !ruled) expect.fail(`no access rule for the ${handler} of ${file}`);
        if (!exported(file, handler) && ruled) expect.fail(`a rule for the ${handler} of ${file}, which exports none`);
      }
    });
  }

  it("has no rule for a route that no longer exists", () => {
    const stale = Object.keys(RULES).filter((file) => !routeFiles.includes(file));
    expect(stale, `rules for routes that no longer exist: ${stale.join(", ")}`).toEqual([]);
  });
});

function cases(handler: Handler) {
  for (const file of routeFiles) {
    if (!exported(file, handler)) continue;
    for (const c of RULES[file] ?? []) {
      const expectations = c[handler];
      if (!expectations) continue;
      const caseName = c.name ? ` [${c.name}]` : "";
      describe(`${file} ${handler}${caseName}`, () => {
        for (const role of ROLES) {
          const expected = expectations[role];
          it(`as ${role}: ${expected}`, async () => {
            if (expected === "noEffect" && !(c.state && handler === "action")) expect.fail(`${file}: "noEffect" needs an action case with a state function`);
            await c.prepare?.(f);
            const before = c.state && handler === "action" ? json(await c.state(f)) : null;
            const cookie = await cookieFor(role, c);
            const { result: answer, sql } = await statementsOf(() => call(file, handler, c, cookie));
            const writes = handler === "loader" ? sql.filter(changesState) : [];
            let actual = verdictOf(answer, handler);
            let detail = describeAnswer(answer);
            if (actual === "ok" && handler === "loader" && answer.status >= 200 && answer.status < 300) {
              const leak = leakIn(file, c, role, answer.text);
              if (leak) actual = `ok, but ${leak}`;
            }
            if (writes.length) actual = `${actual}, but changed data on GET: ${writes.map((write) => write.slice(0, 60)).join(" | ")}`;
            if (before !== null && expected !== "ok") {
              const after = json(await c.state!(f));
              if (after !== before) {
                actual = `${actual}, and changed data`;
                detail = `${detail}; before ${before}, after ${after}`;
              } else if (expected === "noEffect" && actual === "ok") actual = "noEffect";
            }
            results.push({ file, handler, caseName, role, expected, actual, detail });
            expect(actual, `${file} ${handler}${caseName} as ${role} answered ${detail}`).toBe(expected);
          });
        }
      });
    }
  }
}

describe("loaders", () => cases("loader"));
describe("actions", () => cases("action"));
