// One person, once (issue 17, ADR 015): matching wherever a person is made, the walk-in that a double tap
// cannot make twice, possible duplicates and the merge.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { registerWalkIn } from "../../app/domain/attendance/attendance.server.ts";
import { createHouseholdOnBehalf } from "../../app/domain/households/assisted.server.ts";
import { addChild } from "../../app/domain/households/household.server.ts";
import { findMatches } from "../../app/domain/register/matching.server.ts";
import { markNotSame, mergePeople, MERGED_REFERENCES, possibleDuplicates, proposeDuplicate } from "../../app/domain/register/merge.server.ts";
import { countParticipation } from "../../app/domain/reporting/report.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { activity, area, household, signUpFamily } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

async function child(firstName: string, lastName: string, birthDate: string, housingAreaId: string | null = null) {
  const family = await household({ children: [{ firstName, birthDate, areaId: housingAreaId }] });
  const person = await db.person.update({ where: { id: family.children[0]!.id }, data: { lastName } });
  return { family, person };
}

describe("matching a would-be person against the register", () => {
  it("finds Muhammad Ali (full birth date) for a walk-in Mohamed Ali born 2016, and shows where he came", async () => {
    const vangdalen = await area({ name: "Vangdalen" });
    const { person } = await child("Muhammad", "Ali", "2016-05-03", vangdalen.id);
    await child("Ahmed", "Ali", "2016-05-03"); // his brother: not him
    await child("Mohamed", "Ali", "2010-01-01"); // another Mohamed Ali, six years older
    const cafe = await activity({ title: "Lektiecafé" });
    await db.attendance.create({ data: { sessionId: cafe.sessions[0]!.id, personId: person.id, present: true } });
    const matches = await findMatches({ firstName: "Mohamed", lastName: "Ali", birthYear: 2016 }, { kind: "staff" });
    expect(matches.map((match) => match.personId)).toEqual([person.id]);
    expect(matches[0]).toMatchObject({ firstName: "Muhammad", birthYear: 2016, area: "Vangdalen", visits: { count: 1 } });
    expect((matches[0]!.visits!.title as { da: string }).da).toBe("Lektiecafé");
  });

  it("copes with swapped names and Somali spelling; a partner sees visits to their own activities only", async () => {
    const { person } = await child("Cabdi", "Maxamed", "2015-03-21");
    const theirs = await activity({});
    await db.attendance.create({ data: { sessionId: theirs.sessions[0]!.id, personId: person.id, present: true } });
    const partner = await createUser({ role: "PARTNER", email: "partner-match@example.dk" });
    const [asStaff] = await findMatches({ firstName: "Mohamed", lastName: "Abdi", birthYear: 2015 }, { kind: "staff" });
    expect(asStaff?.personId).toBe(person.id);
    const [asPartner] = await findMatches({ firstName: "Mohamed", lastName: "Abdi", birthYear: 2015 }, { kind: "partner", userId: partner.id });
    expect(asPartner).toMatchObject({ personId: person.id, visits: null });
  });

  it("finds adults without a birth year through PostgreSQL's trigram and metaphone look-up", async () => {
    const adult = await db.person.create({ data: { firstName: "Samirah", lastName: "Hassan" } });
    const matches = await findMatches({ firstName: "Samira", lastName: "Hassan" }, { kind: "staff" });
    expect(matches.map((match) => match.personId)).toContain(adult.id);
  });

  it("for a parent, looks only inside their own household", async () => {
    const { person: elsewhere } = await child("Yusuf", "Darwish", "2015-04-18");
    const own = await household({ children: [{ firstName: "Yousef", birthDate: "2015-04-18" }] });
    await db.person.update({ where: { id: own.children[0]!.id }, data: { lastName: "Darwish" } });
    const matches = await findMatches({ firstName: "Youssef", lastName: "Darwish", birthDate: "2015-04-18" }, { kind: "household", householdId: own.id });
    expect(matches.map((match) => match.personId)).toEqual([own.children[0]!.id]);
    expect(matches.map((match) => match.personId)).not.toContain(elsewhere.id);
  });
});

