// The report's counting against a fixture whose answers are worked out by
// hand (the working is in the comments): overlapping siblings, one child in
// three activities, a move between areas, a cancellation before the camp,
// a waiting list, a drop-in, a head-count event, an activity outside the
// selection, sessions outside the period and a cancelled session.
//
// Period: 3rd quarter 2025 (1 July – 30 September). Ages on 1 July 2025.
import { copenhagenInstant } from "../../app/domain/dates.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { countJobs, countParticipation, UNKNOWN, type Counts } from "../../app/domain/reporting/report.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { loadReport, tablesOf } from "../../app/domain/reporting/report-data.server.ts";
import { parseReportQuery } from "../../app/domain/reporting/report-query.ts";
import { reportRelations } from "../../app/domain/reporting/report-tables.ts";
import { recoverable } from "../setup/disclosure-reader.ts";
import { recordMove } from "../../app/domain/households/area-history.server.ts";

const Q3 = { from: "2025-07-01", to: "2025-09-30" };
const at = (day: string, time = "15:00") => copenhagenInstant(day, time);

type Ids = Record<string, string>;
const area: Ids = {};
const person: Ids = {};
const household: Ids = {};
const activity: Ids = {};
const session: Ids = {};
let effortInScope = "";

async function makeActivity(key: string, typeCode: string, effortAreaId: string, days: { day: string; cancelled?: boolean }[]) {
  const type = await db.activityType.create({ data: { code: typeCode, name: { da: typeCode }, icon: "star" } });
  const created = await db.activity.create({
    data: {
      slug: `report-${key}`,
      typeId: type.id,
      effortAreaId,
      status: "PUBLISHED",
      title: { da: key },
      description: { da: key },
      place: "Fælleshuset",
      sessions: {
        create: days.map(({ day, cancelled }) => ({ startsAt: at(day), endsAt: at(day, "17:00"), cancelledAt: cancelled ? at("2025-06-01") : null })),
      },
    },
    include: { sessions: true },
  });
  activity[key] = created.id;
  for (const s of created.sessions) session[`${key} ${s.startsAt.toISOString().slice(0, 10)}`] = s.id;
}

async function enrol(
  activityKey: string,
  personKey: string,
  householdKey: string,
  areaKey: string,
  times: { confirmed?: string; cancelled?: string; waitlisted?: string },
) {
  const signUp = await db.signUp.create({
    data: {
      activityId: activity[activityKey]!,
      householdId: household[householdKey]!,
      idempotencyKey: `${activityKey}-${personKey}`,
      consentPersonId: person[personKey]!,
      consentAt: at("2025-05-01"),
      consentVersion: "test",
    },
  });
  await db.enrolment.create({
    data: {
      signUpId: signUp.id,
      activityId: activity[activityKey]!,
      personId: person[personKey]!,
      householdId: household[householdKey]!,
      housingAreaId: area[areaKey]!,
      status: times.cancelled ? "CANCELLED" : times.confirmed ? "CONFIRMED" : "WAITING",
      confirmedAt: times.confirmed ? at(times.confirmed, "12:00") : null,
      cancelledAt: times.cancelled ? at(times.cancelled, "12:00") : null,
      cancelReason: times.cancelled ? "BY_GUARDIAN" : null,
      waitlistedAt: times.waitlisted ? at(times.waitlisted, "12:00") : null,
    },
  });
}

async function attend(sessionKey: string, personKey: string, areaKey: string, present = true) {
  await db.attendance.create({ data: { sessionId: session[sessionKey]!, personId: person[personKey]!, housingAreaId: area[areaKey]!, present } });
}

