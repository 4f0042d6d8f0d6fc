// Programmes across terms (issue 17): Brandkadet runs three terms next to a
// football school of the same activity type. The Brandkadet milestone counts
// Brandkadet's terms only, a young person in two terms once; the report can
// be cut by programme and shows a programme table that stays protected.
import { copenhagenInstant } from "../../app/domain/dates.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { listMilestones, measureValue } from "../../app/domain/reporting/milestones.server.ts";
import { NO_PROGRAMME } from "../../app/domain/reporting/counts.ts";
import { loadReport, tablesOf } from "../../app/domain/reporting/report-data.server.ts";
import { parseReportQuery } from "../../app/domain/reporting/report-query.ts";
import { reportRelations } from "../../app/domain/reporting/report-tables.ts";
import { countParticipation } from "../../app/domain/reporting/report.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { recoverable } from "../setup/disclosure-reader.ts";

const PLAN = { from: "2025-01-01", to: "2029-12-31" };
let brandkadet = "";
let club = "";
const terms: Record<string, string> = {};

async function term(key: string, days: string[], programmeId: string | null) {
  const effort = await db.effortArea.upsert({ where: { code: "prog-effort" }, create: { code: "prog-effort", name: { da: "Fællesskab" } }, update: {} });
  const created = await db.activity.create({
    data: {
      slug: `prog-${key}`,
      typeId: club,
      effortAreaId: effort.id,
      programmeId,
      status: "PUBLISHED",
      title: { da: key },
      description: { da: key },
      place: "Brandstationen",
      requiresSignUp: false,
      sessions: { create: days.map((day) => ({ startsAt: copenhagenInstant(day, "16:00"), endsAt: copenhagenInstant(day, "18:00") })) },
    },
    include: { sessions: true },
  });
  terms[key] = created.id;
  return created.sessions;
}

async function youngPeople(prefix: string, n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push((await db.person.create({ data: { firstName: `${prefix}${i}`, lastName: "Kadet", birthDate: new Date("2012-04-04T00:00:00Z") } })).id);
  }
  return ids;
}

beforeAll(async () => {
  club = (await db.activityType.create({ data: { code: "prog-club", name: { da: "Klub og fællesskab" }, icon: "star" } })).id;
  brandkadet = (await db.programme.create({ data: { name: "Brandkadet" } })).id;
  const spring = await term("Brandkadet forår 2026", ["2026-03-03", "2026-03-10"], brandkadet);
  const autumn = await term("Brandkadet efterår 2026", ["2026-09-01"], brandkadet);
  const spring27 = await term("Brandkadet forår 2027", ["2027-03-02"], brandkadet);
  const football = await term("Fodboldskole", ["2026-06-01", "2026-06-02"], null);
  // Twelve cadets in spring; eight of them again in autumn, with four new ones; three new in spring 2027: 19 young people.
  const cadets = await youngPeople("Kadet", 19);
  const present = (sessionId: string, personIds: string[]) =>
    db.attendance.createMany({ data: personIds.map((personId) => ({ sessionId, personId, present: true, enrolled: false })) });
  for (const session of spring) await present(session.id, cadets.slice(0, 12));
  await present(autumn[0]!.id, [...cadets.slice(0, 8), ...cadets.slice(12, 16)]);
  await present(spring27[0]!.id, cadets.slice(16, 19));
  // The football school: 30 others, and two cadets.
  const footballers = await youngPeople("Fodbold", 30);
  for (const session of football) await present(session.id, [...footballers, cadets[0]!, cadets[1]!]);
  await db.milestone.create({
    data: {
      title: { da: "55 unge i Brandkadet i planperioden" },
      measure: "UNIQUE_PARTICIPANTS",
      target: 55,
      programmeId: brandkadet,
      startsOn: new Date("2025-01-01T00:00:00Z"),
      deadline: new Date("2029-12-31T00:00:00Z"),
    },
  });
  await db.milestone.create({
    data: {
      title: { da: "Alle i klubtypen" },
      measure: "UNIQUE_PARTICIPANTS",
      target: 100,
      activityTypeId: club,
      startsOn: new Date("2025-01-01T00:00:00Z"),
      deadline: new Date("2029-12-31T00:00:00Z"),
    },
  });
});

describe("the Brandkadet milestone", () => {
  it("counts Brandkadet's terms only, each young person once, not the football school of the same type", async () => {
    expect(await measureValue("UNIQUE_PARTICIPANTS", PLAN, { programmeId: brandkadet })).toBe(19);
    // The type counts the football school too: 19 + 30 (the two cadets who also played are already counted).
    expect(await measureValue("UNIQUE_PARTICIPANTS", PLAN, { activityTypeId: club })).toBe(49);
    const milestones = await listMilestones(new Date("2027-06-01T12:00:00Z"));
    const cadets = milestones.find((milestone) => milestone.scope.kind === "programme")!;
    expect(cadets).toMatchObject({ value: 19, target: 55, scope: { kind: "programme", id: brandkadet, name: { da: "Brandkadet" } } });
  });

  it("is shown with the programme's selection and with each of its terms' programme", async () => {
    const views = await listMilestones(new Date("2027-06-01T12:00:00Z"), { programmeId: brandkadet });
    expect(views.map((view) => view.scope.kind)).toEqual(["programme"]);
  });
});

describe("the report by programme", () => {
  it("has a row per programme and one for the activities in none", async () => {
    const counts = await countParticipation({ from: "2026-01-01", to: "2026-12-31" });
    const rows = Object.fromEntries(counts.perProgramme.map((row) => [row.programmeId, row]));
    // 2026: spring 12 + autumn 4 new = 16 cadets, attendances 24 + 12; the football school 32 people, 64 attendances.
    expect(rows[brandkadet]).toEqual({ programmeId: brandkadet, uniqueParticipants: 16, attendances: 36 });
    expect(rows[NO_PROGRAMME]).toEqual({ programmeId: NO_PROGRAMME, uniqueParticipants: 32, attendances: 64 });
  });

  it("can be cut by programme through the page's query", async () => {
    const query = parseReportQuery(new URLSearchParams({ kind: "plan", scope: "programme", scopeId: brandkadet }));
    const report = await loadReport(query, "da");
    expect(report.selection).toBe("Brandkadet");
    expect(report.counts.uniqueParticipants.total).toBe(19);
    expect(report.counts.perActivity.map((row) => row.activityId).sort()).toEqual(
      [terms["Brandkadet forår 2026"], terms["Brandkadet efterår 2026"], terms["Brandkadet forår 2027"]].sort(),
    );
  });

  it("shares the programme table with no hidden cell that can be worked out", async () => {
    const query = parseReportQuery(new URLSearchParams({ kind: "custom", from: "2027-01-01", to: "2027-12-31", mode: "shared" }));
    const report = await loadReport(query, "da");
    const shared = tablesOf(report, "shared");
    const programmes = shared.find((table) => table.id === "programmes")!;
    // Spring 2027: three cadets, under the threshold.
    expect(programmes.rows.map((row) => row.cells[0]!.kind)).toEqual(["small"]);
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
