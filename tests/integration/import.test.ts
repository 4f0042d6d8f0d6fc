// Bringing in the existing lists (issue 17): a spreadsheet of 200 existing
// participants in Windows-1252 with duplicates, bad dates and children
// already in the register, checked, dry-run, imported in one transaction and
// undone; undo refused once something was added; past participation per day,
// named and counted, landing in the area of the list.
import { copenhagenInstant } from "../../app/domain/dates.ts";
import { describe, expect, it } from "vitest";
import { addWalkIn } from "../../app/domain/attendance/attendance.server.ts";
import { signUp } from "../../app/domain/enrolment/sign-up.server.ts";
import { addedSince, createDraft, saveMapping, undoImport } from "../../app/domain/register/import/batches.server.ts";
import { ImportError, importSpreadsheet } from "../../app/domain/register/import/import.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { activity, area, key } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";
import { childrenSheet, SHEET_HEADINGS, toDanishCsv, windows1252 } from "../setup/spreadsheets.ts";

async function imported(batchId: string) {
  const [people, households, members, claims, attendance, headCounts, sessions] = await Promise.all([
    db.person.count({ where: { importBatchId: batchId } }),
    db.household.count({ where: { importBatchId: batchId } }),
    db.householdMember.count({ where: { household: { importBatchId: batchId } } }),
    db.householdInvitation.count({ where: { household: { importBatchId: batchId }, kind: "CLAIM" } }),
    db.attendance.count({ where: { importBatchId: batchId } }),
    db.headCount.count({ where: { importBatchId: batchId } }),
    db.activitySession.count({ where: { importBatchId: batchId } }),
  ]);
  return { people, households, members, claims, attendance, headCounts, sessions };
}

