// Issue 16: a child cannot consent for themselves. What decides consent and
// the work-time limits is not the young person's to change — a recorded
// birth date stays (staff or a guardian correct it, audited); the consent
// goes to the guardian the household names, else staff confirm who the
// guardian is before hiring; guardian links expire after 14 days, staff can
// send a new one, and the page shows no shift times or places. Also the
// young person's own interview .ics and its sibling calendar links.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { addDaysToDay, copenhagenDay } from "../../app/domain/dates.ts";
import { applicationSchemaFor, type ApplicationInput } from "../../app/domain/jobs/application-schemas.ts";
import { applyForJob } from "../../app/domain/jobs/applications.server.ts";
import { correctBirthDate } from "../../app/domain/jobs/birth-date.server.ts";
import { answerGuardianConsent, guardianView } from "../../app/domain/jobs/guardian.server.ts";
import { bookInterview, confirmGuardianIdentity, decideApplication, hire, resendGuardianLink } from "../../app/domain/jobs/pipeline.server.ts";
import { withdrawApplication } from "../../app/domain/jobs/applications.server.ts";
import { saveChild } from "../../app/domain/households/household.server.ts";
import { createCalendarFeed } from "../../app/domain/enrolment/calendar.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { createUserSession } from "../../app/lib/session.server.ts";
import * as guardianRoute from "../../app/routes/guardian.$token.tsx";
import * as interviewRoute from "../../app/routes/my.jobs.interview.$applicationId[.ics].tsx";
import * as signUpCalendarRoute from "../../app/routes/my.calendar.$signUpId[.ics].tsx";
import * as feedRoute from "../../app/routes/calendar.$token[.ics].tsx";
import * as staffApplicationRoute from "../../app/routes/staff.jobs.applications.$applicationId.tsx";
import { activity, area, household, jobPosting, signUpFamily } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;
const today = copenhagenDay(new Date());
const DAY = 86_400_000;
/** A birth day that makes someone `age` today. */
const bornYearsAgo = (age: number) => `${Number(today.slice(0, 4)) - age}${today.slice(4)}`;

/** A young person's own login, with a birth date already recorded (or none). */
async function youth(birthDate: string | null) {
  const email = `young-${unique()}@example.dk`;
  const user = await createUser({ role: "YOUTH", email, firstName: "Ali" });
  if (birthDate) await db.person.update({ where: { id: user.personId }, data: { birthDate: new Date(`${birthDate}T00:00:00Z`) } });
  return { id: user.id, role: user.role, personId: user.personId, email };
}

/** A young person who is a child in a household whose guardian has a login (e-mail). */
async function youthInHousehold(birthDate: string) {
  const family = await household({ children: [{ firstName: "Ali", birthDate }] });
  const child = family.children[0]!;
  const email = `young-${unique()}@example.dk`;
  const user = await db.user.create({ data: { personId: child.id, role: "YOUTH", email } });
  return { family, young: { id: user.id, role: user.role, personId: child.id, email } };
}

let homeArea: string | null = null;
async function values(over: Partial<ApplicationInput> = {}): Promise<ApplicationInput> {
  homeArea ??= (await area()).id;
  return {
    firstName: "Ali",
    lastName: "Hassan",
    birthDate: undefined,
    housingAreaId: homeArea,
    school: "Nørrevangsskolen",
    schoolClass: "8.a",
    finishedSchool: false,
    motivation: "Jeg kan lide at lave lege.",
    availability: ["WEEKDAYS"],
    guardianName: "Samira Hassan",
    guardianPhone: undefined,
    guardianEmail: `typed-${unique()}@example.dk`,
    guardianLanguage: "da",
    ...over,
  };
}