beforeAll(async () => {
  for (const [key, isPlanArea] of [
    ["A", true],
    ["B", true],
    ["O", false],
  ] as const) {
    area[key] = (await db.housingArea.create({ data: { code: `report-${key}`, name: key, isPlanArea } })).id;
  }
  const people: [string, string | null, "FEMALE" | "MALE" | null, string][] = [
    // key, birth date, gender, housing area now
    ["S1", "2015-03-10", "FEMALE", "A"], // 10 → 6–12
    ["S2", "2019-07-02", "MALE", "A"], // turns 6 the day after the period starts → 0–5
    ["M", "2012-06-30", "MALE", "B"], // turned 13 the day before → 13–17; moved from B to A on 15 July (below)
    ["Z", "2010-01-01", null, "O"], // 15 → 13–17, lives outside the plan areas
    ["G4", null, "FEMALE", "A"], // a mother on the family course, no birth date → unknown
    ["Q", "2018-01-01", "FEMALE", "A"], // 7 → 6–12
  ];
  for (const [key, birthDate, gender, areaKey] of people) {
    person[key] = (
      await db.person.create({
        data: { firstName: key, lastName: "Report", birthDate: birthDate ? new Date(`${birthDate}T00:00:00Z`) : null, gender, housingAreaId: area[areaKey]! },
      })
    ).id;
  }
  await recordMove({ personIds: [person.M!], areaId: area.A!, from: "2025-07-15", actorUserId: null });
  const homes: [string, [string, "GUARDIAN" | "CHILD"][]][] = [
    [
      "H1",
      [
        ["S1", "CHILD"],
        ["S2", "CHILD"],
      ],
    ],
    ["H2", [["M", "CHILD"]]],
    ["H3", [["Z", "CHILD"]]],
    [
      "H4",
      [
        ["G4", "GUARDIAN"],
        ["Q", "CHILD"],
      ],
    ],
  ];
  for (const [key, members] of homes) {
    household[key] = (
      await db.household.create({ data: { members: { create: members.map(([personKey, role]) => ({ personId: person[personKey]!, role })) } } })
    ).id;
  }

  const inScope = await db.effortArea.create({ data: { code: "report-in", name: { da: "I" } } });
  const outOfScope = await db.effortArea.create({ data: { code: "report-out", name: { da: "U" } } });
  effortInScope = inScope.id;
  // Homework café: three sessions in the period, one cancelled, one before and one after.
  await makeActivity("H", "report-homework", inScope.id, [
    { day: "2025-06-30" },
    { day: "2025-07-07" },
    { day: "2025-08-04" },
    { day: "2025-09-01" },
    { day: "2025-09-08", cancelled: true },
    { day: "2025-10-06" },
  ]);
  // Camp: no attendance taken, so its enrolled people count as participants.
  await makeActivity("C", "report-camp", inScope.id, [{ day: "2025-08-11" }, { day: "2025-08-12" }, { day: "2025-08-13" }]);
  // Family course.
  await makeActivity("F", "report-family", inScope.id, [{ day: "2025-09-06" }, { day: "2025-09-20" }]);
  // Public event: head-counts only.
  await makeActivity("V", "report-event", inScope.id, [{ day: "2025-08-23" }]);
  // Outside the selection (another effort area).
  await makeActivity("X", "report-other", outOfScope.id, [{ day: "2025-07-10" }]);

  await enrol("H", "S1", "H1", "A", { confirmed: "2025-06-01" });
  await enrol("H", "S2", "H1", "A", { confirmed: "2025-06-01" });
  await enrol("H", "M", "H2", "B", { confirmed: "2025-06-01" });
  await enrol("C", "S1", "H1", "A", { confirmed: "2025-05-01" });
  await enrol("C", "S2", "H1", "A", { confirmed: "2025-05-01", cancelled: "2025-08-01" }); // gave up the place before the camp
  await enrol("C", "M", "H2", "A", { confirmed: "2025-07-15" });
  await enrol("C", "Z", "H3", "O", { waitlisted: "2025-07-20" }); // waits, never gets a place
  await enrol("F", "G4", "H4", "A", { confirmed: "2025-08-15" });
  await enrol("F", "Q", "H4", "A", { confirmed: "2025-08-15" });
  await enrol("F", "M", "H2", "A", { confirmed: "2025-08-15" });

  await attend("H 2025-06-30", "S1", "A"); // before the period
  await attend("H 2025-07-07", "S1", "A");
  await attend("H 2025-07-07", "S2", "A");
  await attend("H 2025-07-07", "M", "B");
  await attend("H 2025-08-04", "S1", "A");
  await attend("H 2025-08-04", "S2", "A", false); // absent
  await attend("H 2025-08-04", "M", "A"); // after the move
  await attend("H 2025-09-01", "S1", "A");
  await attend("H 2025-09-01", "M", "A");
  await attend("H 2025-09-01", "Z", "O"); // drop-in without enrolment
  await attend("F 2025-09-06", "G4", "A");
  await attend("F 2025-09-06", "Q", "A");
  await attend("F 2025-09-06", "M", "A");
  await attend("F 2025-09-20", "Q", "A");
  await attend("F 2025-09-20", "M", "A", false);
  await attend("X 2025-07-10", "S1", "A");
  await attend("H 2025-10-06", "S1", "A"); // after the period

  await db.headCount.createMany({
    data: [
      { sessionId: session["V 2025-08-23"]!, housingAreaId: area.A!, adults: 10, children: 14 },
      { sessionId: session["V 2025-08-23"]!, housingAreaId: null, adults: 3, children: 2 },
    ],
  });
});

