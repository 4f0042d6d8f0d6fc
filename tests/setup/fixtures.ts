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