const linkToken = (body: string) => /\/guardian\/([a-z2-7]{32})/.exec(body)?.[1] ?? null;
async function lastLinkTo(recipient: string): Promise<string> {
  const message = await db.message.findFirstOrThrow({
    where: { recipient, template: { in: ["jobGuardianConsent", "jobGuardianInformation"] } },
    orderBy: { createdAt: "desc" },
  });
  return linkToken(message.body)!;
}

const staff = () => createUser({ role: "STAFF", email: `staff-${unique()}@example.dk` });
const hireInput = (applicationId: string, actorUserId: string) => ({
  applicationId,
  startsOn: today,
  endsOn: null,
  role: "Hjælper",
  inSchool: true,
  actorUserId,
});

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!error || typeof error !== "object" || !("code" in error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return String(error.code);
}

/** Calls a route loader as the browser would, with the user's session cookie (none: anonymous). */
async function load(route: { loader: (args: LoaderFunctionArgs) => Promise<unknown> }, path: string, params: Record<string, string>, userId?: string) {
  const headers = new Headers();
  if (userId) headers.set("Cookie", (await createUserSession(userId)).split(";")[0]!);
  try {
    return await route.loader({ request: new Request(`http://localhost${path}`, { headers }), params, context: { clientIp: "127.0.0.1", cspNonce: "" } });
  } catch (thrown) {
    return thrown;
  }
}

describe("a birth date once recorded", () => {
  it("is the one that counts: an older one sent with the application is ignored, and it still needs consent", async () => {
    const job = await jobPosting();
    const born = bornYearsAgo(14);
    const ali = await youth(born);
    // 14, but says 16: that would need no consent and allow longer days.
    const { applicationId, status } = await applyForJob({ postingId: job.id, user: ali, values: await values({ birthDate: bornYearsAgo(16) }) });
    expect(status).toBe("AWAITING_GUARDIAN");
    expect(await db.jobApplication.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ consentRequired: true });
    expect((await db.person.findUniqueOrThrow({ where: { id: ali.personId } })).birthDate?.toISOString().slice(0, 10)).toBe(born);
  });

  it("is shown, not asked: the form refuses a different one with a translated message, and needs none", async () => {
    const schema = applicationSchemaFor({ birthDate: "2012-06-01", guardian: false });
    const form = { ...(await values()), availability: ["WEEKDAYS"] };
    expect(schema.safeParse({ ...form, birthDate: undefined }).success).toBe(true);
    expect(schema.safeParse({ ...form, birthDate: "2012-06-01" }).success).toBe(true);
    const changed = schema.safeParse({ ...form, birthDate: "2010-01-01" });
    expect(changed.success).toBe(false);
    expect(changed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([["birthDate", "errors.birthDateLocked"]]);
  });

  it("is recorded by the first application, and kept by the next", async () => {
    const born = bornYearsAgo(15);
    const emil = await youth(null);
    await applyForJob({ postingId: (await jobPosting()).id, user: emil, values: await values({ birthDate: born }) });
    await applyForJob({ postingId: (await jobPosting()).id, user: emil, values: await values({ birthDate: "2000-01-01" }) });
    expect((await db.person.findUniqueOrThrow({ where: { id: emil.personId } })).birthDate?.toISOString().slice(0, 10)).toBe(born);
  });

  it("is corrected by staff, audited; under 15 on applying, the application then waits for a guardian, who is asked", async () => {
    const ali = await youth(bornYearsAgo(16));
    const { applicationId } = await applyForJob({ postingId: (await jobPosting()).id, user: ali, values: await values() });
    const before = await db.jobApplication.findUniqueOrThrow({ where: { id: applicationId } });
    expect(before).toMatchObject({ status: "RECEIVED", consentRequired: false });
    const boss = await staff();

    const corrected = bornYearsAgo(14);
    await correctBirthDate({ applicationId, birthDate: corrected, actorUserId: boss.id });
    const after = await db.jobApplication.findUniqueOrThrow({ where: { id: applicationId } });
    expect(after).toMatchObject({ status: "AWAITING_GUARDIAN", consentRequired: true });
    expect(await db.message.count({ where: { recipient: before.guardianEmail!, template: "jobGuardianConsent" } })).toBe(1);
    const entry = await db.auditEvent.findFirstOrThrow({ where: { entityType: "Person", entityId: ali.personId, action: "person.birthDateCorrected" } });
    expect(entry).toMatchObject({ actorUserId: boss.id, after: { birthDate: corrected } });
    expect(await refusal(hire(hireInput(applicationId, boss.id)))).toBe("statusRefused");

    // Back to 15 while it waits: received again, no consent needed.
    await correctBirthDate({ applicationId, birthDate: bornYearsAgo(15), actorUserId: boss.id });
    expect(await db.jobApplication.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ status: "RECEIVED", consentRequired: false });
    expect(await refusal(correctBirthDate({ applicationId, birthDate: addDaysToDay(today, 1), actorUserId: boss.id }))).toBe("birthDateInFuture");
  });

  it("is corrected by a guardian on their child's page, audited, with the same re-check", async () => {
    const { family, young } = await youthInHousehold(bornYearsAgo(15));
    const { applicationId, status } = await applyForJob({ postingId: (await jobPosting()).id, user: young, values: await values() });
    expect(status).toBe("RECEIVED");
    const child = family.children[0]!;
    await saveChild({ id: family.user!.id, personId: family.guardian.id }, child.id, {
      firstName: child.firstName,
      lastName: child.lastName,
      birthDate: bornYearsAgo(14),
      housingAreaId: homeArea!,
      photoConsent: null,
    });
    expect(await db.jobApplication.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({ status: "AWAITING_GUARDIAN", consentRequired: true });
    expect(await db.auditEvent.count({ where: { entityType: "Person", entityId: child.id, action: "person.update", actorUserId: family.user!.id } })).toBe(1);
    expect(await db.message.count({ where: { recipient: family.guardian.email!, template: "jobGuardianConsent" } })).toBe(1);
  });
});

