// Pocket-money jobs, the young person's side: postings (list, editor,
// overview), applying (who may, age and deadline on the day, one per
// posting), a guardian's consent under 15 by secret link, the guardian's
// page after hiring, following and withdrawing an application.
import { describe, expect, it } from "vitest";
import type { ApplicationStatus } from "../../app/generated/prisma/client.ts";
import { applicationSchema, type ApplicationInput } from "../../app/domain/jobs/application-schemas.ts";
import { ApplicationError, applyForJob, myJobs, withdrawApplication } from "../../app/domain/jobs/applications.server.ts";
import { answerGuardianConsent, guardianView, issueGuardianLink } from "../../app/domain/jobs/guardian.server.ts";
import { postingSchema, type PostingInput } from "../../app/domain/jobs/posting-schemas.ts";
import {
  createPosting,
  listOpenPostings,
  postingForEditing,
  publishedPosting,
  staffPostingOverview,
  updatePosting,
} from "../../app/domain/jobs/postings.server.ts";
import { setApplicationStatus } from "../../app/domain/jobs/status.server.ts";
import { addDaysToDay, copenhagenDay } from "../../app/domain/dates.ts";
import { db } from "../../app/lib/db.server.ts";
import { area, household } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

/** Wednesday 3 March 2027, 11:00 in Copenhagen. */
const NOW = new Date("2027-03-03T10:00:00Z");
const DEADLINE = "2027-03-20";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

async function jobType() {
  const code = `job-${unique()}`;
  return db.jobType.create({ data: { code, name: { da: "Legepatrulje", en: "Play patrol", ar: "دورية اللعب" }, icon: "star" } });
}

async function posting(input: { status?: "DRAFT" | "PUBLISHED" | "CLOSED"; minAge?: number; maxAge?: number; deadline?: string; title?: string } = {}) {
  const type = await jobType();
  const suffix = unique();
  return db.jobPosting.create({
    data: {
      slug: `job-${suffix}`,
      typeId: type.id,
      status: input.status ?? "PUBLISHED",
      title: { da: input.title ?? `Legepatrulje ${suffix}`, en: `Play patrol ${suffix}` },
      description: { da: "Sæt lege i gang på legepladsen." },
      hoursInfo: { da: "Mandag og onsdag kl. 15–17." },
      risks: { da: "Du er ude i al slags vejr." },
      workPlace: "Legepladsen",
      minAge: input.minAge ?? 13,
      maxAge: input.maxAge ?? 17,
      payOre: 4500,
      payUnit: "HOUR",
      positions: 4,
      applicationDeadline: new Date(`${input.deadline ?? DEADLINE}T00:00:00Z`),
      contactName: "Bysekretariatet",
      contactPhone: "+4520000021",
    },
  });
}

/** A young person's login (a YOUTH account, or a fresh sign-up, which starts as PARENT). */
async function youth(role: "YOUTH" | "PARENT" = "YOUTH") {
  const user = await createUser({ role, email: `young-${unique()}@example.dk`, firstName: "" });
  return { id: user.id, role: user.role, personId: user.personId, email: user.email! };
}

let homeArea: Awaited<ReturnType<typeof area>> | null = null;
async function values(over: Partial<ApplicationInput> = {}): Promise<ApplicationInput> {
  homeArea ??= await area({ name: "Glarbjergvej" });
  return {
    firstName: "Ali",
    lastName: "Hassan",
    birthDate: "2012-06-01", // 14 on NOW
    housingAreaId: homeArea.id,
    school: "Nørrevangsskolen",
    schoolClass: "8.a",
    finishedSchool: false,
    motivation: "Jeg passer tit mine små søskende og kan lide at lave lege.",
    availability: ["WEEKDAYS", "HOLIDAYS"],
    guardianName: "Samira Hassan",
    guardianPhone: undefined,
    guardianEmail: `samira-${unique()}@example.dk`,
    guardianLanguage: "ar",
    ...over,
  };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApplicationError)) throw new Error(`expected an ApplicationError, got ${String(error)}`);
  return error.code;
}