const byKey = (record: Record<string, number>) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [Object.keys(area).find((key) => area[key] === k) ?? k, v]));

describe("participation report, effort area in scope, 3rd quarter 2025", () => {
  let counts: Counts;
  beforeAll(async () => {
    counts = await countParticipation(Q3, { effortAreaId: effortInScope });
  });

  it("counts sessions held: H 3 (not the cancelled one, nor those outside the period), C 3, F 2, V 1", () => {
    expect(counts.sessionsHeld).toBe(9);
    expect(counts.activitiesHeld).toBe(4);
  });

  it("counts enrolments as places held at a session: H 3, C 2 (S2 cancelled before the camp), F 3", () => {
    expect(counts.enrolments.total).toBe(8);
    expect(byKey(counts.enrolments.byArea)).toEqual({ A: 7, B: 1 });
    expect(counts.enrolments.byAge).toEqual({ "6-12": 3, "0-5": 1, "13-17": 3, unknown: 1 });
  });

  it("counts waiting-list entries and cancellations in the period", () => {
    expect(counts.waitingList.total).toBe(1);
    expect(byKey(counts.waitingList.byArea)).toEqual({ O: 1 });
    expect(counts.cancellations.total).toBe(1);
    expect(byKey(counts.cancellations.byArea)).toEqual({ A: 1 });
  });

  it("counts attendances: H 3 + 2 + 3, F 3 + 1; absences and other periods and activities left out", () => {
    expect(counts.attendances.total).toBe(12);
    expect(byKey(counts.attendances.byArea)).toEqual({ A: 10, B: 1, O: 1 });
  });

  it("counts each person once across activities, under the area of their first participation", () => {
    // S1, S2, M, Z (homework café), S1 and M (camp, by enrolment), G4, Q, M (family course): 6 people.
    expect(counts.uniqueParticipants.total).toBe(6);
    // M first took part on 7 July, recorded in B; Z lives outside the plan areas.
    expect(byKey(counts.uniqueParticipants.byArea)).toEqual({ A: 4, B: 1, O: 1 });
    expect(counts.uniqueParticipants.byAge).toEqual({ "6-12": 2, "0-5": 1, "13-17": 2, unknown: 1 });
    expect(counts.uniqueParticipants.byGender).toEqual({ FEMALE: 3, MALE: 2, [UNKNOWN]: 1 });
    expect(counts.moved).toBe(1);
  });

  it("counts households: H1 (siblings), H2, H3, H4 (mother and daughter)", () => {
    expect(counts.uniqueHouseholds.total).toBe(4);
    expect(byKey(counts.uniqueHouseholds.byArea)).toEqual({ A: 2, B: 1, O: 1 });
  });

  it("counts unique people per activity, which add up to more than the total", () => {
    const per = Object.fromEntries(counts.perActivity.map((row) => [Object.keys(activity).find((key) => activity[key] === row.activityId), row]));
    expect(per.H).toMatchObject({ uniqueParticipants: 4, attendances: 8, enrolments: 3, sessionsHeld: 3 });
    expect(per.C).toMatchObject({ uniqueParticipants: 2, attendances: 0, enrolments: 2, cancellations: 1, waitingList: 1, sessionsHeld: 3 });
    expect(per.F).toMatchObject({ uniqueParticipants: 3, attendances: 4, enrolments: 3, sessionsHeld: 2 });
    expect(per.V).toMatchObject({ uniqueParticipants: 0, headCountAdults: 13, headCountChildren: 16, sessionsHeld: 1 });
    expect(per.X).toBeUndefined();
  });

  it("counts unique people per month", () => {
    // July: S1, S2, M. August: S1, M (café), S1, M (camp). September: S1, M, Z, G4, Q.
    expect(counts.perMonth).toEqual([
      { month: "2025-07", uniqueParticipants: 3, attendances: 3 },
      { month: "2025-08", uniqueParticipants: 2, attendances: 2 },
      { month: "2025-09", uniqueParticipants: 5, attendances: 7 },
    ]);
  });

  it("keeps head-counts apart, by area", () => {
    expect(counts.headCounts).toEqual({ adults: 13, children: 16, byArea: { [area.A!]: { adults: 10, children: 14 }, [UNKNOWN]: { adults: 3, children: 2 } } });
  });
});