describe("the walk-in form", () => {
  const walkIn = { firstName: "Adam", lastName: "Jensen", birthYear: 2016, housingAreaId: null };

  it("submitted twice with its key (double tap, resubmitted page) makes one person and one attendance", async () => {
    const club = await activity({});
    const staff = await createUser({ role: "STAFF", email: "staff-walkin@example.dk" });
    const sessionId = club.sessions[0]!.id;
    const key = randomUUID();
    const submit = () =>
      registerWalkIn({ sessionId, walkIn: { ...walkIn, lastName: "Kowalski" }, key, choice: null, actorUserId: staff.id, partnerUserId: null, early: true });
    const [first, second] = await Promise.all([submit(), submit()]);
    const third = await submit();
    expect(first.status).toBe("added");
    expect(second).toMatchObject({ status: "added", personId: (first as { personId: string }).personId });
    expect(third).toMatchObject({ status: "added", replayed: true, personId: (first as { personId: string }).personId });
    expect(await db.person.count({ where: { lastName: "Kowalski" } })).toBe(1);
    expect(await db.attendance.count({ where: { sessionId } })).toBe(1);
  });

  it("offers the existing child first; choosing him marks him present and makes nobody new", async () => {
    const { person: adam } = await child("Adam", "Jensen", "2016-04-20");
    const club = await activity({});
    const staff = await createUser({ role: "STAFF", email: "staff-walkin2@example.dk" });
    const sessionId = club.sessions[0]!.id;
    const key = randomUUID();
    const offered = await registerWalkIn({ sessionId, walkIn, key, choice: null, actorUserId: staff.id, partnerUserId: null, early: true });
    expect(offered.status).toBe("matches");
    expect(offered.status === "matches" && offered.matches.map((match) => match.personId)).toEqual([adam.id]);
    const before = await db.person.count();
    const chosen = await registerWalkIn({ sessionId, walkIn, key, choice: adam.id, actorUserId: staff.id, partnerUserId: null, early: true });
    expect(chosen).toMatchObject({ status: "added", personId: adam.id });
    expect(await db.person.count()).toBe(before);
    expect(await db.attendance.findMany({ where: { sessionId }, select: { personId: true, present: true } })).toEqual([{ personId: adam.id, present: true }]);
  });

  it("a partner cannot attach a walk-in to someone the form did not offer", async () => {
    const { person: stranger } = await child("Nora", "Thomsen", "2012-01-01");
    const club = await activity({});
    const partner = await createUser({ role: "PARTNER", email: "partner-walkin@example.dk" });
    await db.activityPartner.create({ data: { activityId: club.id, userId: partner.id } });
    await expect(
      registerWalkIn({
        sessionId: club.sessions[0]!.id,
        walkIn: { firstName: "Kim", lastName: "Berg", birthYear: 2016, housingAreaId: null },
        key: randomUUID(),
        choice: stranger.id,
        actorUserId: partner.id,
        partnerUserId: partner.id,
        early: true,
      }),
    ).rejects.toMatchObject({ code: "notExpected" });
  });

  it("'no, a new child' makes a new person even when someone looks alike", async () => {
    const { person: adam } = await child("Adam", "Jensen", "2016-04-20");
    const club = await activity({});
    const staff = await createUser({ role: "STAFF", email: "staff-walkin3@example.dk" });
    const made = await registerWalkIn({
      sessionId: club.sessions[0]!.id,
      walkIn,
      key: randomUUID(),
      choice: "new",
      actorUserId: staff.id,
      partnerUserId: null,
      early: true,
    });
    expect(made.status === "added" && made.personId).not.toBe(adam.id);
  });
});

