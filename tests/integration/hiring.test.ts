// The staff pipeline for pocket-money jobs: interviews with an .ics, decisions,
// hiring (positions under concurrency, age on the start day, the guardian's
// written information), employments, the contract warning and the reference.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { copenhagenDay, addDaysToDay } from "../../app/domain/dates.ts";
import {
  contractDocument,
  employmentForStaff,
  employmentList,
  endEmployment,
  finishReference,
  referenceDocument,
  referenceFor,
  saveReference,
  setEmploymentInSchool,
} from "../../app/domain/jobs/employment.server.ts";
import { myInterviewCalendar } from "../../app/domain/jobs/interview-calendar.server.ts";
import { applicationForStaff, bookInterview, decideApplication, hire, postingApplications } from "../../app/domain/jobs/pipeline.server.ts";
import type { ApplicationStatus } from "../../app/generated/prisma/client.ts";
import { db } from "../../app/lib/db.server.ts";
import { deliverDueMessages } from "../../app/lib/messages/send.server.ts";
import { area } from "../setup/fixtures.ts";
import { createUser, lastMessageTo } from "../setup/helpers.ts";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;
const today = copenhagenDay(new Date());
/** A birth day that makes someone `age` years old `daysAfterBirthday` days after today's date. */
const bornYearsAgo = (age: number, shiftDays = 0) => {
  const [y, m, d] = addDaysToDay(today, shiftDays).split("-").map(Number) as [number, number, number];
  return `${y - age}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
};

async function posting(input: { positions?: number; minAge?: number; maxAge?: number } = {}) {
  const suffix = unique();
  const type = await db.jobType.create({ data: { code: `type-${suffix}`, name: { da: "Legepatrulje", en: "Play patrol" }, icon: "star" } });
  return db.jobPosting.create({
    data: {
      slug: `job-${suffix}`,
      typeId: type.id,
      status: "PUBLISHED",
      title: { da: "Legepatrulje", en: "Play patrol", ar: "دورية اللعب" },
      description: { da: "Sæt lege i gang på legepladsen." },
      hoursInfo: { da: "Mandag kl. 15–17." },
      risks: { da: "Du er ude i al slags vejr." },
      workPlace: "Legepladsen",
      minAge: input.minAge ?? 13,
      maxAge: input.maxAge ?? 17,
      payOre: 4500,
      payUnit: "HOUR",
      positions: input.positions ?? 2,
      applicationDeadline: new Date(`${addDaysToDay(today, 20)}T00:00:00Z`),
      contactName: "Mette Jensen",
      contactPhone: "+4520009999",
    },
  });
}

/** A young person with a login (e-mail) and their application. */
async function applicant(
  postingId: string,
  input: {
    status?: ApplicationStatus;
    birthDay?: string;
    areaId?: string;
    email?: string | null;
    phone?: string;
    guardianEmail?: string;
    consentRequired?: boolean;
    /** Under 15: a guardian said yes, and staff confirmed who they are (hiring needs both). */
    consentGiven?: boolean;
  } = {},
) {
  const suffix = unique();
  const email = input.email === undefined ? `ung-${suffix}@example.dk` : input.email;
  const person = await db.person.create({
    data: {
      firstName: `Ung${suffix}`,
      lastName: "Test",
      birthDate: new Date(`${input.birthDay ?? bornYearsAgo(15)}T00:00:00Z`),
      housingAreaId: input.areaId ?? null,
    },
  });
  const user = await db.user.create({ data: { personId: person.id, role: "YOUTH", email, phone: input.phone ?? null } });
  const application = await db.jobApplication.create({
    data: {
      postingId,
      personId: person.id,
      school: "Nørrevangsskolen",
      schoolClass: "8.a",
      motivation: "Jeg kan lide at lege.",
      availability: ["WEEKDAYS"],
      status: input.status ?? "RECEIVED",
      guardianName: "Forælder Test",
      guardianEmail: input.guardianEmail ?? `guardian-${suffix}@example.dk`,
      guardianTokenHash: randomBytes(32).toString("hex"),
      consentRequired: input.consentRequired ?? input.consentGiven ?? false,
      ...(input.consentGiven ? { guardianAnswerAt: new Date(), guardianIdentityMethod: "KNOWN_TO_US" as const, guardianIdentityAt: new Date() } : {}),
    },
  });
  return { person, user, application };
}

const staff = () => createUser({ role: "STAFF", email: `staff-${unique()}@example.dk` });
const hireInput = (applicationId: string, actorUserId: string, startsOn = today) => ({
  applicationId,
  startsOn,
  endsOn: null,
  role: "Legepatrulje-hjælper",
  inSchool: true,
  actorUserId,
});

describe("the list per posting", () => {
  it("keeps applications waiting for a guardian apart, and filters by status, age and area", async () => {
    const job = await posting();
    const [east, west] = [await area(), await area()];
    const a = await applicant(job.id, { areaId: east.id, birthDay: bornYearsAgo(15) });
    const b = await applicant(job.id, { areaId: west.id, birthDay: bornYearsAgo(16), status: "INTERVIEW" });
    const waiting = await applicant(job.id, { areaId: east.id, birthDay: bornYearsAgo(13), status: "AWAITING_GUARDIAN", consentRequired: true });
    const declined = await applicant(job.id, { areaId: east.id, birthDay: bornYearsAgo(13), status: "GUARDIAN_DECLINED", consentRequired: true });

    const all = (await postingApplications(job.id, {}))!;
    expect(all.considered.map((row) => row.id).sort()).toEqual([a.application.id, b.application.id].sort());
    expect(all.waitingForGuardian.map((row) => row.id).sort()).toEqual([waiting.application.id, declined.application.id].sort());
    expect(all.waitingForGuardian.find((row) => row.id === declined.application.id)?.consent).toBe("declined");
    // Even filtered by status, one waiting for a guardian is never "ready".
    expect((await postingApplications(job.id, { status: "AWAITING_GUARDIAN" }))!.considered).toEqual([]);
    expect((await postingApplications(job.id, { status: "INTERVIEW" }))!.considered.map((row) => row.id)).toEqual([b.application.id]);
    expect((await postingApplications(job.id, { age: 15 }))!.considered.map((row) => row.id)).toEqual([a.application.id]);
    const inWest = (await postingApplications(job.id, { areaId: west.id }))!;
    expect(inWest.considered.map((row) => row.id)).toEqual([b.application.id]);
    expect(inWest.waitingForGuardian).toEqual([]);
    expect(await postingApplications("not-an-id", {})).toBeNull();
  });
});

describe("interviews", () => {
  it("books an interview: status, timeline, audit, and an e-mail with the .ics attached", async () => {
    const job = await posting();
    const { application, person, user } = await applicant(job.id);
    const boss = await staff();
    const at = new Date(Date.now() + 3 * 86_400_000);
    await bookInterview({ applicationId: application.id, at, place: "Bysekretariatet, mødelokale 1", actorUserId: boss.id });

    const booked = await db.jobApplication.findUniqueOrThrow({ where: { id: application.id }, include: { events: true } });
    expect(booked).toMatchObject({ status: "INTERVIEW", interviewAt: at, interviewPlace: "Bysekretariatet, mødelokale 1" });
    expect(booked.events.map((event) => event.status)).toContain("INTERVIEW");
    expect(await db.auditEvent.count({ where: { entityId: application.id, action: "jobApplication.interviewBooked", actorUserId: boss.id } })).toBe(1);
    // One message (the booking, not also a plain status message).
    expect(await db.message.count({ where: { recipient: user.email! } })).toBe(1);

    await deliverDueMessages();
    const mail = await lastMessageTo(user.email!);
    expect(mail?.subject).toContain("Samtale om Legepatrulje");
    expect(mail?.body).toContain(`/my/jobs/interview/${application.id}.ics`);
    const attachments = mail?.attachments as { filename: string; contentType: string; content: string }[];
    expect(attachments).toHaveLength(1);
    expect(attachments[0]!.filename).toBe("samtale.ics");
    expect(attachments[0]!.contentType).toContain("text/calendar");
    expect(attachments[0]!.content).toContain("BEGIN:VEVENT");
    expect(attachments[0]!.content).toContain("Bysekretariatet");
    expect(attachments[0]!.content).toContain(`interview.${application.id}@aktivitetsportalen`);

    // The same calendar for its owner; nobody else.
    expect(await myInterviewCalendar(application.id, person.id, "da")).toContain("BEGIN:VEVENT");
    const other = await applicant(job.id);
    expect(await myInterviewCalendar(application.id, other.person.id, "da")).toBeNull();
  });

  it("moves a booked interview (INTERVIEW → INTERVIEW) and refuses one in the past", async () => {
    const job = await posting();
    const { application } = await applicant(job.id);
    const boss = await staff();
    await expect(bookInterview({ applicationId: application.id, at: new Date(Date.now() - 60_000), place: "Her", actorUserId: boss.id })).rejects.toMatchObject(
      {
        code: "interviewInPast",
      },
    );
    await bookInterview({ applicationId: application.id, at: new Date(Date.now() + 86_400_000), place: "Her", actorUserId: boss.id });
    const later = new Date(Date.now() + 2 * 86_400_000);
    await bookInterview({ applicationId: application.id, at: later, place: "Der", actorUserId: boss.id });
    expect(await db.jobApplication.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({
      status: "INTERVIEW",
      interviewAt: later,
      interviewPlace: "Der",
    });
    expect(await db.auditEvent.count({ where: { entityId: application.id, action: "jobApplication.interviewMoved" } })).toBe(1);
  });

  it("refuses an interview for an application still waiting for a guardian", async () => {
    const job = await posting();
    const { application } = await applicant(job.id, { status: "AWAITING_GUARDIAN", consentRequired: true });
    const boss = await staff();
    await expect(
      bookInterview({ applicationId: application.id, at: new Date(Date.now() + 86_400_000), place: "Her", actorUserId: boss.id }),
    ).rejects.toMatchObject({ code: "statusRefused" });
    expect((await db.jobApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("AWAITING_GUARDIAN");
  });
});

describe("decisions", () => {
  it("puts on the waiting list, then 'not this time', telling the young person each time; nothing after that", async () => {
    const job = await posting();
    const { application, user } = await applicant(job.id);
    const boss = await staff();
    await decideApplication({ applicationId: application.id, decision: "WAITING_LIST", actorUserId: boss.id });
    await decideApplication({ applicationId: application.id, decision: "REJECTED", actorUserId: boss.id });
    expect((await db.jobApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("REJECTED");
    expect(await db.message.count({ where: { recipient: user.email!, template: "jobApplicationStatus" } })).toBe(2);
    expect(await db.auditEvent.count({ where: { entityId: application.id, action: "jobApplication.decision" } })).toBe(2);
    await expect(decideApplication({ applicationId: application.id, decision: "WAITING_LIST", actorUserId: boss.id })).rejects.toMatchObject({
      code: "statusRefused",
    });
    await expect(hire(hireInput(application.id, boss.id), new Date())).rejects.toMatchObject({ code: "statusRefused" });
  });
});

describe("hiring", () => {
  it("creates the employment, marks HIRED and sends the guardian the written information in their language", async () => {
    const job = await posting();
    const { application, person, user } = await applicant(job.id, { guardianEmail: "mor-hire@example.dk" });
    const boss = await staff();
    const { employmentId } = await hire({ ...hireInput(application.id, boss.id), endsOn: addDaysToDay(today, 60) });

    const employment = await db.employment.findUniqueOrThrow({ where: { id: employmentId } });
    expect(employment).toMatchObject({ personId: person.id, postingId: job.id, role: "Legepatrulje-hjælper", inSchool: true });
    expect(employment.guardianInformedAt).not.toBeNull();
    expect((await db.jobApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("HIRED");
    expect(await db.message.count({ where: { recipient: user.email!, template: "jobApplicationStatus" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: employmentId, action: "employment.hire", entityType: "Employment" } })).toBe(1);

    const message = await db.message.findFirstOrThrow({ where: { recipient: "mor-hire@example.dk" } });
    expect(message.template).toBe("jobGuardianInformation");
    expect(message.body).toContain("Sæt lege i gang på legepladsen."); // the work
    expect(message.body).toContain("Mandag kl. 15–17."); // the hours
    expect(message.body).toMatch(/Løn: 45\skr\.\si timen/); // the pay
    expect(message.body).toContain("Du er ude i al slags vejr."); // the risks
    expect(message.body).toContain("Mette Jensen, +4520009999"); // the contact
    expect(message.body).toMatch(/\/guardian\/[a-z0-9]+/);
    // Not hired twice.
    await expect(hire(hireInput(application.id, boss.id))).rejects.toMatchObject({ code: "statusRefused" });
  });

  it("refuses when every position is taken by a current employment; an ended one frees its position", async () => {
    const job = await posting({ positions: 1 });
    const boss = await staff();
    const first = await applicant(job.id);
    const second = await applicant(job.id, { status: "WAITING_LIST" });
    const { employmentId } = await hire(hireInput(first.application.id, boss.id));
    await expect(hire(hireInput(second.application.id, boss.id))).rejects.toMatchObject({ code: "positionsFilled" });
    // Ending today still holds the position today; from tomorrow it is free.
    await endEmployment({ employmentId, lastDay: today, actorUserId: boss.id });
    await expect(hire(hireInput(second.application.id, boss.id))).rejects.toMatchObject({ code: "positionsFilled" });
    await hire(hireInput(second.application.id, boss.id, addDaysToDay(today, 1)));
    expect((await db.jobApplication.findUniqueOrThrow({ where: { id: second.application.id } })).status).toBe("HIRED");
  });

  it("staff hiring for the last position at the same moment: exactly one succeeds", async () => {
    const job = await posting({ positions: 1 });
    const bosses = await Promise.all([staff(), staff(), staff(), staff()]);
    const applicants = [];
    for (let i = 0; i < bosses.length; i++) applicants.push(await applicant(job.id));
    const results = await Promise.allSettled(applicants.map((who, i) => hire(hireInput(who.application.id, bosses[i]!.id))));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const refused of results.filter((result) => result.status === "rejected")) expect(refused.reason).toMatchObject({ code: "positionsFilled" });
    expect(await db.employment.count({ where: { postingId: job.id } })).toBe(1);
  });

  it("refuses under 13 on the start day, and outside the posting's age range; 13 on the birthday itself is fine", async () => {
    const job = await posting({ minAge: 13, maxAge: 15 });
    const boss = await staff();
    // Turns 13 tomorrow.
    const young = await applicant(job.id, { birthDay: bornYearsAgo(13, 1), consentGiven: true });
    await expect(hire(hireInput(young.application.id, boss.id, today))).rejects.toMatchObject({ code: "tooYoung", field: "startsOn" });
    await hire(hireInput(young.application.id, boss.id, addDaysToDay(today, 1)));
    // Turns 16 tomorrow: 15 today is in range, 16 tomorrow is not.
    const old = await applicant(job.id, { birthDay: bornYearsAgo(16, 1) });
    await expect(hire(hireInput(old.application.id, boss.id, addDaysToDay(today, 1)))).rejects.toMatchObject({ code: "outsideAgeRange" });
    await hire(hireInput(old.application.id, boss.id, today));
  });
});

describe("employments", () => {
  async function hired(options: { endsOn?: string | null } = {}) {
    const job = await posting();
    const boss = await staff();
    const who = await applicant(job.id);
    const { employmentId } = await hire({ ...hireInput(who.application.id, boss.id), endsOn: options.endsOn ?? null });
    return { job, boss, who, employmentId };
  }

  async function shift(postingId: string, employmentId: string, day: string, hours: number, confirmedMinutes?: number) {
    const startsAt = new Date(`${day}T13:00:00Z`);
    const created = await db.jobShift.create({
      data: { postingId, startsAt, endsAt: new Date(startsAt.getTime() + hours * 3_600_000), place: "Legepladsen" },
    });
    await db.shiftAssignment.create({
      data: {
        shiftId: created.id,
        employmentId,
        workedMinutes: confirmedMinutes ?? null,
        confirmedAt: confirmedMinutes === undefined ? null : new Date(),
      },
    });
  }

  it("warns that a written contract is needed once the planned shifts reach 8 hours a week over more than a month", async () => {
    const { job, employmentId } = await hired({ endsOn: addDaysToDay(today, 34) }); // 35 days: 5 weeks
    expect((await employmentForStaff(employmentId))!.contract.required).toBe(false);
    for (let week = 0; week < 5; week++) await shift(job.id, employmentId, addDaysToDay(today, week * 7), 7, week === 0 ? 420 : undefined);
    expect((await employmentForStaff(employmentId))!.contract).toMatchObject({ required: false, averageWeeklyMinutes: 420 });
    await shift(job.id, employmentId, addDaysToDay(today, 1), 5);
    const employment = (await employmentForStaff(employmentId))!;
    expect(employment.contract).toMatchObject({ required: true, averageWeeklyMinutes: 480 });
    expect(employment.hours).toMatchObject({ plannedMinutes: 2400, confirmedMinutes: 420 });
    expect((await employmentList()).current.find((row) => row.id === employmentId)?.contractRequired).toBe(true);
  });

  it("corrects the school flag with an audit entry, and ends the employment once, not before it started", async () => {
    const { boss, employmentId } = await hired();
    await setEmploymentInSchool({ employmentId, inSchool: false, actorUserId: boss.id });
    expect((await db.employment.findUniqueOrThrow({ where: { id: employmentId } })).inSchool).toBe(false);
    expect(await db.auditEvent.findFirst({ where: { entityId: employmentId, action: "employment.inSchool" } })).toMatchObject({
      before: { inSchool: true },
      after: { inSchool: false },
    });
    await expect(endEmployment({ employmentId, lastDay: addDaysToDay(today, -1), actorUserId: boss.id })).rejects.toMatchObject({ code: "lastDayBeforeStart" });
    await endEmployment({ employmentId, lastDay: addDaysToDay(today, -0), actorUserId: boss.id });
    await expect(endEmployment({ employmentId, lastDay: today, actorUserId: boss.id })).rejects.toMatchObject({ code: "alreadyEnded" });
    // Ended today: still current today, ended from tomorrow.
    expect((await employmentList()).current.map((row) => row.id)).toContain(employmentId);
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect((await employmentList(tomorrow)).ended.map((row) => row.id)).toContain(employmentId);
  });

  it("the reference: both texts needed to print, editable until printed, confirmed hours only, its owner and staff only", async () => {
    const { job, boss, who, employmentId } = await hired();
    await shift(job.id, employmentId, today, 2, 90);
    await shift(job.id, employmentId, addDaysToDay(today, 2), 2); // planned, not confirmed: does not count
    await expect(finishReference({ employmentId, actorUserId: boss.id })).rejects.toMatchObject({ code: "referenceIncomplete" });
    await saveReference({ employmentId, tasks: "Satte lege i gang.", statement: "Emil er pålidelig.", actorUserId: boss.id });
    // Not printed yet: nobody can open it.
    expect(await referenceFor(employmentId, { personId: who.person.id, isStaff: false })).toBeNull();
    await saveReference({ employmentId, tasks: "Satte lege i gang for de små.", statement: "Emil er pålidelig.", actorUserId: boss.id });
    await finishReference({ employmentId, actorUserId: boss.id });
    await expect(saveReference({ employmentId, tasks: "x", statement: "y", actorUserId: boss.id })).rejects.toMatchObject({ code: "referenceLocked" });

    const reference = (await referenceFor(employmentId, { personId: who.person.id, isStaff: false }))!;
    expect(reference).toMatchObject({ tasks: "Satte lege i gang for de små.", statement: "Emil er pålidelig.", confirmedMinutes: 90 });
    expect(reference.author?.email).toBe(boss.email);
    const stored = await db.employment.findUniqueOrThrow({ where: { id: employmentId } });
    expect(stored.referenceById).toBe(boss.id);
    expect(stored.referenceAt).not.toBeNull();
    // The texts stay out of the audit log.
    const entries = await db.auditEvent.findMany({ where: { entityId: employmentId } });
    expect(JSON.stringify(entries)).not.toContain("pålidelig");

    const stranger = await applicant(job.id);
    expect(await referenceFor(employmentId, { personId: stranger.person.id, isStaff: false })).toBeNull();
    expect(await referenceFor(employmentId, { personId: boss.personId, isStaff: true })).not.toBeNull();
  });

  // Issue 19, defect 9.
  it("the reference cannot be finished before an hour is confirmed, and says the job's name once when the role is named as the job", async () => {
    const { job, boss, employmentId } = await hired();
    await saveReference({ employmentId, tasks: "Satte lege i gang.", statement: "Emil er pålidelig.", actorUserId: boss.id });
    await shift(job.id, employmentId, addDaysToDay(today, 2), 2); // planned only
    await expect(finishReference({ employmentId, actorUserId: boss.id })).rejects.toMatchObject({ code: "referenceNoHours" });
    await shift(job.id, employmentId, today, 2, 90);
    const title = (await db.jobPosting.findUniqueOrThrow({ where: { id: job.id } })).title as { da: string };
    await db.employment.update({ where: { id: employmentId }, data: { role: title.da } });
    await finishReference({ employmentId, actorUserId: boss.id });
    const document = (await referenceDocument(employmentId, { personId: boss.personId, isStaff: true }, "da"))!;
    expect(document.intro[0]!.split(title.da)).toHaveLength(2); // named once
    expect(document.intro[0]).toContain(`i lommepengejobbet ${title.da}`);
  });

  // Issue 19, defect 14: a paper copy says when it was printed.
  it("the printed reference and contract carry the date and time they were printed, in the document's language", async () => {
    const { job, boss, employmentId } = await hired();
    await saveReference({ employmentId, tasks: "Satte lege i gang.", statement: "Emil er pålidelig.", actorUserId: boss.id });
    await shift(job.id, employmentId, today, 2, 90);
    await finishReference({ employmentId, actorUserId: boss.id });
    const now = new Date("2026-12-07T14:00:00Z");
    const reference = (await referenceDocument(employmentId, { personId: boss.personId, isStaff: true }, "da", now))!;
    expect(reference.printed).toBe("Udskrevet 7. december 2026 kl. 15.00");
    expect((await contractDocument(employmentId, "en", now))!.printed).toBe("Printed 7 December 2026 at 15:00");
  });

  it("shows the application to staff with its timeline and the positions left", async () => {
    const job = await posting({ positions: 2 });
    const { application } = await applicant(job.id);
    const boss = await staff();
    await bookInterview({ applicationId: application.id, at: new Date(Date.now() + 86_400_000), place: "Her", actorUserId: boss.id });
    const shown = (await applicationForStaff(application.id))!;
    expect(shown.events.map((event) => event.status)).toEqual(["INTERVIEW"]);
    expect(shown.positionsLeft).toBe(2);
    expect(shown.motivation).toBe("Jeg kan lide at lege.");
    expect(await applicationForStaff("nope")).toBeNull();
  });
});
