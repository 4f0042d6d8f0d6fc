// One person, once (issue 17, ADR 015): matching wherever a person is made, the walk-in that a double tap
// cannot make twice, possible duplicates and the merge.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { registerWalkIn } from "../../app/domain/attendance/attendance.server.ts";
import { findMatches } from "../../app/domain/register/matching.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { activity, area, household } from "../setup/fixtures.ts";
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
      registerWalkIn({ sessionId, walkIn: { ...walkIn, lastName: "Kowalski" }, key, choice: null, actorUserId: staff.id, partnerUserId: null });
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
    const offered = await registerWalkIn({ sessionId, walkIn, key, choice: null, actorUserId: staff.id, partnerUserId: null });
    expect(offered.status).toBe("matches");
    expect(offered.status === "matches" && offered.matches.map((match) => match.personId)).toEqual([adam.id]);
    const before = await db.person.count();
    const chosen = await registerWalkIn({ sessionId, walkIn, key, choice: adam.id, actorUserId: staff.id, partnerUserId: null });
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
    });
    expect(made.status === "added" && made.personId).not.toBe(adam.id);
  });
});