describe("whom the consent goes to", () => {
  it("the guardian the household names, at their recorded address — not the contact the young person typed", async () => {
    const { family, young } = await youthInHousehold(bornYearsAgo(14));
    const typed = await values();
    const { applicationId } = await applyForJob({ postingId: (await jobPosting()).id, user: young, values: typed });
    expect(await db.message.count({ where: { recipient: typed.guardianEmail!, template: "jobGuardianConsent" } })).toBe(0);
    expect(await db.message.count({ where: { recipient: family.guardian.email!, template: "jobGuardianConsent" } })).toBe(1);
    expect(await db.jobApplication.findUniqueOrThrow({ where: { id: applicationId } })).toMatchObject({
      guardianPersonId: family.guardian.id,
      guardianEmail: family.guardian.email,
      guardianName: `${family.guardian.firstName} ${family.guardian.lastName}`,
    });
  });

  it("the form asks for no guardian then: an empty guardian section is accepted", () => {
    const schema = applicationSchemaFor({ birthDate: "2012-06-01", guardian: true });
    const parsed = schema.safeParse({
      firstName: "Ali",
      lastName: "Hassan",
      housingAreaId: "6f1c2a47-6f5e-4a55-9a3c-3f0f5f0a8b11",
      school: "Skolen",
      schoolClass: "8.a",
      motivation: "Jeg kan lide børn.",
      availability: ["WEEKDAYS"],
    });
    expect(parsed.success).toBe(true);
  });
});