describe("participation report, other selections", () => {
  it("over everything adds the other activity's attendance but not a new person", async () => {
    const counts = await countParticipation(Q3);
    expect(counts.attendances.total).toBe(13);
    expect(counts.uniqueParticipants.total).toBe(6);
    expect(counts.sessionsHeld).toBe(10);
  });

  it("for the camp alone counts its enrolled people, as it took no attendance", async () => {
    const counts = await countParticipation(Q3, { activityId: activity.C! });
    expect(counts.uniqueParticipants.total).toBe(2);
    expect(byKey(counts.uniqueParticipants.byArea)).toEqual({ A: 2 });
    expect(counts.enrolments.total).toBe(2);
  });

  it("counts unique people per month in every month of the longest period allowed (months past the 64th too)", async () => {
    // 2020-01 … 2025-12: 72 months; July–September 2025 are months 67–69. Same figures as the quarter alone.
    const counts = await countParticipation({ from: "2020-01-01", to: "2025-12-31" }, { effortAreaId: effortInScope });
    expect(counts.perMonth.filter((row) => row.month >= "2025-07" && row.month <= "2025-09")).toEqual([
      { month: "2025-07", uniqueParticipants: 3, attendances: 3 },
      { month: "2025-08", uniqueParticipants: 2, attendances: 2 },
      { month: "2025-09", uniqueParticipants: 5, attendances: 7 },
    ]);
  });

  it("for a period with nothing in it counts nothing", async () => {
    const counts = await countParticipation({ from: "2024-01-01", to: "2024-03-31" });
    expect(counts.uniqueParticipants.total).toBe(0);
    expect(counts.perMonth).toEqual([]);
  });

  it("puts the move in the next period under the new area", async () => {
    const counts = await countParticipation({ from: "2025-08-01", to: "2025-08-31" }, { effortAreaId: effortInScope });
    // August: S1 and M at the café (both recorded in A) and at the camp.
    expect(byKey(counts.uniqueParticipants.byArea)).toEqual({ A: 2 });
    expect(counts.moved).toBe(0);
  });
});

describe("the shared report holds against arithmetic", () => {
  it.each([
    ["the quarter, everything", "period=custom&from=2025-07-01&to=2025-09-30"],
    ["the quarter, the effort area", () => `period=custom&from=2025-07-01&to=2025-09-30&scope=effortArea:${effortInScope}`],
    ["August", "period=custom&from=2025-08-01&to=2025-08-31"],
  ])("%s: no hidden cell can be worked out from the rest", async (_, search) => {
    const query = parseReportQuery(new URLSearchParams(typeof search === "string" ? search : search()), new Date("2026-01-15T12:00:00Z"));
    const report = await loadReport(query, "da");
    const shared = tablesOf(report, "shared");
    const hidden = shared.flatMap((table) => table.rows.flatMap((row) => row.cells)).filter((cell) => cell.kind !== "value");
    expect(hidden.length).toBeGreaterThan(0); // the fixture's numbers are small: there is something to protect
    const relations = reportRelations(report.counts, report.jobs, report.names, report.min);
    expect(
      recoverable(
        shared.map((table) => table.rows),
        relations,
        report.min,
      ),
    ).toEqual([]);
  });
});

describe("jobs report", () => {
  it("counts applicants, employed young people, and confirmed shifts and hours", async () => {
    const type = await db.jobType.create({ data: { code: "report-job", name: { da: "Job" }, icon: "star" } });
    const posting = await db.jobPosting.create({
      data: {
        slug: "report-job",
        typeId: type.id,
        title: { da: "Job" },
        description: { da: "Job" },
        hoursInfo: { da: "" },
        risks: { da: "" },
        workPlace: "Her",
        payOre: 5000,
        positions: 2,
        applicationDeadline: new Date("2025-08-01T00:00:00Z"),
        contactName: "Jonas",
      },
    });
    const apply = (personKey: string, createdAt: string, status: "RECEIVED" | "HIRED") =>
      db.jobApplication.create({
        data: {
          postingId: posting.id,
          personId: person[personKey]!,
          motivation: "…",
          status,
          guardianName: "G",
          guardianTokenHash: `hash-${personKey}`,
          consentRequired: false,
          createdAt: at(createdAt),
        },
      });
    await apply("Z", "2025-07-02", "HIRED");
    await apply("M", "2025-06-20", "RECEIVED"); // applied before the period
    const zApplication = await db.jobApplication.findFirstOrThrow({ where: { personId: person.Z! } });
    const employment = await db.employment.create({
      data: { applicationId: zApplication.id, postingId: posting.id, personId: person.Z!, role: "Job", startsOn: new Date("2025-08-01T00:00:00Z") },
    });
    const shift = (day: string) => db.jobShift.create({ data: { postingId: posting.id, startsAt: at(day, "15:00"), endsAt: at(day, "17:00"), place: "Her" } });
    const worked = await shift("2025-08-04");
    const unconfirmed = await shift("2025-08-06");
    const later = await shift("2025-10-01");
    await db.shiftAssignment.create({ data: { shiftId: worked.id, employmentId: employment.id, workedMinutes: 105 } });
    await db.shiftAssignment.create({ data: { shiftId: unconfirmed.id, employmentId: employment.id } });
    await db.shiftAssignment.create({ data: { shiftId: later.id, employmentId: employment.id, workedMinutes: 120 } });

    const jobs = await countJobs(Q3);
    expect(jobs.applicants.total).toBe(1);
    expect(byKey(jobs.applicants.byArea)).toEqual({ O: 1 });
    expect(jobs.employed.total).toBe(1);
    expect(jobs.employed.byAge).toEqual({ "13-17": 1 });
    expect(jobs.shiftsWorked).toBe(1);
    expect(jobs.minutesWorked).toBe(105);
  });
});

