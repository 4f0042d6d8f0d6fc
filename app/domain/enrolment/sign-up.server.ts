// Signing people up: one entry point for every path that takes a place
// (online by a parent, assisted by staff). Checks eligibility, then locks
// the activity only to count and write: places the group whole or puts it
// on the waiting list whole, records consent, and queues the message. A
// repeated idempotency key returns the first result.
import { audit } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { nudge, JOBS } from "~/lib/job-queue.server.ts";
import { enforceRateLimits } from "~/lib/rate-limit.server.ts";
import type { Recipient } from "~/lib/messages/send.server.ts";
import { textIn } from "../activities/text.ts";
import { copenhagenDay, dateOnly } from "../dates.ts";
import { canPlace, placesNeeded } from "./capacity.ts";
import { ineligibilities, type Ineligibility } from "./eligibility.ts";
import { EnrolmentError } from "./errors.ts";
import { notifyGuardian } from "./notify.server.ts";
import { insertSignUp, placesState } from "./places.server.ts";
import { lockActivityForPlaces } from "~/domain/locking.server.ts";

/** Online sign-ups one account may send per hour (abuse: a script or a stuck key); staff signing families up are not limited. */
export const SIGN_UPS_PER_HOUR = 30;

/** Version of the general consent text (consent.text in locales/<language>/enrolment.json). Raise it when the text changes. */
export const CONSENT_TEXT_VERSION = "2026-11-25";

export type SignUpInput = {
  activityId: string;
  householdId: string;
  personIds: string[];
  /** The guardian who consents (online: the signed-in parent). */
  consentPersonId: string;
  consentMethod: "ONLINE" | "SPOKEN";
  byUserId: string;
  idempotencyKey: string;
};

export type SignUpResult = { signUpId: string; status: "CONFIRMED" | "WAITING"; position: number | null; replayed: boolean };

export type ActivityForEligibility = {
  id: string;
  minAge: number | null;
  maxAge: number | null;
  openToOutsiders: boolean;
  capacityUnit: "PERSON" | "HOUSEHOLD";
  sessions: { startsAt: Date; endsAt: Date }[];
  eligibleAreas: { housingAreaId: string }[];
};

export type Member = {
  role: "GUARDIAN" | "CHILD";
  person: {
    id: string;
    firstName: string;
    lastName: string;
    birthDate: Date | null;
    /** Only the year is known (then birthDate is null). */
    birthYear: number | null;
    housingAreaId: string | null;
    housingArea: { id: string; isPlanArea: boolean } | null;
  };
  /** How to reach them (as recipientFor: their login's details first). */
  contact: Recipient;
};

// The reads of a sign-up are raw statements: they run on every sign-up and every view of an activity page, and
// Prisma 6 compiles each ORM call anew at a CPU cost larger than the query's (docs/decisions/011-raw-sql-on-hot-paths.md).

/** The household's members in the order they were added, with what eligibility needs. */
export async function householdMembers(tx: DbTx, householdId: string): Promise<Member[]> {
  const rows = await tx.$queryRaw<
    (Recipient & {
      role: Member["role"];
      id: string;
      firstName: string;
      lastName: string;
      birthDay: string | null;
      birthYear: number | null;
      housingAreaId: string | null;
      isPlanArea: boolean | null;
    })[]
  >`
    SELECT m."role"::text AS "role", p."id"::text AS "id", p."firstName", p."lastName", to_char(p."birthDate", 'YYYY-MM-DD') AS "birthDay", p."birthYear",
      p."housingAreaId"::text AS "housingAreaId", h."isPlanArea",
      COALESCE(u."email", p."email") AS "email", COALESCE(u."phone", p."phone") AS "phone", COALESCE(u."language", p."language") AS "language"
    FROM "HouseholdMember" m JOIN "Person" p ON p."id" = m."personId" LEFT JOIN "HousingArea" h ON h."id" = p."housingAreaId"
      LEFT JOIN "User" u ON u."personId" = p."id"
    WHERE m."householdId" = ${householdId}::uuid
    ORDER BY m."createdAt"`; // the order of the household page (same ORDER BY)
  return rows.map((row) => ({
    role: row.role,
    person: {
      id: row.id,
      firstName: row.firstName,
      lastName: row.lastName,
      birthDate: row.birthDay ? new Date(`${row.birthDay}T00:00:00Z`) : null,
      birthYear: row.birthYear,
      housingAreaId: row.housingAreaId,
      housingArea: row.housingAreaId ? { id: row.housingAreaId, isPlanArea: row.isPlanArea! } : null,
    },
    contact: { email: row.email, phone: row.phone, language: row.language },
  }));
}