const linkToken = (body: string) => /\/guardian\/([a-z2-7]{32})/.exec(body)?.[1] ?? null;

/** The guardian page's data for a link that must be live (not expired, not replaced). */
async function openView(token: string, now: Date) {
  const view = await guardianView(token, now);
  if (!view || view.expired) throw new Error(`expected a live guardian link, got ${JSON.stringify(view)}`);
  return view;
}

async function consentToken(guardianEmail: string): Promise<string> {
  const message = await db.message.findFirstOrThrow({ where: { recipient: guardianEmail, template: "jobGuardianConsent" } });
  return linkToken(message.body)!;
}

describe("applying", () => {
  it("under 15: waits for a guardian, who gets a consent link; the young person gets a receipt", async () => {
    const job = await posting();
    const ali = await youth();
    const input = await values();
    const result = await applyForJob({ postingId: job.id, user: ali, values: input }, NOW);
    expect(result.status).toBe("AWAITING_GUARDIAN");

    const application = await db.jobApplication.findUniqueOrThrow({ where: { id: result.applicationId }, include: { events: true } });
    expect(application).toMatchObject({
      consentRequired: true,
      inSchool: true,
      school: "Nørrevangsskolen",
      schoolClass: "8.a",
      availability: ["WEEKDAYS", "HOLIDAYS"],
      guardianName: "Samira Hassan",
      guardianEmail: input.guardianEmail,
      guardianLanguage: "ar",
      guardianAnswerAt: null,
    });
    expect(application.events.map((event) => [event.status, event.byUserId, event.at.toISOString()])).toEqual([
      ["AWAITING_GUARDIAN", ali.id, NOW.toISOString()],
    ]);

    // The person now carries name, birth date and area.
    const person = await db.person.findUniqueOrThrow({ where: { id: ali.personId } });
    expect(person).toMatchObject({ firstName: "Ali", lastName: "Hassan", housingAreaId: input.housingAreaId });
    expect(person.birthDate?.toISOString().slice(0, 10)).toBe("2012-06-01");

    // The guardian's message, in Arabic, links to a page only its secret opens; only the hash is stored.
    const consent = await db.message.findFirstOrThrow({ where: { recipient: input.guardianEmail!, template: "jobGuardianConsent" } });
    expect(consent.language).toBe("ar");
    const token = linkToken(consent.body)!;
    expect(token).toBeTruthy();
    expect(application.guardianTokenHash).not.toContain(token);
    expect((await openView(token, NOW)).id).toBe(application.id);

    const receipt = await db.message.findFirstOrThrow({ where: { recipient: ali.email, template: "jobApplicationReceived" } });
    expect(receipt.body).toContain("/my/jobs");
    expect(await db.auditEvent.count({ where: { entityType: "JobApplication", entityId: application.id, action: "application.create" } })).toBe(1);
  });

  it("15 and over: received at once, no consent asked", async () => {
    const job = await posting();
    const emil = await youth();
    const input = await values({ birthDate: "2011-06-01" }); // 15
    const result = await applyForJob({ postingId: job.id, user: emil, values: input }, NOW);
    expect(result.status).toBe("RECEIVED");
    expect(await db.jobApplication.findUniqueOrThrow({ where: { id: result.applicationId } })).toMatchObject({ consentRequired: false });
    expect(await db.message.count({ where: { recipient: input.guardianEmail!, template: "jobGuardianConsent" } })).toBe(0);
    expect(await db.message.count({ where: { recipient: emil.email, template: "jobApplicationReceived" } })).toBe(1);
  });

  it("consent is needed up to the day before the 15th birthday, not on it", async () => {
    const job = await posting();
    const dayBefore = await applyForJob({ postingId: job.id, user: await youth(), values: await values({ birthDate: "2012-03-04" }) }, NOW);
    const onTheDay = await applyForJob({ postingId: job.id, user: await youth(), values: await values({ birthDate: "2012-03-03" }) }, NOW);
    expect([dayBefore.status, onTheDay.status]).toEqual(["AWAITING_GUARDIAN", "RECEIVED"]);
  });

  it("the age on the day of applying must be within the posting's range, and never under 13", async () => {
    const open = await posting({ minAge: 13, maxAge: 17 });
    const older = await posting({ minAge: 15, maxAge: 17 });
    const apply = async (postingId: string, birthDate: string) => applyForJob({ postingId, user: await youth(), values: await values({ birthDate }) }, NOW);
    // 13th birthday today: in; tomorrow: too young, whatever the posting says.
    expect((await apply(open.id, "2014-03-03")).status).toBe("AWAITING_GUARDIAN");
    expect(await refusal(apply(open.id, "2014-03-04"))).toBe("underThirteen");
    // 15-17: the day before the 15th birthday is too young; the birthday itself is fine.
    expect(await refusal(apply(older.id, "2012-03-04"))).toBe("tooYoung");
    expect((await apply(older.id, "2012-03-03")).status).toBe("RECEIVED");
    // 17 until the day before the 18th birthday.
    expect((await apply(open.id, "2009-03-04")).status).toBe("RECEIVED");
    expect(await refusal(apply(open.id, "2009-03-03"))).toBe("tooOld");
    expect(await db.jobApplication.count({ where: { postingId: { in: [open.id, older.id] } } })).toBe(3);
  });

  it("the deadline is a Copenhagen day: open until midnight, closed from the next day", async () => {
    const job = await posting({ deadline: "2027-03-10" });
    const lastMinute = new Date("2027-03-10T22:59:00Z"); // 23:59 in Copenhagen
    const nextDay = new Date("2027-03-10T23:00:00Z"); // 00:00 on the 11th in Copenhagen
    expect((await applyForJob({ postingId: job.id, user: await youth(), values: await values() }, lastMinute)).status).toBe("AWAITING_GUARDIAN");
    expect(await refusal(applyForJob({ postingId: job.id, user: await youth(), values: await values() }, nextDay))).toBe("deadlinePassed");
  });

  it("only published postings take applications", async () => {
    for (const status of ["DRAFT", "CLOSED"] as const) {
      const job = await posting({ status });
      expect(await refusal(applyForJob({ postingId: job.id, user: await youth(), values: await values() }, NOW))).toBe("postingClosed");
    }
    expect(await refusal(applyForJob({ postingId: "00000000-0000-0000-0000-000000000000", user: await youth(), values: await values() }, NOW))).toBe(
      "postingNotFound",
    );
  });

  it("one application per posting: a second is refused, and a double-tapped submit makes exactly one", async () => {
    const job = await posting();
    const ali = await youth();
    await applyForJob({ postingId: job.id, user: ali, values: await values() }, NOW);
    const error = await applyForJob({ postingId: job.id, user: ali, values: await values() }, NOW).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApplicationError);
    expect((error as ApplicationError).code).toBe("alreadyApplied");
    expect((error as ApplicationError).applicationId).toBeTruthy();

    const other = await posting();
    const sara = await youth();
    const input = await values();
    const results = await Promise.allSettled([1, 2, 3].map(() => applyForJob({ postingId: other.id, user: sara, values: input }, NOW)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const reasons = results.flatMap((result) => (result.status === "rejected" ? [(result.reason as ApplicationError).code] : []));
    expect(reasons).toEqual(["alreadyApplied", "alreadyApplied"]);
    expect(await db.jobApplication.count({ where: { postingId: other.id } })).toBe(1);
    expect(await db.message.count({ where: { recipient: input.guardianEmail!, template: "jobGuardianConsent" } })).toBe(1);
  });

  it("a fresh sign-up becomes a youth account; a guardian's account and staff cannot apply", async () => {
    const job = await posting();
    const fresh = await youth("PARENT");
    await applyForJob({ postingId: job.id, user: fresh, values: await values() }, NOW);
    expect((await db.user.findUniqueOrThrow({ where: { id: fresh.id } })).role).toBe("YOUTH");
    expect(await db.auditEvent.count({ where: { entityType: "User", entityId: fresh.id, action: "user.becameYouth" } })).toBe(1);

    const family = await household();
    const parent = { id: family.user!.id, role: "PARENT" as const, personId: family.guardian.id };
    expect(await refusal(applyForJob({ postingId: job.id, user: parent, values: await values() }, NOW))).toBe("guardianAccount");
    expect((await db.user.findUniqueOrThrow({ where: { id: parent.id } })).role).toBe("PARENT");

    const staff = await createUser({ role: "STAFF", email: `staff-${unique()}@example.dk` });
    expect(await refusal(applyForJob({ postingId: job.id, user: staff, values: await values() }, NOW))).toBe("notYoungPerson");
    expect(await db.jobApplication.count({ where: { postingId: job.id } })).toBe(1);
  });

  it("'I have finished school' only from 15; then the application is not in school", async () => {
    const job = await posting();
    expect(await refusal(applyForJob({ postingId: job.id, user: await youth(), values: await values({ finishedSchool: true }) }, NOW))).toBe(
      "finishedSchoolTooYoung",
    );
    const done = await applyForJob(
      { postingId: job.id, user: await youth(), values: await values({ birthDate: "2011-01-01", finishedSchool: true, school: "Gammel skole" }) },
      NOW,
    );
    expect(await db.jobApplication.findUniqueOrThrow({ where: { id: done.applicationId } })).toMatchObject({
      inSchool: false,
      school: null,
      schoolClass: null,
    });
  });
});

describe("the application form", () => {
  const form = (over: Record<string, unknown>) => ({
    firstName: "Ali",
    lastName: "Hassan",
    birthDate: "2012-06-01",
    housingAreaId: "6f1c2a47-6f5e-4a55-9a3c-3f0f5f0a8b11",
    school: "Nørrevangsskolen",
    schoolClass: "8.a",
    motivation: "Jeg kan lide børn.",
    availability: ["WEEKDAYS"],
    guardianName: "Samira",
    guardianPhone: "20 00 00 04",
    guardianLanguage: "da",
    ...over,
  });
  const errors = (over: Record<string, unknown>) => {
    const result = applicationSchema.safeParse(form(over));
    return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
  };

  it("accepts a complete form and normalises the guardian's number", () => {
    const parsed = applicationSchema.parse(form({}));
    expect(parsed.guardianPhone).toBe("+4520000004");
  });

  it("needs a reason of at most 1000 characters, a time one can work, and a way to reach a guardian", () => {
    expect(errors({ motivation: "x".repeat(1000) })).toEqual({});
    expect(errors({ motivation: "x".repeat(1001) })).toEqual({ motivation: "errors.motivationTooLong" });
    expect(errors({ motivation: "  " })).toEqual({ motivation: "errors.motivationRequired" });
    expect(errors({ availability: [] })).toEqual({ availability: "errors.availabilityRequired" });
    expect(errors({ guardianPhone: undefined })).toEqual({ guardianPhone: "errors.guardianContactRequired" });
    expect(errors({ guardianPhone: undefined, guardianEmail: "mor@example.dk" })).toEqual({});
    expect(errors({ guardianPhone: "123" })).toEqual({ guardianPhone: "errors.phoneInvalid" });
    expect(errors({ guardianName: undefined })).toEqual({ guardianName: "errors.guardianNameRequired" });
  });

  it("needs school and class unless one has finished school; a real birth date", () => {
    expect(errors({ school: undefined, schoolClass: undefined })).toEqual({ school: "errors.schoolRequired", schoolClass: "errors.schoolClassRequired" });
    expect(errors({ school: undefined, schoolClass: undefined, finishedSchool: true })).toEqual({});
    expect(errors({ birthDate: "2012-02-30" })).toEqual({ birthDate: "common:dates.invalid" });
  });
});

describe("a guardian's consent", () => {
  async function awaiting() {
    const job = await posting();
    const ali = await youth();
    const input = await values();
    const { applicationId } = await applyForJob({ postingId: job.id, user: ali, values: input }, NOW);
    return { applicationId, ali, token: await consentToken(input.guardianEmail!) };
  }
  const later = new Date(NOW.getTime() + 3_600_000);

  it("yes: the application is received and considered; the young person is told; a second answer changes nothing", async () => {
    const { applicationId, ali, token } = await awaiting();
    expect(await answerGuardianConsent(token, "confirm", later)).toBe("confirmed");
    const application = await db.jobApplication.findUniqueOrThrow({ where: { id: applicationId }, include: { events: { orderBy: { at: "asc" } } } });
    expect(application.status).toBe("RECEIVED");
    expect(application.guardianAnswerAt?.toISOString()).toBe(later.toISOString());
    expect(application.events.map((event) => event.status)).toEqual(["AWAITING_GUARDIAN", "RECEIVED"]);
    expect(await db.message.count({ where: { recipient: ali.email, template: "jobApplicationStatus" } })).toBe(1);

    expect(await answerGuardianConsent(token, "decline", new Date(later.getTime() + 60_000))).toBe("alreadyAnswered");
    const after = await db.jobApplication.findUniqueOrThrow({ where: { id: applicationId } });
    expect(after.status).toBe("RECEIVED");
    expect(after.guardianAnswerAt?.toISOString()).toBe(later.toISOString());
    expect((await openView(token, later)).status).toBe("RECEIVED");
  });

  it("no: declined, never considered", async () => {
    const { applicationId, token } = await awaiting();
    expect(await answerGuardianConsent(token, "decline", later)).toBe("declined");
    expect((await db.jobApplication.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("GUARDIAN_DECLINED");
  });

  it("two taps at once (yes and no): exactly one answer counts", async () => {
    const { applicationId, token } = await awaiting();
    const answers = await Promise.all([answerGuardianConsent(token, "confirm", later), answerGuardianConsent(token, "decline", later)]);
    expect(answers.filter((answer) => answer === "alreadyAnswered")).toHaveLength(1);
    const events = await db.applicationEvent.findMany({ where: { applicationId } });
    expect(events).toHaveLength(2);
  });

  it("an unknown, malformed or replaced link finds nothing", async () => {
    const { applicationId, token } = await awaiting();
    expect(await guardianView("a".repeat(32), NOW)).toBeNull();
    expect(await guardianView("not-a-token", NOW)).toBeNull();
    expect(await answerGuardianConsent("b".repeat(32), "confirm", NOW)).toBe("notFound");
    await issueGuardianLink(db, applicationId);
    expect(await guardianView(token, NOW)).toBeNull();
    expect(await answerGuardianConsent(token, "confirm", NOW)).toBe("notFound");
    expect((await db.jobApplication.findUniqueOrThrow({ where: { id: applicationId } })).status).toBe("AWAITING_GUARDIAN");
  });

  it("after hiring, the guardian's page shows the start, the role and the rules for the age — never shift times or places", async () => {
    const { applicationId, token, ali } = await awaiting();
    await answerGuardianConsent(token, "confirm", later);
    const application = await db.jobApplication.findUniqueOrThrow({ where: { id: applicationId } });
    await db.$transaction((tx) => setApplicationStatus(tx, { applicationId, status: "HIRED", byUserId: null, now: later, notify: false }));
    const employment = await db.employment.create({
      data: {
        applicationId,
        postingId: application.postingId,
        personId: ali.personId,
        role: "Legepatrulje-hjælper",
        startsOn: new Date("2027-02-01T00:00:00Z"),
      },
    });
    const next = await db.jobShift.create({
      data: {
        postingId: application.postingId,
        startsAt: new Date("2027-03-08T14:00:00Z"),
        endsAt: new Date("2027-03-08T16:00:00Z"),
        place: "Bag Vestergade 7, 2. sal (hemmeligt sted)",
      },
    });
    await db.shiftAssignment.create({ data: { shiftId: next.id, employmentId: employment.id } });
    const view = await openView(token, NOW);
    expect(view.employment).toMatchObject({ startsOn: "2027-02-01", role: "Legepatrulje-hjælper" });
    expect(view.posting.risks).toEqual({ da: "Du er ude i al slags vejr." });
    // 14 on NOW and in school: the limits a guardian agrees to.
    expect(view.rules).toMatchObject({ age: 14, inSchool: true, limits: { schoolDayMinutes: 120, schoolWeekMinutes: 720 } });
    // Nothing of the shifts: a forwarded link must not tell where and when the child will be.
    const text = JSON.stringify(view);
    expect(text).not.toContain("Vestergade");
    expect(text).not.toContain(next.startsAt.toISOString());
    expect(view).not.toHaveProperty("employment.upcoming");
  });
});

describe("following and withdrawing", () => {
  it("the young person sees each step with its date, and may withdraw an open application", async () => {
    const job = await posting();
    const ali = await youth();
    const input = await values({ birthDate: "2011-01-01" });
    const { applicationId } = await applyForJob({ postingId: job.id, user: ali, values: input }, NOW);
    const mine = await myJobs(ali.personId);
    expect(mine.applications).toHaveLength(1);
    expect(mine.applications[0]).toMatchObject({ id: applicationId, status: "RECEIVED", mayWithdraw: true });
    expect(mine.applications[0]!.events.map((event) => [event.status, event.at.toISOString()])).toEqual([["RECEIVED", NOW.toISOString()]]);

    const someoneElse = await youth();
    expect(await refusal(withdrawApplication({ applicationId, personId: someoneElse.personId, byUserId: someoneElse.id }, NOW))).toBe("applicationNotFound");
    expect(await refusal(withdrawApplication({ applicationId: "nonsense", personId: ali.personId, byUserId: ali.id }, NOW))).toBe("applicationNotFound");

    await withdrawApplication({ applicationId, personId: ali.personId, byUserId: ali.id }, new Date(NOW.getTime() + 60_000));
    const after = await myJobs(ali.personId);
    expect(after.applications[0]).toMatchObject({ status: "WITHDRAWN", mayWithdraw: false });
    expect(after.applications[0]!.events.map((event) => event.status)).toEqual(["RECEIVED", "WITHDRAWN"]);
    expect(await refusal(withdrawApplication({ applicationId, personId: ali.personId, byUserId: ali.id }, NOW))).toBe("cannotWithdraw");
  });

  it("a decided application cannot be withdrawn", async () => {
    const job = await posting();
    const ali = await youth();
    const { applicationId } = await applyForJob({ postingId: job.id, user: ali, values: await values({ birthDate: "2011-01-01" }) }, NOW);
    for (const status of ["HIRED"] as ApplicationStatus[]) {
      await db.$transaction((tx) => setApplicationStatus(tx, { applicationId, status, byUserId: null, notify: false }));
    }
    expect(await refusal(withdrawApplication({ applicationId, personId: ali.personId, byUserId: ali.id }, NOW))).toBe("cannotWithdraw");
  });
});

describe("postings", () => {
  const form = (over: Record<string, unknown> = {}): PostingInput =>
    postingSchema.parse({
      typeId: over.typeId,
      title: { da: "SoMe-reporter på biblioteket", en: "Social media reporter" },
      description: { da: "Fortæl om livet i boligområderne." },
      hoursInfo: { da: "Én vagt om ugen i sommerferien." },
      risks: { da: "Ingen særlige risici." },
      season: { da: "Sommerferien" },
      workPlace: "Randers Bibliotek",
      minAge: 13,
      maxAge: 17,
      pay: "150",
      payUnit: "SHIFT",
      positions: 2,
      applicationDeadline: DEADLINE,
      status: "DRAFT",
      contactName: "Birgit Holm",
      contactEmail: "birgit@example.dk",
      ...over,
    });

  it("the editor's form keeps ages within 13–17 and needs pay, contact and Danish texts", () => {
    const parse = (over: Record<string, unknown>) => {
      const result = postingSchema.safeParse({ ...form({ typeId: "6f1c2a47-6f5e-4a55-9a3c-3f0f5f0a8b11" }), pay: "150", ...over });
      return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}:${issue.message}`);
    };
    expect(parse({})).toEqual([]);
    expect(parse({ minAge: 12 })).toEqual(["minAge:jobs:errors.ageRange"]);
    expect(parse({ maxAge: 18 })).toEqual(["maxAge:jobs:errors.ageRange"]);
    expect(parse({ minAge: 16, maxAge: 15 })).toEqual(["maxAge:jobs:errors.ageOrder"]);
    expect(parse({ pay: "0" })).toEqual(["pay:jobs:errors.payInvalid"]);
    expect(parse({ pay: "52,50" })).toEqual([]);
    expect(parse({ contactEmail: undefined })).toEqual(["contactPhone:jobs:errors.contactRequired"]);
    expect(parse({ title: { da: "", en: "Reporter" } })).toEqual(["title.da:jobs:errors.titleRequired"]);
    expect(postingSchema.parse({ ...form({ typeId: "6f1c2a47-6f5e-4a55-9a3c-3f0f5f0a8b11" }), pay: "52,50" }).pay).toBe(5250);
  });

  it("staff create and edit a posting; both are audited; young people see it only once published", async () => {
    const type = await jobType();
    const staff = await createUser({ role: "STAFF", email: `staff-${unique()}@example.dk` });
    const created = await createPosting({ values: form({ typeId: type.id }), actorUserId: staff.id });
    expect(created.slug).toBe("some-reporter-paa-biblioteket");
    expect(await publishedPosting(created.slug)).toBeNull();

    const editing = await postingForEditing(created.id);
    expect(editing?.values).toMatchObject({ pay: "150", payUnit: "SHIFT", season: { da: "Sommerferien" }, applicationDeadline: DEADLINE });

    const { changed } = await updatePosting({
      postingId: created.id,
      values: form({ typeId: type.id, status: "PUBLISHED", pay: "175" }),
      actorUserId: staff.id,
    });
    expect(changed.sort()).toEqual(["payOre", "status"]);
    expect((await publishedPosting(created.slug))?.payOre).toBe(17500);
    const entries = await db.auditEvent.findMany({ where: { entityType: "JobPosting", entityId: created.id }, orderBy: { at: "asc" } });
    expect(entries.map((entry) => entry.action)).toEqual(["posting.create", "posting.update"]);
    expect(entries[1]!.before).toEqual({ payOre: 15000, status: "DRAFT" });

    // Nothing changed: nothing written.
    expect(
      (await updatePosting({ postingId: created.id, values: form({ typeId: type.id, status: "PUBLISHED", pay: "175" }), actorUserId: staff.id })).changed,
    ).toEqual([]);
    // The season can be cleared.
    await updatePosting({ postingId: created.id, values: form({ typeId: type.id, status: "PUBLISHED", pay: "175", season: {} }), actorUserId: staff.id });
    expect((await db.jobPosting.findUniqueOrThrow({ where: { id: created.id } })).season).toBeNull();
  });

  it("the list shows published postings whose deadline has not passed, optionally for one age", async () => {
    // Days as the list counts them, in Copenhagen (a UTC day was yesterday there between 23:00 and midnight UTC).
    const today = copenhagenDay(new Date());
    const day = (offset: number) => addDaysToDay(today, offset);
    const open = await posting({ deadline: day(5), minAge: 15 });
    const closingToday = await posting({ deadline: day(0) });
    const past = await posting({ deadline: day(-2) });
    const draft = await posting({ status: "DRAFT", deadline: day(5) });
    const ids = (await listOpenPostings()).map((row) => row.id);
    expect(ids).toEqual(expect.arrayContaining([open.id, closingToday.id]));
    expect(ids).not.toContain(past.id);
    expect(ids).not.toContain(draft.id);
    const forFourteen = (await listOpenPostings({ age: 14 })).map((row) => row.id);
    expect(forFourteen).toContain(closingToday.id);
    expect(forFourteen).not.toContain(open.id);
  });

  it("the staff overview counts applications per status and current employments", async () => {
    const job = await posting();
    await applyForJob({ postingId: job.id, user: await youth(), values: await values() }, NOW);
    await applyForJob({ postingId: job.id, user: await youth(), values: await values() }, NOW);
    await applyForJob({ postingId: job.id, user: await youth(), values: await values({ birthDate: "2011-01-01" }) }, NOW);
    const row = (await staffPostingOverview()).find((candidate) => candidate.id === job.id);
    expect(row?.counts).toEqual({ AWAITING_GUARDIAN: 2, RECEIVED: 1 });
    expect(row?.employments).toBe(0);
  });
});