describe("importing households and children", () => {
  it("200 rows in Windows-1252: errors by row, duplicates in the file and in the register, dry run = import, one batch, undone", async () => {
    const staff = await createUser({ role: "STAFF", email: "import-staff@example.dk" });
    const vangdalen = await area({ name: "Vangdalen Import" });
    const glarbjerg = await area({ name: "Import Glarbjergvej-området" });
    const sheet = childrenSheet({ rows: 200, duplicateEvery: 20, badDateEvery: 25, areas: ["Vangdalen Import", "Import Glarbjergvej"], seed: 7 });
    // Three children of the file are in the register already (written differently: case, hyphen, a full date of the same year).
    const known = [sheet.rows[3]!, sheet.rows[50]!, sheet.rows[101]!];
    for (const row of known) {
      await db.person.create({
        data: { firstName: row[0]!.toUpperCase(), lastName: row[1]!.toLowerCase(), birthDate: new Date(`${row[2]!.slice(6)}-01-01T00:00:00Z`) },
      });
    }
    // A row with a bad area, one with a bad phone, one without a name: each refused with its own words.
    sheet.rows.push(["Noor", "Ukendt", "01-01-2015", "Pige", "Jennumparken", "", "", ""]);
    sheet.rows.push(["Bilal", "Forkert", "01-01-2015", "Dreng", "", "Hassan Forkert", "1234", ""]);
    sheet.rows.push(["", "Navnløs", "2015", "", "", "", "", ""]);
    const file = windows1252(toDanishCsv(SHEET_HEADINGS, sheet.rows));
    expect(file.includes(0xf8)).toBe(true); // ø as one byte: really Windows-1252

    const draftId = await createDraft({ bytes: file, fileName: "deltagere.csv", kind: "people", activityId: null, actorUserId: staff.id });
    const dry = await importSpreadsheet({ source: { batchId: draftId }, dryRun: true, actorUserId: staff.id });
    expect(dry.mapping).toEqual(["firstName", "lastName", "birthDate", "gender", "area", "guardianName", "guardianPhone", "guardianEmail"]);
    expect(dry.missing).toEqual([]);
    expect(await db.person.count({ where: { importBatchId: draftId } })).toBe(0);

    const errors = dry.rows.filter((row) => row.status === "error");
    expect(errors.length).toBe(sheet.badDates + 3);
    // Row numbers as the sheet shows them (headings are row 1).
    expect(errors.find((row) => row.problems.some((problem) => problem.code === "badDate"))!.row).toBe(25 + 1);
    expect(errors.map((row) => row.problems.map((problem) => problem.code)).slice(-3)).toEqual([["unknownArea"], ["badPhone"], ["missingName"]]);
    // A row of the file typed twice whose child is in the register is a match both times.
    const knownRows = sheet.rows.filter((row) => known.some((k) => k[0] === row[0] && k[1] === row[1] && k[2]!.slice(6) === row[2]!.slice(6))).length;
    expect(knownRows).toBeGreaterThan(3);
    expect(dry.summary.matched).toBe(knownRows);
    expect(dry.rows.find((row) => row.row === 4 + 1)).toMatchObject({ status: "match", match: { birthYear: Number(known[0]![2]!.slice(6)) } });
    expect(dry.summary.sameInFile).toBe(sheet.duplicates - (knownRows - 3));
    expect(dry.rows.filter((row) => row.status === "sameAsRow").every((row) => row.sameAsRow! < row.row)).toBe(true);
    const created = 200 - sheet.duplicates - sheet.badDates - 3;
    expect(dry.summary.created.people).toBe(created);
    expect(dry.summary.rows).toBe(203);

    const done = await importSpreadsheet({ source: { batchId: draftId }, dryRun: false, actorUserId: staff.id });
    expect(done.batchId).toBe(draftId);
    expect(done.summary).toEqual(dry.summary);
    const counts = await imported(draftId);
    expect(counts).toMatchObject({
      people: created + dry.summary.created.guardians,
      households: dry.summary.created.households,
      members: created + dry.summary.created.households,
      claims: dry.summary.created.households,
    });
    const batch = await db.importBatch.findUniqueOrThrow({ where: { id: draftId } });
    expect(batch).toMatchObject({ status: "IMPORTED", file: null });
    // The children live where the list says, æøå intact.
    const first = sheet.rows[0]!;
    const child = await db.person.findFirstOrThrow({ where: { importBatchId: draftId, firstName: first[0] }, include: { households: true } });
    expect(child).toMatchObject({ lastName: first[1], gender: "MALE", housingAreaId: glarbjerg.id });
    expect(child.birthDate!.toISOString().slice(0, 10)).toBe(`${first[2]!.slice(6)}-${first[2]!.slice(3, 5)}-${first[2]!.slice(0, 2)}`);
    expect(await db.person.count({ where: { importBatchId: draftId, housingAreaId: vangdalen.id } })).toBeGreaterThan(0);
    expect(await db.person.count({ where: { importBatchId: draftId, lastName: { contains: "ø" } } })).toBeGreaterThan(0);

    // A second click on "import" does nothing.
    await expect(importSpreadsheet({ source: { batchId: draftId }, dryRun: false, actorUserId: staff.id })).rejects.toEqual(new ImportError("notDraft"));

    await undoImport(draftId, staff.id);
    expect(await imported(draftId)).toEqual({ people: 0, households: 0, members: 0, claims: 0, attendance: 0, headCounts: 0, sessions: 0 });
    expect(await db.person.count({ where: { firstName: known[0]![0]!.toUpperCase() } })).toBe(1); // the register's own stay
    expect(await db.importBatch.findUniqueOrThrow({ where: { id: draftId } })).toMatchObject({ status: "UNDONE" });
    await expect(undoImport(draftId, staff.id)).rejects.toEqual(new ImportError("notImported"));
  });

  it("undo is refused once a child of the import was signed up, and once a person was edited; nothing is deleted", async () => {
    const staff = await createUser({ role: "STAFF", email: "import-undo@example.dk" });
    const camp = await activity({ capacity: 10 });
    const csv = "Fornavn;Efternavn;Fødselsdato;Forælder;Telefon\r\nAdam;Undo;01-05-2016;Fatima Undo;20 99 88 77\r\nSara;Undo;2018;Fatima Undo;20 99 88 77\r\n";
    const run = () =>
      importSpreadsheet({
        source: { bytes: new TextEncoder().encode(csv), fileName: "a.csv", kind: "people", activityId: null, mappingFile: null },
        dryRun: false,
        actorUserId: staff.id,
      });
    const { batchId } = await run();
    expect(await addedSince(db, batchId!)).toEqual({});
    const household = await db.household.findFirstOrThrow({ where: { importBatchId: batchId }, include: { members: { include: { person: true } } } });
    const adam = household.members.find((member) => member.person.firstName === "Adam")!;
    const guardian = household.members.find((member) => member.role === "GUARDIAN")!;
    // Sara's birth year alone is kept as a year: no day is invented (ADR 016).
    const sara = household.members.find((member) => member.person.firstName === "Sara")!.person;
    expect([sara.birthDate, sara.birthYear]).toEqual([null, 2018]);
    await signUp({
      activityId: camp.id,
      householdId: household.id,
      personIds: [adam.personId],
      consentPersonId: guardian.personId,
      consentMethod: "SPOKEN",
      byUserId: staff.id,
      idempotencyKey: key(),
    });
    const error = await undoImport(batchId!, staff.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: "undoRefused", detail: { added: { enrolments: 1, signUps: 1 } } });
    expect(await imported(batchId!)).toMatchObject({ people: 3, households: 1 });
    expect(await db.enrolment.count({ where: { personId: adam.personId } })).toBe(1);

    // An edit alone refuses it too.
    const second = await importSpreadsheet({
      source: {
        bytes: new TextEncoder().encode(csv.replaceAll("Undo", "Rettet").replace("20 99 88 77", "20 99 88 66").replace("20 99 88 77", "20 99 88 66")),
        fileName: "b.csv",
        kind: "people",
        activityId: null,
        mappingFile: null,
      },
      dryRun: false,
      actorUserId: staff.id,
    });
    const person = await db.person.findFirstOrThrow({ where: { importBatchId: second.batchId, firstName: "Adam" } });
    await db.person.update({ where: { id: person.id }, data: { lastName: "Rettet-Igen" } });
    await expect(undoImport(second.batchId!, staff.id)).rejects.toMatchObject({ code: "undoRefused", detail: { added: { edits: 1 } } });
  });

  it("matches a name already imported by an earlier import (the register), and refuses a file without the columns it needs", async () => {
    const staff = await createUser({ role: "STAFF", email: "import-again@example.dk" });
    const csv = "Navn;Fødselsår\r\nLeila Again;2014\r\n";
    const source = { bytes: new TextEncoder().encode(csv), fileName: "c.csv", kind: "people" as const, activityId: null, mappingFile: null };
    expect((await importSpreadsheet({ source, dryRun: false, actorUserId: staff.id })).summary.created.people).toBe(1);
    expect((await importSpreadsheet({ source, dryRun: true, actorUserId: staff.id })).summary).toMatchObject({ matched: 1, created: { people: 0 } });
    const missing = await importSpreadsheet({
      source: { ...source, bytes: new TextEncoder().encode("Navn;Noter\r\nx;y\r\n") },
      dryRun: false,
      actorUserId: staff.id,
    });
    expect(missing).toMatchObject({ batchId: null, dryRun: true, missing: ["birthDate"] });
    // An upload never imported is deleted after a day (it holds a list of names), by the nightly clean-up.
    const stale = await createDraft({ bytes: new TextEncoder().encode(csv), fileName: "stale.csv", kind: "people", activityId: null, actorUserId: staff.id });
    const { deleteExpiredData } = await import("../../app/domain/accounts/cleanup.server.ts");
    expect((await deleteExpiredData(new Date(Date.now() + 23 * 3_600_000))).importDrafts).toBe(0);
    expect((await deleteExpiredData(new Date(Date.now() + 25 * 3_600_000))).importDrafts).toBeGreaterThanOrEqual(1);
    expect(await db.importBatch.count({ where: { id: stale } })).toBe(0);
    // A mapping staff chose on the page is kept with the draft.
    const draftId = await createDraft({
      bytes: new TextEncoder().encode("A;B;C\r\nLeila;Mapped;2014\r\n"),
      fileName: "d.csv",
      kind: "people",
      activityId: null,
      actorUserId: staff.id,
    });
    await saveMapping(draftId, ["firstName", "lastName", "birthYear"]);
    expect(await importSpreadsheet({ source: { batchId: draftId }, dryRun: true, actorUserId: staff.id })).toMatchObject({
      missing: [],
      summary: { created: { people: 1 } },
    });
  });
});

