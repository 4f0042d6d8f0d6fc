// Retention: households with no sign of life for RETENTION_YEARS are
// anonymised by the nightly job; the others are left alone, and the report
// of the period they took part in does not change.
import { describe, expect, it } from "vitest";
import { anonymiseInactiveHouseholds } from "../../app/domain/households/retention.server.ts";
import { countJobs, countParticipation } from "../../app/domain/reporting/report.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { area, householdLastSeen, jobPosting } from "../setup/fixtures.ts";

const NOW = new Date("2030-06-01T10:00:00Z");
const years = (n: number) => new Date(NOW.getTime() - n * 365.25 * 86_400_000);

/** A household that took part once, `ago` years before NOW. */
const pastFamily = async (ago: number, areaId: string) => ({ family: await householdLastSeen(years(ago), { areaId }), when: years(ago) });

describe("retention", () => {
  it("anonymises households inactive for 3 years, keeps the others, and the report of their period stays the same", async () => {
    const north = await area();
    const old = await pastFamily(4, north.id);
    const recent = await pastFamily(2, north.id);
    const period = { from: old.when.toISOString().slice(0, 10), to: new Date(old.when.getTime() + 86_400_000).toISOString().slice(0, 10) };
    const before = await countParticipation(period);
    expect(before.uniqueParticipants.total).toBeGreaterThanOrEqual(1);

    expect(await anonymiseInactiveHouseholds(NOW, 3)).toEqual({ households: 1, people: 2, alone: 0 });

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
    expect(await anonymiseInactiveHouseholds(NOW, 3)).toEqual({ households: 0, people: 0, alone: 0 });
  });

  it("anonymises people in no household too — a young person's own login, a family-less account, a walk-in child — never staff", async () => {
    const when = years(4);
    const person = async (firstName: string, role: "YOUTH" | "PARENT" | "STAFF" | null, at: Date, birthDate: string | null = "2011-03-01") => {
      const created = await db.person.create({
        data: {
          firstName,
          lastName: "Alene",
          birthDate: birthDate ? new Date(`${birthDate}T00:00:00Z`) : null,
          email: `${firstName.toLowerCase()}@example.dk`,
        },
      });
      if (role) await db.user.create({ data: { personId: created.id, role, email: created.email, createdAt: at, lastSignInAt: at } });
      await db.$executeRaw`UPDATE "Person" SET "updatedAt" = ${at} WHERE "id" = ${created.id}::uuid`;
      return created;
    };
    // A young person who applied and was hired 4 years ago, and one who applied 2 years ago.
    const posting = await jobPosting({ status: "CLOSED", applicationDeadline: when });
    const apply = async (personId: string, at: Date, hired: boolean) => {
      const application = await db.jobApplication.create({
        data: {
          postingId: posting.id,
          personId,
          motivation: "Jeg kan lide børn",
          status: hired ? "HIRED" : "RECEIVED",
          guardianName: "Forælder",
          guardianEmail: "forælder@example.dk",
          guardianTokenHash: `${personId}-token`,
          consentRequired: false,
          createdAt: at,
        },
      });
      await db.$executeRaw`UPDATE "JobApplication" SET "updatedAt" = ${at} WHERE "id" = ${application.id}::uuid`;
      if (hired) {
        const employment = await db.employment.create({
          data: { applicationId: application.id, postingId: posting.id, personId, role: "Hjælper", startsOn: at, referenceStatement: "Altid til tiden" },
        });
        await db.$executeRaw`UPDATE "Employment" SET "updatedAt" = ${at} WHERE "id" = ${employment.id}::uuid`;
      }
    };
    const oldYouth = await person("Gammelung", "YOUTH", when);
    await apply(oldYouth.id, when, true);
    const recentYouth = await person("Nyung", "YOUTH", years(4));
    await apply(recentYouth.id, years(2), false); // signed in long ago, but applied 2 years ago: still active
    const familyless = await person("Udenfamilie", "PARENT", when, null);
    const walkIn = await person("Walkin", null, when);
    const staff = await person("Medarbejder", "STAFF", when, null);
    const jobsPeriod = { from: when.toISOString().slice(0, 10), to: new Date(when.getTime() + 86_400_000).toISOString().slice(0, 10) };
    const jobsBefore = await countJobs(jobsPeriod);
    expect(jobsBefore.applicants.total).toBeGreaterThanOrEqual(1);

    const [first, second] = await Promise.all([anonymiseInactiveHouseholds(NOW, 3), anonymiseInactiveHouseholds(NOW, 3)]);
    expect(first.alone + second.alone).toBe(3);
    const after = await db.person.findMany({
      where: { id: { in: [oldYouth.id, recentYouth.id, familyless.id, walkIn.id, staff.id] } },
      select: { id: true, firstName: true, email: true, anonymisedAt: true, birthDate: true, user: { select: { id: true } } },
    });
    const byId = new Map(after.map((row) => [row.id, row]));
    for (const gone of [oldYouth, familyless, walkIn])
      expect(byId.get(gone.id)).toMatchObject({ firstName: "Slettet", email: null, user: null, anonymisedAt: NOW });
    expect(byId.get(oldYouth.id)!.birthDate).toEqual(oldYouth.birthDate); // reports count ages
    for (const kept of [recentYouth, staff])
      expect(byId.get(kept.id)).toMatchObject({ firstName: kept.firstName, anonymisedAt: null, user: expect.anything() });
    expect(await db.jobApplication.findFirstOrThrow({ where: { personId: oldYouth.id } })).toMatchObject({ motivation: "", guardianEmail: null });
    expect(await db.employment.findFirstOrThrow({ where: { personId: oldYouth.id } })).toMatchObject({ referenceStatement: null });
    expect(await db.auditEvent.count({ where: { action: "privacy.anonymised", entityType: "Person", entityId: oldYouth.id } })).toBe(1);
    expect(await countJobs(jobsPeriod)).toEqual(jobsBefore);
  });
});