export type ActivityForSignUp = ActivityForEligibility & {
  status: string;
  requiresSignUp: boolean;
  signUpOpensAt: Date | null;
  signUpClosesAt: Date | null;
  termsVersion: number;
  title: unknown;
  place: string;
};

/** An activity with its sessions still held (in order) and the areas it is for; null if there is none. */
export async function activityForSignUp(tx: DbTx, activityId: string): Promise<ActivityForSignUp | null> {
  const rows = await tx.$queryRaw<(Omit<ActivityForSignUp, "sessions" | "eligibleAreas"> & { sessions: { s: string; e: string }[]; areaIds: string[] })[]>`
    SELECT a."id"::text AS "id", a."status"::text AS "status", a."requiresSignUp", a."signUpOpensAt", a."signUpClosesAt", a."minAge", a."maxAge",
      a."openToOutsiders", a."capacityUnit"::text AS "capacityUnit", a."termsVersion", a."title", a."place",
      COALESCE((SELECT json_agg(json_build_object('s', x."startsAt", 'e', x."endsAt") ORDER BY x."startsAt", x."id")
        FROM "ActivitySession" x WHERE x."activityId" = a."id" AND x."cancelledAt" IS NULL), '[]'::json) AS "sessions",
      ARRAY(SELECT e."housingAreaId"::text FROM "ActivityEligibleArea" e WHERE e."activityId" = a."id") AS "areaIds"
    FROM "Activity" a WHERE a."id" = ${activityId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  const { sessions, areaIds, ...activity } = row;
  return {
    ...activity,
    sessions: sessions.map((session) => ({ startsAt: new Date(session.s), endsAt: new Date(session.e) })),
    eligibleAreas: areaIds.map((housingAreaId) => ({ housingAreaId })),
  };
}

/**
 * Why each person may not join (empty: eligible), with the same rules the
 * sign-up enforces: age at the first session still to come, areas, a place
 * already held, overlapping sessions elsewhere. Three queries, any number of people.
 */
export async function assessEligibility(
  tx: DbTx,
  activity: ActivityForEligibility,
  members: Member[],
  personIds: string[],
  now: Date,
  /** When re-checking an offered sign-up: its own enrolments are not "already signed up". */
  ignoreSignUpId?: string,
): Promise<Record<string, Ineligibility[]>> {
  const upcoming = activity.sessions.filter((session) => session.endsAt > now);
  const problems: Record<string, Ineligibility[]> = {};
  if (upcoming.length === 0) return problems;
  const span = { from: upcoming[0]!.startsAt, to: upcoming.at(-1)!.endsAt };
  // One statement: each chosen person's active enrolments here, and their places elsewhere with the sessions overlapping this activity's span.
  const rows = await tx.$queryRaw<{ personId: string; here: boolean; title: unknown; startsAt: Date | null; endsAt: Date | null }[]>`
    SELECT e."personId"::text AS "personId", e."activityId" = ${activity.id}::uuid AS "here", a."title", x."startsAt", x."endsAt"
    FROM "Enrolment" e
    JOIN "Activity" a ON a."id" = e."activityId"
    LEFT JOIN "ActivitySession" x ON e."activityId" <> ${activity.id}::uuid AND x."activityId" = e."activityId" AND x."cancelledAt" IS NULL
      AND x."startsAt" < ${span.to} AND x."endsAt" > ${span.from}
    WHERE e."personId" = ANY(${personIds}::uuid[]) AND (
      (e."activityId" = ${activity.id}::uuid AND e."status" IN ('CONFIRMED', 'OFFERED', 'WAITING')
        AND e."signUpId" IS DISTINCT FROM ${ignoreSignUpId ?? null}::uuid)
      OR (e."activityId" <> ${activity.id}::uuid AND e."status" IN ('CONFIRMED', 'OFFERED')))`;
  const startDay = copenhagenDay(upcoming[0]!.startsAt);
  const byId = new Map(members.map((member) => [member.person.id, member]));
  for (const personId of personIds) {
    const member = byId.get(personId);
    if (!member) continue;
    const found = ineligibilities({
      activity: {
        minAge: activity.minAge,
        maxAge: activity.maxAge,
        startDay,
        eligibleAreaIds: activity.eligibleAreas.map((area) => area.housingAreaId),
        openToOutsiders: activity.openToOutsiders,
        familiesJoinTogether: activity.capacityUnit === "HOUSEHOLD",
        sessions: upcoming,
      },
      person: {
        role: member.role,
        birthDay: member.person.birthDate ? dateOnly(member.person.birthDate) : null,
        birthYear: member.person.birthYear,
        area: member.person.housingArea,
        alreadySignedUp: rows.some((row) => row.personId === personId && row.here),
        otherCommitments: rows
          .filter((row) => row.personId === personId && !row.here && row.startsAt && row.endsAt)
          .map((row) => ({
            startsAt: row.startsAt!,
            endsAt: row.endsAt!,
            activityTitle: textIn(row.title, "da"),
            day: copenhagenDay(row.startsAt!),
          })),
      },
    });
    if (found.length) problems[personId] = found;
  }
  return problems;
}

export type SignUpChoice = { personId: string; firstName: string; lastName: string; role: "GUARDIAN" | "CHILD"; problems: Ineligibility[] };

/**
 * Who in a household could be signed up for an activity, and why not:
 * the children, and for family courses the guardians too.
 */
export async function signUpChoices(activityId: string, householdId: string, now = new Date()): Promise<SignUpChoice[]> {
  const [activity, all] = await Promise.all([activityForSignUp(db, activityId), householdMembers(db, householdId)]);
  if (!activity) throw new EnrolmentError("activityNotFound");
  const members = all.filter((member) => member.role === "CHILD" || activity.capacityUnit === "HOUSEHOLD");
  const problems = await assessEligibility(
    db,
    activity,
    members,
    members.map((member) => member.person.id),
    now,
  );
  return members.map((member) => ({
    personId: member.person.id,
    firstName: member.person.firstName,
    lastName: member.person.lastName,
    role: member.role,
    problems: problems[member.person.id] ?? [],
  }));
}

/**
 * What a parent's sign-up form names, in one statement: the published
 * activity with this slug, and the household the user is a guardian of.
 */
export async function signUpTarget(slug: string, personId: string): Promise<{ activityId: string | null; householdId: string | null }> {
  const rows = await db.$queryRaw<{ activityId: string | null; householdId: string | null }[]>`
    SELECT (SELECT "id"::text FROM "Activity" WHERE "slug" = ${slug} AND "status" = 'PUBLISHED') AS "activityId",
      (SELECT "householdId"::text FROM "HouseholdMember" WHERE "personId" = ${personId}::uuid AND "role" = 'GUARDIAN' ORDER BY "createdAt" LIMIT 1)
        AS "householdId"`;
  return rows[0]!;
}

/** A submission already committed under this key: its first result. */
async function earlierResult(tx: DbTx, idempotencyKey: string): Promise<SignUpResult | null> {
  const rows = await tx.$queryRaw<{ id: string; waiting: boolean; ahead: number }[]>`
    SELECT s."id"::text AS "id", w."waiting",
      (SELECT count(DISTINCT o."id")::int FROM "SignUp" o JOIN "Enrolment" oe ON oe."signUpId" = o."id"
        WHERE o."activityId" = s."activityId" AND o."seq" < s."seq" AND oe."status" = 'WAITING') AS "ahead"
    FROM "SignUp" s,
      LATERAL (SELECT COALESCE(bool_or(e."status" IN ('WAITING', 'OFFERED')), false) AS "waiting" FROM "Enrolment" e WHERE e."signUpId" = s."id") w
    WHERE s."idempotencyKey" = ${idempotencyKey}`;
  const earlier = rows[0];
  if (!earlier) return null;
  return { signUpId: earlier.id, status: earlier.waiting ? "WAITING" : "CONFIRMED", position: earlier.waiting ? earlier.ahead + 1 : null, replayed: true };
}

/**
 * Signs a group up. In two steps, so that the activity's lock is held only
 * for what must be atomic (docs/benchmarks.md, the sign-up rush):
 * 1. without the lock, everything that does not depend on the places left:
 *    the activity is open, the people belong to the household, each is
 *    eligible (age, area, overlapping sessions), the guardian's contact;
 * 2. under the lock, in a short transaction: the activity is still open,
 *    nobody chosen has meanwhile been signed up, the key is not a replay,
 *    then count, decide and write (sign-up, enrolments, audit, message).
 */
export async function signUp(input: SignUpInput, now = new Date()): Promise<SignUpResult> {
  const personIds = [...new Set(input.personIds)];
  if (personIds.length === 0) throw new EnrolmentError("nobodyChosen");
  // The form's key names one submission of one household to one activity for
  // these people: a back-button resubmit with other children is a new sign-up.
  const idempotencyKey = [input.idempotencyKey, input.householdId, input.activityId, ...[...personIds].sort()].join(":");
  if (input.consentMethod === "ONLINE") {
    await enforceRateLimits([{ key: `sign-up:user:${input.byUserId}`, limit: { limit: SIGN_UPS_PER_HOUR, windowSeconds: 3600 } }], now);
  }

  // The checks that need no lock. A refusal may be this very submission, already committed (a double tap, a
  // resubmit): then it answers with the first result. (Looking for that first would cost every sign-up a query.)
  let checked: Awaited<ReturnType<typeof checkBeforeLock>>;
  try {
    checked = await checkBeforeLock(input, personIds, now);
  } catch (error) {
    const replay = error instanceof EnrolmentError ? await earlierResult(db, idempotencyKey) : null;
    if (replay) return replay;
    throw error;
  }
  const { activity, byId, recipient } = checked;
  const firstSessionAt = activity.sessions.find((session) => session.endsAt > now)!.startsAt;

  const result = await db.$transaction(
    async (tx) => {
      const locked = await lockActivityForPlaces(tx, input.activityId);
      if (!locked || locked.status !== "PUBLISHED") throw new EnrolmentError("activityNotFound");
      assertOpen(locked, now);
      const state = await placesState(tx, { activityId: activity.id, unit: locked.capacityUnit, householdId: input.householdId, personIds, idempotencyKey });
      if (state.replayed) return (await earlierResult(tx, idempotencyKey))!;
      if (state.alreadyIn.length)
        throw new EnrolmentError("ineligible", Object.fromEntries(state.alreadyIn.map((personId) => [personId, [{ reason: "alreadySignedUp" as const }]])));

      const needed = placesNeeded(locked.capacityUnit, personIds.length, state.householdHoldsPlace);
      const status = canPlace(locked.capacity, state.taken, needed) ? "CONFIRMED" : "WAITING";
      const created = await insertSignUp(tx, {
        activityId: activity.id,
        householdId: input.householdId,
        idempotencyKey,
        createdByUserId: input.byUserId,
        consentPersonId: input.consentPersonId,
        consentAt: now,
        consentMethod: input.consentMethod,
        consentVersion: `${CONSENT_TEXT_VERSION}/terms-v${locked.termsVersion}`,
        status,
        people: personIds.map((personId) => ({ personId, housingAreaId: byId.get(personId)!.person.housingAreaId })),
      });
      const position = status === "WAITING" ? created.waitingAhead + 1 : null;
      await Promise.all([
        audit(tx, {
          actorUserId: input.byUserId,
          action: "enrolment.signUp",
          entityType: "Enrolment",
          entityId: created.id,
          after: { activityId: activity.id, householdId: input.householdId, personIds, status, consentMethod: input.consentMethod },
        }),
        notifyGuardian(tx, {
          guardianPersonId: input.consentPersonId,
          recipient,
          householdId: input.householdId,
          activity: { id: activity.id, title: activity.title, place: activity.place, firstSessionAt },
          template: status === "CONFIRMED" ? "signUpConfirmed" : "signUpWaiting",
          names: personIds.map((id) => byId.get(id)!.person.firstName),
          extra: () => ({ position: position ?? 0 }),
        }),
      ]);
      return { signUpId: created.id, status, position, replayed: false } satisfies SignUpResult;
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
  if (!result.replayed) await nudge(JOBS.deliverMessages);
  return result;
}

async function checkBeforeLock(input: SignUpInput, personIds: string[], now: Date) {
  const [activity, members] = await Promise.all([activityForSignUp(db, input.activityId), householdMembers(db, input.householdId)]);
  if (!activity || activity.status !== "PUBLISHED") throw new EnrolmentError("activityNotFound");
  assertOpen(activity, now);
  const byId = new Map(members.map((member) => [member.person.id, member]));
  if (byId.get(input.consentPersonId)?.role !== "GUARDIAN") throw new EnrolmentError("notGuardian");
  if (personIds.some((id) => !byId.has(id))) throw new EnrolmentError("notInHousehold");
  const problems = await assessEligibility(db, activity, members, personIds, now);
  if (Object.keys(problems).length) throw new EnrolmentError("ineligible", problems);
  return { activity, byId, recipient: byId.get(input.consentPersonId)!.contact };
}

function assertOpen(
  activity: { requiresSignUp: boolean; signUpOpensAt: Date | null; signUpClosesAt: Date | null; sessions?: { endsAt: Date }[] },
  now: Date,
): void {
  if (!activity.requiresSignUp) throw new EnrolmentError("noSignUpNeeded");
  if (activity.signUpOpensAt && activity.signUpOpensAt > now) throw new EnrolmentError("notOpenYet");
  if (activity.signUpClosesAt && activity.signUpClosesAt <= now) throw new EnrolmentError("closed");
  if (activity.sessions && !activity.sessions.some((session) => session.endsAt > now)) throw new EnrolmentError("closed");
}