describe("milestones", () => {
  it("measure progress with the report's counting and judge it", async () => {
    const { listMilestones, saveMilestone, saveMilestoneNote } = await import("../../app/domain/reporting/milestones.server.ts");
    const staff = await db.user.create({
      data: { person: { create: { firstName: "Staff", lastName: "Report" } }, role: "STAFF", email: "report-staff@example.dk" },
    });
    const base = { startsOn: "2025-07-01", deadline: "2025-09-30", scope: { effortAreaId: effortInScope } };
    const reached = await saveMilestone({ ...base, title: { da: "6 børn" }, measure: "UNIQUE_PARTICIPANTS", target: 6 }, staff.id);
    const short = await saveMilestone({ ...base, title: { da: "5 familier" }, measure: "UNIQUE_HOUSEHOLDS", target: 5 }, staff.id);
    // Halfway through a longer milestone: 4 activities held of 8 by a deadline a year after the start.
    const halfway = await saveMilestone(
      {
        startsOn: "2025-07-01",
        deadline: "2026-06-30",
        scope: { effortAreaId: effortInScope },
        title: { da: "8 aktiviteter" },
        measure: "ACTIVITIES_HELD",
        target: 8,
      },
      staff.id,
    );
    await saveMilestoneNote({ milestoneId: short, period: Q3, text: "  Færre familier end ventet.  " }, staff.id);

    const views = await listMilestones(new Date("2025-12-30T12:00:00Z"));
    const byId = new Map(views.map((view) => [view.id, view]));
    expect(byId.get(reached)).toMatchObject({ value: 6, progress: { judgement: "reached" } });
    expect(byId.get(short)).toMatchObject({
      value: 4,
      progress: { judgement: "behind" },
      notes: [{ periodStart: "2025-07-01", text: "Færre familier end ventet." }],
    });
    // 1 July – 30 December is 183 of 365 days: the line stands at floor(8 × 183/365) = 4; 4 activities held.
    expect(byId.get(halfway)).toMatchObject({ value: 4, progress: { judgement: "onTrack", expectedByNow: 4 } });
    expect(await db.auditEvent.count({ where: { entityType: "Milestone" } })).toBe(4);
  });
});

describe("milestones of a selection", () => {
  it("include those set on activities inside it", async () => {
    const { listMilestones, saveMilestone } = await import("../../app/domain/reporting/milestones.server.ts");
    const staff = await db.user.create({
      data: { person: { create: { firstName: "Staff", lastName: "Scope" } }, role: "STAFF", email: "scope-staff@example.dk" },
    });
    const onCamp = await saveMilestone(
      { startsOn: "2025-07-01", deadline: "2025-09-30", scope: { activityId: activity.C! }, title: { da: "Camp" }, measure: "ENROLMENTS", target: 2 },
      staff.id,
    );
    const onOther = await saveMilestone(
      { startsOn: "2025-07-01", deadline: "2025-09-30", scope: { activityId: activity.X! }, title: { da: "X" }, measure: "ENROLMENTS", target: 2 },
      staff.id,
    );
    const ids = (await listMilestones(new Date("2025-12-30T12:00:00Z"), { effortAreaId: effortInScope })).map((view) => view.id);
    expect(ids).toContain(onCamp);
    expect(ids).not.toContain(onOther);
  });
});