describe("hiring under 15", () => {
  it("is refused until a guardian has said yes and staff have confirmed who that guardian is (a typed contact)", async () => {
    const ali = await youth(bornYearsAgo(14));
    const typed = await values();
    const { applicationId } = await applyForJob({ postingId: (await jobPosting()).id, user: ali, values: typed });
    const boss = await staff();
    // Staff cannot skip the guardian: waiting for the answer, it cannot even be hired.
    expect(await refusal(hire(hireInput(applicationId, boss.id)))).toBe("statusRefused");

    // The one who answered the typed contact says yes: that may be the young person themselves.
    expect(await answerGuardianConsent(await lastLinkTo(typed.guardianEmail!), "confirm")).toBe("confirmed");
    expect(await refusal(hire(hireInput(applicationId, boss.id)))).toBe("guardianNotConfirmed");
    expect(await db.employment.count({ where: { applicationId } })).toBe(0);

    await confirmGuardianIdentity({ applicationId, method: "PHONE_CALL", actorUserId: boss.id });
    const audited = await db.auditEvent.findFirstOrThrow({ where: { entityId: applicationId, action: "jobApplication.guardianIdentityConfirmed" } });
    expect(audited).toMatchObject({ actorUserId: boss.id, after: { method: "PHONE_CALL", by: boss.id } });
    await hire(hireInput(applicationId, boss.id));
    expect(await db.employment.count({ where: { applicationId } })).toBe(1);
  });

  it("a guardian the household names needs no confirmation; there is nothing to confirm", async () => {
    const { family, young } = await youthInHousehold(bornYearsAgo(14));
    const { applicationId } = await applyForJob({ postingId: (await jobPosting()).id, user: young, values: await values() });
    const boss = await staff();
    expect(await refusal(confirmGuardianIdentity({ applicationId, method: "KNOWN_TO_US", actorUserId: boss.id }))).toBe("guardianAlreadyKnown");
    expect(await answerGuardianConsent(await lastLinkTo(family.guardian.email!), "confirm")).toBe("confirmed");
    await hire(hireInput(applicationId, boss.id));
    expect(await db.employment.count({ where: { applicationId } })).toBe(1);
  });
});

