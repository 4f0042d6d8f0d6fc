// Retention: households with no sign of life for RETENTION_YEARS are
// anonymised by the nightly job; the others are left alone, and the report
// of the period they took part in does not change.
import { describe, expect, it } from "vitest";
import { anonymiseInactiveHouseholds } from "../../app/domain/households/retention.server.ts";
import { countParticipation } from "../../app/domain/reporting/report.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { activity, area, household } from "../setup/fixtures.ts";

const NOW = new Date("2030-06-01T10:00:00Z");
const years = (n: number) => new Date(NOW.getTime() - n * 365.25 * 86_400_000);

/** A household that took part once, `ago` years before NOW: a sign-up, a session attended, nothing since. */
async function pastFamily(ago: number, areaId: string) {
  const family = await household({ children: [{ birthDate: "2018-04-01", areaId }] });
  const when = years(ago);
  const past = await activity({ sessions: [{ startsAt: when, endsAt: new Date(when.getTime() + 2 * 3_600_000) }] });
  const session = await db.activitySession.findFirstOrThrow({ where: { activityId: past.id } });
  const signUp = await db.signUp.create({
    data: {
      activityId: past.id,
      householdId: family.id,
      idempotencyKey: `${family.id}-old`,
      consentPersonId: family.guardian.id,
      consentAt: when,
      consentVersion: "t",
      createdAt: when,
    },
  });
  const child = family.children[0]!;
  await db.enrolment.create({
    data: {
      signUpId: signUp.id,
      activityId: past.id,
      personId: child.id,
      householdId: family.id,
      status: "CONFIRMED",
      housingAreaId: areaId,
      createdAt: when,
      confirmedAt: when,
    },
  });
  await db.attendance.create({ data: { sessionId: session.id, personId: child.id, present: true, enrolled: true, housingAreaId: areaId, markedAt: when } });
  // The fixtures made the household and its people "now"; set them back to the time they took part.
  await db.household.update({ where: { id: family.id }, data: { updatedAt: when } });
  await db.user.update({ where: { id: family.user!.id }, data: { lastSignInAt: when } });
  return { family, when };
}

describe("retention", () => {
  it("anonymises households inactive for 3 years, keeps the others, and the report of their period stays the same", async () => {
    const north = await area();
    const old = await pastFamily(4, north.id);
    const recent = await pastFamily(2, north.id);
    const period = { from: old.when.toISOString().slice(0, 10), to: new Date(old.when.getTime() + 86_400_000).toISOString().slice(0, 10) };
    const before = await countParticipation(period);
    expect(before.uniqueParticipants.total).toBeGreaterThanOrEqual(1);

    expect(await anonymiseInactiveHouseholds(NOW, 3)).toEqual({ households: 1, people: 2 });

    const people = await db.person.findMany({
      where: { id: { in: [old.family.guardian.id, old.family.children[0]!.id, recent.family.guardian.id, recent.family.children[0]!.id] } },
      select: { id: true, firstName: true, email: true, anonymisedAt: true, user: { select: { id: true } } },
    });
    const byId = new Map(people.map((person) => [person.id, person]));
    expect(byId.get(old.family.guardian.id)).toMatchObject({ email: null, user: null, anonymisedAt: NOW });
    expect(byId.get(old.family.children[0]!.id)!.firstName).not.toBe(old.family.children[0]!.firstName);
    expect(byId.get(recent.family.guardian.id)).toMatchObject({ email: recent.family.guardian.email, anonymisedAt: null });
    expect(byId.get(recent.family.guardian.id)!.user).not.toBeNull();

    expect(await countParticipation(period)).toEqual(before);
    // A second night finds nothing more to do.
    expect(await anonymiseInactiveHouseholds(NOW, 3)).toEqual({ households: 0, people: 0 });
  });
});