describe("importing past participation", () => {
  it("named people and head-counts per day: existing sessions used, missing days made, the list's area kept, a second import skips", async () => {
    const staff = await createUser({ role: "STAFF", email: "import-past@example.dk" });
    const vangdalen = await area({ name: "Vangdalen Past" });
    const glarbjerg = await area({ name: "Glarbjergvej Past" });
    const cafe = await activity({ sessions: [{ startsAt: copenhagenInstant("2025-03-03", "15:00"), endsAt: copenhagenInstant("2025-03-03", "17:00") }] });
    // Known to the register, living in Glarbjergvej now; the list says Vangdalen in March.
    const known = await db.person.create({
      data: { firstName: "Mohamed", lastName: "Past", birthDate: new Date("2015-04-04T00:00:00Z"), housingAreaId: glarbjerg.id },
    });
    const csv = [
      "Dato;Fornavn;Efternavn;Fødselsår;Boligområde;Voksne;Børn",
      "03-03-2025;Mohamed;Past;2015;Vangdalen Past;;",
      "03-03-2025;Sara;Past;2016;;;",
      "10.03.2025;Sara;Past;2016;;;",
      "10.03.2025;Sara;Past;2016;;;",
      "10-03-2025;;;;Vangdalen Past;2;11",
      "31-03-2025;Omar;Past;2014;;;",
      "2030-01-01;Omar;Past;2014;;;",
    ].join("\r\n");
    const source = { bytes: new TextEncoder().encode(csv), fileName: "lektiecafe.csv", kind: "participation" as const, activityId: cafe.id, mappingFile: null };
    const result = await importSpreadsheet({ source, dryRun: false, actorUserId: staff.id });
    expect(result.summary).toMatchObject({
      rows: 7,
      matched: 1,
      created: { people: 2, sessions: 2, attendances: 4, headCounts: 1 },
      skipped: 1,
      errors: 1,
    });
    expect(result.rows.find((row) => row.row === 5)).toMatchObject({ status: "skip", skip: "twiceInFile" });
    expect(result.rows.find((row) => row.row === 8)).toMatchObject({ status: "error", problems: [{ field: "date", code: "futureDate" }] });
    const batchId = result.batchId!;
    const marks = await db.attendance.findMany({ where: { importBatchId: batchId }, include: { session: true } });
    expect(marks.every((mark) => mark.present && !mark.enrolled)).toBe(true);
    expect(marks.find((mark) => mark.personId === known.id)).toMatchObject({ sessionId: cafe.sessions[0]!.id, housingAreaId: vangdalen.id });
    // A day without a session got one at the activity's usual time.
    const made = await db.activitySession.findMany({ where: { importBatchId: batchId }, orderBy: { startsAt: "asc" } });
    expect(made.map((session) => session.startsAt.toISOString())).toEqual([
      copenhagenInstant("2025-03-10", "15:00").toISOString(),
      copenhagenInstant("2025-03-31", "15:00").toISOString(),
    ]);
    expect(await db.headCount.findFirst({ where: { importBatchId: batchId } })).toMatchObject({ adults: 2, children: 11, housingAreaId: vangdalen.id });
    expect(await db.person.findUniqueOrThrow({ where: { id: known.id } })).toMatchObject({ housingAreaId: glarbjerg.id });

    // The same list again: everyone is matched, every mark and count is already recorded.
    const again = await importSpreadsheet({ source, dryRun: true, actorUserId: staff.id });
    expect(again.summary).toMatchObject({ matched: 5, created: { people: 0, sessions: 0, attendances: 0, headCounts: 0 }, skipped: 6 });

    // Attendance marked on a session the import made: undo refused.
    const omar = marks.find((mark) => mark.session.importBatchId && copenhagenInstant("2025-03-31", "15:00").getTime() === mark.session.startsAt.getTime())!;
    await addWalkIn({ sessionId: omar.sessionId, walkIn: { firstName: "Walk", lastName: "In", birthYear: 2015, housingAreaId: null }, actorUserId: staff.id });
    await expect(undoImport(batchId, staff.id)).rejects.toMatchObject({ code: "undoRefused", detail: { added: { attendance: 1 } } });
  });

  it("undo takes back attendance, head-counts and the sessions it made, leaving the activity's own", async () => {
    const staff = await createUser({ role: "STAFF", email: "import-past-undo@example.dk" });
    const cafe = await activity({ sessions: [{ startsAt: copenhagenInstant("2025-04-07", "15:00"), endsAt: copenhagenInstant("2025-04-07", "17:00") }] });
    const csv = "Dato;Navn;Fødselsår;Voksne;Børn\r\n07-04-2025;Ida Undo;2016;;\r\n14-04-2025;;;1;5\r\n";
    const { batchId } = await importSpreadsheet({
      source: { bytes: new TextEncoder().encode(csv), fileName: "x.csv", kind: "participation", activityId: cafe.id, mappingFile: null },
      dryRun: false,
      actorUserId: staff.id,
    });
    expect(await imported(batchId!)).toMatchObject({ people: 1, attendance: 1, headCounts: 1, sessions: 1 });
    await undoImport(batchId!, staff.id);
    expect(await imported(batchId!)).toMatchObject({ people: 0, attendance: 0, headCounts: 0, sessions: 0 });
    expect(await db.activitySession.count({ where: { activityId: cafe.id } })).toBe(1);
    await expect(
      importSpreadsheet({
        source: { bytes: new TextEncoder().encode(csv), fileName: "x.csv", kind: "participation", activityId: null, mappingFile: null },
        dryRun: true,
        actorUserId: null,
      }),
    ).rejects.toEqual(new ImportError("activityRequired"));
  });
});