describe("the guardian's link", () => {
  async function awaiting() {
    const ali = await youth(bornYearsAgo(14));
    const typed = await values();
    const { applicationId } = await applyForJob({ postingId: (await jobPosting()).id, user: ali, values: typed });
    return { applicationId, email: typed.guardianEmail!, token: await lastLinkTo(typed.guardianEmail!) };
  }

  it("expires after 14 days: the page says so and nothing else, and an answer is refused", async () => {
    const { applicationId, token } = await awaiting();
    const sent = (await db.jobApplication.findUniqueOrThrow({ where: { id: applicationId } })).guardianTokenExpiresAt!;
    expect(sent.getTime() - Date.now()).toBeGreaterThan(14 * DAY - 60_000);
    expect(sent.getTime() - Date.now()).toBeLessThanOrEqual(14 * DAY);
    expect(await guardianView(token, new Date(sent.getTime() - 1))).toMatchObject({ expired: false });
    expect(await guardianView(token, sent)).toMatchObject({ expired: true });
    expect(await answerGuardianConsent(token, "confirm", sent)).toBe("expired");
    expect((await db.jobApplication.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("AWAITING_GUARDIAN");

    // The page itself, once the date has passed: expired, and not a word about the child or the job.
    await db.jobApplication.update({ where: { id: applicationId }, data: { guardianTokenExpiresAt: new Date(Date.now() - 1000) } });
    const page = await load(guardianRoute, `/guardian/${token}?lng=da`, { token });
    expect(page).toMatchObject({ expired: true, contact: { phone: expect.any(String) } });
    expect(JSON.stringify(page)).not.toMatch(/Ali|Legepatrulje|Legepladsen/);
  });

  it("staff send a new one: a new secret for 14 days, the old one stops working, audited", async () => {
    const { applicationId, email, token } = await awaiting();
    await db.jobApplication.update({ where: { id: applicationId }, data: { guardianTokenExpiresAt: new Date(Date.now() - 1000) } });
    const boss = await staff();
    await resendGuardianLink({ applicationId, actorUserId: boss.id });
    const fresh = await lastLinkTo(email);
    expect(fresh).not.toBe(token);
    expect(await guardianView(token)).toBeNull();
    expect(await guardianView(fresh)).toMatchObject({ expired: false, id: applicationId });
    expect(await db.auditEvent.count({ where: { entityId: applicationId, action: "jobApplication.guardianLinkSent", actorUserId: boss.id } })).toBe(1);
    expect(await answerGuardianConsent(fresh, "confirm")).toBe("confirmed");
    // Nothing left to decide and not hired: nothing to send.
    expect(await refusal(resendGuardianLink({ applicationId, actorUserId: boss.id }))).toBe("noGuardianLink");
  });

  it("shows what the guardian decides on, never the shift times or places", async () => {
    const { applicationId, token } = await awaiting();
    await answerGuardianConsent(token, "confirm");
    const boss = await staff();
    await confirmGuardianIdentity({ applicationId, method: "IN_PERSON", actorUserId: boss.id });
    const { employmentId } = await hire(hireInput(applicationId, boss.id));
    const application = await db.jobApplication.findUniqueOrThrow({ where: { id: applicationId }, select: { postingId: true, guardianEmail: true } });
    const startsAt = new Date(Date.now() + 3 * DAY);
    const shift = await db.jobShift.create({
      data: { postingId: application.postingId, startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000), place: "Bag Vestergade 7, kælderen" },
    });
    await db.shiftAssignment.create({ data: { shiftId: shift.id, employmentId } });
    // The information link sent on hiring.
    const link = await lastLinkTo(application.guardianEmail!);
    const page = (await load(guardianRoute, `/guardian/${link}?lng=da`, { token: link })) as Record<string, unknown>;
    expect(page).toMatchObject({ expired: false, employment: { role: "Hjælper" }, rules: { age: 14, inSchool: true } });
    const text = JSON.stringify(page);
    expect(text).not.toContain("Vestergade");
    expect(text).not.toContain(startsAt.toISOString());
  });
});

describe("calendar files", () => {
  it("a young person's interview .ics works wherever their timeline links it: booked, after hiring, and called off", async () => {
    const ali = await youth(bornYearsAgo(16));
    const { applicationId } = await applyForJob({ postingId: (await jobPosting()).id, user: ali, values: await values() });
    const boss = await staff();
    const at = new Date(Date.now() + 2 * DAY);
    await bookInterview({ applicationId, at, place: "Ejendomskontoret", actorUserId: boss.id });
    const path = `/my/jobs/interview/${applicationId}.ics`;
    const get = (userId?: string) => load(interviewRoute, path, { applicationId }, userId) as Promise<Response>;

    const booked = await get(ali.id);
    expect(booked.status).toBe(200);
    expect(booked.headers.get("Content-Type")).toContain("text/calendar");
    const ics = await booked.text();
    expect(ics).toMatch(/BEGIN:VCALENDAR[\s\S]*BEGIN:VEVENT[\s\S]*END:VEVENT[\s\S]*END:VCALENDAR/);
    expect(ics).toContain(`UID:interview.${applicationId}@aktivitetsportalen`);
    expect(ics).toContain(`DTSTART:${at.toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`);
    expect(ics).toContain("LOCATION:Ejendomskontoret");
    expect(ics).toContain("STATUS:CONFIRMED");

    // After the interview the young person is hired: the timeline still links the interview, and the file is there.
    await hire(hireInput(applicationId, boss.id));
    expect((await get(ali.id)).status).toBe(200);

    // Someone else — another young person, a parent, staff — gets 404; nobody signed in is sent to sign in.
    const other = await youth(bornYearsAgo(16));
    expect(((await get(other.id)) as Response).status).toBe(404);
    expect(((await get(boss.id)) as Response).status).toBe(404);
    expect(((await get()) as Response).headers.get("Location")).toContain("/login");
  });

  it("an interview called off before its time is cancelled in the calendar; none booked: 404", async () => {
    const ali = await youth(bornYearsAgo(16));
    const { applicationId } = await applyForJob({ postingId: (await jobPosting()).id, user: ali, values: await values() });
    const path = `/my/jobs/interview/${applicationId}.ics`;
    expect(((await load(interviewRoute, path, { applicationId }, ali.id)) as Response).status).toBe(404);
    const boss = await staff();
    await bookInterview({ applicationId, at: new Date(Date.now() + 2 * DAY), place: "Kontoret", actorUserId: boss.id });
    await withdrawApplication({ applicationId, personId: ali.personId, byUserId: ali.id });
    const cancelled = (await load(interviewRoute, path, { applicationId }, ali.id)) as Response;
    expect(cancelled.status).toBe(200);
    expect(await cancelled.text()).toContain("STATUS:CANCELLED");

    const other = await youth(bornYearsAgo(16));
    const second = await applyForJob({ postingId: (await jobPosting()).id, user: other, values: await values() });
    await bookInterview({ applicationId: second.applicationId, at: new Date(Date.now() + 2 * DAY), place: "Kontoret", actorUserId: boss.id });
    await decideApplication({ applicationId: second.applicationId, decision: "REJECTED", actorUserId: boss.id });
    const rejected = (await load(
      interviewRoute,
      `/my/jobs/interview/${second.applicationId}.ics`,
      { applicationId: second.applicationId },
      other.id,
    )) as Response;
    expect(await rejected.text()).toContain("STATUS:CANCELLED");
  });

  it("the siblings: a sign-up's .ics and the household feed answer with a VEVENT to their owner only", async () => {
    const family = await household({ children: [{ firstName: "Astrid" }] });
    const other = await household();
    const club = await activity({ title: "Fodbold" });
    const { signUpId } = await signUpFamily(club.id, family);
    const path = `/my/calendar/${signUpId}.ics`;
    const mine = (await load(signUpCalendarRoute, path, { signUpId }, family.user!.id)) as Response;
    expect(mine.status).toBe(200);
    expect(await mine.text()).toMatch(/BEGIN:VEVENT[\s\S]*SUMMARY:Fodbold – Astrid[\s\S]*END:VEVENT/);
    expect(((await load(signUpCalendarRoute, path, { signUpId }, other.user!.id)) as Response).status).toBe(404);

    const feed = await createCalendarFeed(family.id);
    const token = /\/calendar\/([a-z2-7]+)\.ics$/.exec(feed)![1]!;
    const answer = (await load(feedRoute, feed, { token })) as Response;
    expect(answer.status).toBe(200);
    expect(await answer.text()).toMatch(/BEGIN:VEVENT[\s\S]*Astrid[\s\S]*END:VEVENT/);
    expect(((await load(feedRoute, "/calendar/x.ics", { token: "a".repeat(32) })) as Response).status).toBe(404);
  });
});

describe("the same mistake elsewhere", () => {
  it("'I have finished school' is the young person's word: the hire form does not take it as staff's choice", async () => {
    const emil = await youth(bornYearsAgo(16));
    const { applicationId } = await applyForJob({ postingId: (await jobPosting()).id, user: emil, values: await values({ finishedSchool: true }) });
    const boss = await staff();
    const page = (await load(staffApplicationRoute, `/staff/jobs/applications/${applicationId}`, { applicationId }, boss.id)) as {
      defaults: { hire: { inSchool: string } };
    };
    expect(page.defaults.hire.inSchool).toBe("");
    // Still in school by their own word: the stricter limits are the default.
    const ali = await youth(bornYearsAgo(16));
    const second = await applyForJob({ postingId: (await jobPosting()).id, user: ali, values: await values() });
    const other = (await load(staffApplicationRoute, `/staff/jobs/applications/${second.applicationId}`, { applicationId: second.applicationId }, boss.id)) as {
      defaults: { hire: { inSchool: string } };
    };
    expect(other.defaults.hire.inSchool).toBe("yes");
  });
});
