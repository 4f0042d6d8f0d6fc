// Builders for integration tests: small, explicit data for each test.
import { randomUUID } from "node:crypto";
import { db } from "../../app/lib/db.server.ts";

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

export async function area(input: { isPlanArea?: boolean; name?: string } = {}) {
  const code = `area-${unique()}`;
  return db.housingArea.create({ data: { code, name: input.name ?? code, isPlanArea: input.isPlanArea ?? true } });
}

export async function activity(input: {
  capacity?: number | null;
  capacityUnit?: "PERSON" | "HOUSEHOLD";
  minAge?: number | null;
  maxAge?: number | null;
  sessions?: { startsAt: Date; endsAt: Date }[];
  openToOutsiders?: boolean;
  eligibleAreaIds?: string[];
  signUpOpensAt?: Date | null;
  signUpClosesAt?: Date | null;
  cancelDeadlineHours?: number;
  offerHoldHours?: number;
  requiresSignUp?: boolean;
  contactEmail?: string | null;
  title?: string;
}) {
  const suffix = unique();
  const type = await db.activityType.create({ data: { code: `type-${suffix}`, name: { da: "Type" }, icon: "star" } });
  const effort = await db.effortArea.create({ data: { code: `effort-${suffix}`, name: { da: "Indsats" } } });
  const start = new Date(Date.now() + 14 * 86_400_000);
  return db.activity.create({
    data: {
      slug: `activity-${suffix}`,
      typeId: type.id,
      effortAreaId: effort.id,
      status: "PUBLISHED",
      title: { da: input.title ?? `Aktivitet ${suffix}`, en: `Activity ${suffix}`, ar: `نشاط ${suffix}` },
      description: { da: "Beskrivelse" },
      place: "Fælleshuset",
      capacity: input.capacity === undefined ? 10 : input.capacity,
      capacityUnit: input.capacityUnit ?? "PERSON",
      minAge: input.minAge ?? null,
      maxAge: input.maxAge ?? null,
      openToOutsiders: input.openToOutsiders ?? true,
      requiresSignUp: input.requiresSignUp ?? true,
      signUpOpensAt: input.signUpOpensAt ?? null,
      signUpClosesAt: input.signUpClosesAt ?? null,
      cancelDeadlineHours: input.cancelDeadlineHours ?? 24,
      offerHoldHours: input.offerHoldHours ?? 24,
      contactEmail: input.contactEmail === undefined ? "kontakt@example.dk" : input.contactEmail,
      eligibleAreas: { create: (input.eligibleAreaIds ?? []).map((housingAreaId) => ({ housingAreaId })) },
      sessions: { create: input.sessions ?? [{ startsAt: start, endsAt: new Date(start.getTime() + 2 * 3_600_000) }] },
    },
    include: { sessions: true },
  });
}

export async function household(
  input: {
    children?: { firstName?: string; birthDate?: string; areaId?: string | null }[];
    guardianEmail?: string | null;
    guardianPhone?: string | null;
    language?: string;
    withLogin?: boolean;
  } = {},
) {
  const suffix = unique();
  const email = input.guardianEmail === undefined ? `guardian-${suffix}@example.dk` : input.guardianEmail;
  const guardian = await db.person.create({
    data: { firstName: `Guardian${suffix}`, lastName: "Test", email, phone: input.guardianPhone ?? null, language: input.language ?? "da" },
  });
  const user =
    input.withLogin === false
      ? null
      : await db.user.create({ data: { personId: guardian.id, role: "PARENT", email, phone: input.guardianPhone ?? null, language: input.language ?? "da" } });
  const children = [];
  for (const [i, child] of (input.children ?? [{}]).entries()) {
    children.push(
      await db.person.create({
        data: {
          firstName: child.firstName ?? `Child${i}`,
          lastName: "Test",
          birthDate: new Date(`${child.birthDate ?? "2016-05-01"}T00:00:00Z`),
          housingAreaId: child.areaId ?? null,
        },
      }),
    );
  }
  const created = await db.household.create({
    data: {
      members: {
        create: [{ personId: guardian.id, role: "GUARDIAN" }, ...children.map((child) => ({ personId: child.id, role: "CHILD" as const }))],
      },
    },
  });
  return { id: created.id, guardian, user, children };
}

export const key = () => randomUUID();

/**
 * A guardian signs children of their household up online (default: all the
 * children), with a fresh idempotency key — what most tests need.
 */
export async function signUpFamily(
  activityId: string,
  family: Awaited<ReturnType<typeof household>>,
  options: { personIds?: string[]; idempotencyKey?: string; now?: Date } = {},
) {
  const { signUp } = await import("../../app/domain/enrolment/sign-up.server.ts");
  return signUp(
    {
      activityId,
      householdId: family.id,
      personIds: options.personIds ?? family.children.map((child) => child.id),
      consentPersonId: family.guardian.id,
      consentMethod: "ONLINE",
      byUserId: family.user!.id,
      idempotencyKey: options.idempotencyKey ?? key(),
    },
    options.now,
  );
}

export async function jobType(name = "Legepatrulje") {
  return db.jobType.create({ data: { code: `job-type-${unique()}`, name: { da: name }, icon: "star" } });
}

/** A job posting (of its own new job type unless `typeId` is given), open for a year unless told otherwise. */
export async function jobPosting(
  input: {
    typeId?: string;
    title?: string;
    status?: "DRAFT" | "PUBLISHED" | "CLOSED";
    positions?: number;
    applicationDeadline?: Date;
  } = {},
) {
  const title = input.title ?? "Legepatrulje";
  return db.jobPosting.create({
    data: {
      slug: `job-${unique()}`,
      typeId: input.typeId ?? (await jobType()).id,
      status: input.status ?? "PUBLISHED",
      title: { da: title, en: title },
      description: { da: "Leg med børn" },
      hoursInfo: { da: "Efter skole" },
      risks: { da: "Ingen" },
      workPlace: "Legepladsen",
      payOre: 4500,
      positions: input.positions ?? 3,
      applicationDeadline: input.applicationDeadline ?? new Date(Date.now() + 365 * 86_400_000),
      contactName: "Mette",
    },
  });
}

/**
 * A household that took part once, at `when`, and was not heard of since (retention): a sign-up, a confirmed
 * place and an attendance mark at a session then; the household's last change and the guardian's last sign-in
 * set back to that time too.
 */
export async function householdLastSeen(when: Date, input: { areaId?: string } = {}) {
  const family = await household({ children: [{ birthDate: "2018-04-01", areaId: input.areaId ?? null }] });
  const past = await activity({ sessions: [{ startsAt: when, endsAt: new Date(when.getTime() + 2 * 3_600_000) }] });
  const child = family.children[0]!;
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
  const housingAreaId = input.areaId ?? null;
  await db.enrolment.create({
    data: {
      signUpId: signUp.id,
      activityId: past.id,
      personId: child.id,
      householdId: family.id,
      status: "CONFIRMED",
      housingAreaId,
      createdAt: when,
      confirmedAt: when,
    },
  });
  await db.attendance.create({ data: { sessionId: past.sessions[0]!.id, personId: child.id, present: true, enrolled: true, housingAreaId, markedAt: when } });
  await db.household.update({ where: { id: family.id }, data: { updatedAt: when } });
  await db.user.update({ where: { id: family.user!.id }, data: { lastSignInAt: when } });
  return family;
}