describe("the other forms that create people", () => {
  it("a family registered by staff: a child already in the register is offered, chosen, and joins the family instead of being made again; a double submit is one family", async () => {
    const { person: adam } = await child("Adam", "Lindqvist", "2016-04-20");
    const staff = await createUser({ role: "STAFF", email: "staff-family@example.dk" });
    const guardian = { firstName: "Mette", lastName: "Lindqvist", phone: null, email: "mette@example.dk", language: "da" as const, housingAreaId: null };
    const kids = [{ firstName: "Adam", lastName: "Lindqvist", birthDate: "2016-04-20", housingAreaId: null }];
    const key = randomUUID();
    const offered = await createHouseholdOnBehalf({ guardian, children: kids }, staff, key);
    expect(offered).toMatchObject({ status: "matches", child: 0 });
    const households = await db.household.count();
    const [first, second] = await Promise.all([
      createHouseholdOnBehalf({ guardian, children: [{ ...kids[0]!, choice: adam.id }] }, staff, key),
      createHouseholdOnBehalf({ guardian, children: [{ ...kids[0]!, choice: adam.id }] }, staff, key),
    ]);
    expect(second).toEqual(first);
    expect(await db.household.count()).toBe(households + 1);
    const householdId = (first as { householdId: string }).householdId;
    expect(await db.householdMember.findMany({ where: { householdId, role: "CHILD" }, select: { personId: true } })).toEqual([{ personId: adam.id }]);
    expect(await db.person.count({ where: { firstName: "Adam", lastName: "Lindqvist" } })).toBe(1);
  });

  it("a parent adding a child sees only their own children as matches, and a resubmitted form adds one child", async () => {
    await child("Yasmin", "Okafor", "2015-05-05"); // another family's child: never offered
    const own = await household({ children: [{ firstName: "Yasmine", birthDate: "2015-05-05" }] });
    await db.person.update({ where: { id: own.children[0]!.id }, data: { lastName: "Okafor" } });
    const input = { firstName: "Yasmin", lastName: "Okafor", birthDate: "2015-05-05", housingAreaId: (await area()).id, photoConsent: false };
    const key = randomUUID();
    const offered = await addChild(own.user!, input, { key, choice: null });
    expect(offered.status === "matches" && offered.matches.map((match) => match.personId)).toEqual([own.children[0]!.id]);
    const sibling = { ...input, firstName: "Ifeoma", birthDate: "2017-01-01" };
    const siblingKey = randomUUID();
    const [a, b] = await Promise.all([
      addChild(own.user!, sibling, { key: siblingKey, choice: null }),
      addChild(own.user!, sibling, { key: siblingKey, choice: null }),
    ]);
    expect(a).toEqual(b);
    expect(await db.person.count({ where: { firstName: "Ifeoma", lastName: "Okafor" } })).toBe(1);
  });
});

describe("possible duplicates and the merge", () => {
  const november = (day: number) => ({
    startsAt: new Date(`2026-11-${String(day).padStart(2, "0")}T15:00:00Z`),
    endsAt: new Date(`2026-11-${String(day).padStart(2, "0")}T17:00:00Z`),
  });

  it("the staff list shows a likely pair, newest first; 'not the same person' keeps it away; a partner's proposal comes first", async () => {
    const { person: first } = await child("Hussein", "Qureshi", "2012-01-30");
    const walkIn = await db.person.create({ data: { firstName: "Husayn", lastName: "Qureshi", birthYear: 2012 } });
    const { person: brother } = await child("Hassan", "Qureshi", "2012-01-30");
    const pairs = await possibleDuplicates();
    const ids = (pair: { a: { personId: string }; b: { personId: string } }) => [pair.a.personId, pair.b.personId].sort();
    expect(pairs.map(ids)).toContainEqual([first.id, walkIn.id].sort());
    expect(pairs.map(ids)).not.toContainEqual([first.id, brother.id].sort());
    const staff = await createUser({ role: "STAFF", email: "staff-dup@example.dk" });
    await markNotSame({ personIds: [walkIn.id, first.id], actorUserId: staff.id });
    expect((await possibleDuplicates()).map(ids)).not.toContainEqual([first.id, walkIn.id].sort());

    const partner = await createUser({ role: "PARTNER", email: "partner-dup@example.dk" });
    await proposeDuplicate({ personIds: [brother.id, first.id], actorUserId: partner.id });
    const [top] = await possibleDuplicates();
    expect(top && ids(top)).toEqual([first.id, brother.id].sort());
    expect(top?.proposed).toBe(true);
  });

  it("one person keeps everything; two enrolments of one activity become one, one session one attendance; the other is gone", async () => {
    const staff = await createUser({ role: "STAFF", email: "staff-merge@example.dk" });
    const club = await activity({ capacity: 10, sessions: [november(2), november(9)] });
    const homework = await activity({ capacity: 10, sessions: [november(3)] });
    const mother = await household({ children: [{ firstName: "Muhammad", birthDate: "2016-05-03" }] });
    const partnerFamily = await household({ children: [{ firstName: "Mohamed", birthDate: "2016-07-01" }] });
    const [keep, remove] = [mother.children[0]!, partnerFamily.children[0]!];
    const early = { now: new Date("2026-10-01T10:00:00Z") };
    await signUpFamily(club.id, mother, early);
    await signUpFamily(club.id, partnerFamily, early);
    await signUpFamily(homework.id, partnerFamily, early);
    await db.attendance.createMany({
      data: [
        { sessionId: club.sessions[0]!.id, personId: keep.id, present: true },
        { sessionId: club.sessions[0]!.id, personId: remove.id, present: true },
        { sessionId: club.sessions[1]!.id, personId: keep.id, present: false },
        { sessionId: club.sessions[1]!.id, personId: remove.id, present: true },
      ],
    });
    await db.personNeeds.create({ data: { personId: remove.id, text: "Peanut allergy" } });
    const period = { from: "2026-11-01", to: "2026-11-30" };
    const before = await countParticipation(period);

    await mergePeople({ keepId: keep.id, removeId: remove.id, actorUserId: staff.id });

    expect(await db.person.findUnique({ where: { id: remove.id } })).toBeNull();
    expect(await db.enrolment.findMany({ where: { personId: keep.id }, select: { activityId: true, status: true }, orderBy: { activityId: "asc" } })).toEqual(
      [
        { activityId: club.id, status: "CONFIRMED" },
        { activityId: homework.id, status: "CONFIRMED" },
      ].sort((a, b) => a.activityId.localeCompare(b.activityId)),
    );
    expect(await db.attendance.findMany({ where: { personId: keep.id }, select: { sessionId: true, present: true }, orderBy: { sessionId: "asc" } })).toEqual(
      [
        { sessionId: club.sessions[0]!.id, present: true },
        { sessionId: club.sessions[1]!.id, present: true },
      ].sort((a, b) => a.sessionId.localeCompare(b.sessionId)),
    );
    expect((await db.householdMember.findMany({ where: { personId: keep.id } })).map((m) => m.householdId).sort()).toEqual(
      [mother.id, partnerFamily.id].sort(),
    );
    expect(await db.personNeeds.findUnique({ where: { personId: keep.id } })).toMatchObject({ text: "Peanut allergy" });
    expect((await db.person.findUniqueOrThrow({ where: { id: keep.id } })).birthDate?.toISOString().slice(0, 10)).toBe("2016-05-03");
    expect(await db.auditEvent.count({ where: { action: "person.merge", entityId: keep.id, actorUserId: staff.id } })).toBe(1);

    // The report counts him once.
    const after = await countParticipation(period);
    expect(before.uniqueParticipants.total).toBeGreaterThanOrEqual(2);
    expect(before.uniqueParticipants.total - after.uniqueParticipants.total).toBe(1);
    expect(before.attendances.total - after.attendances.total).toBe(1);
  });

  it("moves a login to the kept person, and refuses when both have one", async () => {
    const staff = await createUser({ role: "STAFF", email: "staff-merge2@example.dk" });
    const youth = await createUser({ role: "YOUTH", email: "youth-merge@example.dk", firstName: "Nour" });
    const walkIn = await db.person.create({ data: { firstName: "Nour", lastName: "Test", birthYear: 2011 } });
    await mergePeople({ keepId: walkIn.id, removeId: youth.personId, actorUserId: staff.id });
    expect(await db.user.findUniqueOrThrow({ where: { id: youth.id } })).toMatchObject({ personId: walkIn.id });

    const other = await createUser({ role: "PARENT", email: "parent-merge@example.dk" });
    await expect(mergePeople({ keepId: walkIn.id, removeId: other.personId, actorUserId: staff.id })).rejects.toMatchObject({ code: "bothHaveAccounts" });
    expect(await db.person.count({ where: { id: { in: [walkIn.id, other.personId] } } })).toBe(2);
  });

  it("moves every kind of row that points at a person (a new table must be added to the merge)", async () => {
    const rows = await db.$queryRaw<{ ref: string }[]>`
      SELECT src.relname || '.' || att.attname AS ref
      FROM pg_constraint c
      JOIN pg_class src ON src.oid = c.conrelid
      JOIN pg_class dst ON dst.oid = c.confrelid
      JOIN pg_attribute att ON att.attrelid = c.conrelid AND att.attnum = ANY (c.conkey)
      WHERE c.contype = 'f' AND dst.relname = 'Person'
      ORDER BY 1`;
    expect(rows.map((row) => row.ref)).toEqual([...MERGED_REFERENCES].sort());
  });
});
