// Signing people up: one entry point for every path that takes a place
// (online by a parent, assisted by staff). Locks the activity, re-checks
// eligibility and capacity inside the transaction, places the group whole
// or puts it on the waiting list whole, records consent, and queues the
// message. A repeated idempotency key returns the first result.
import { audit } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { nudge, JOBS } from "~/lib/jobs.server.ts";
import { t9n } from "../activities/text.ts";
import { copenhagenDay, dateOnly } from "../dates.ts";
import { canPlace, placesNeeded } from "./capacity.ts";
import { ineligibilities, type Ineligibility } from "./eligibility.ts";
import { EnrolmentError } from "./errors.ts";
import { notifyGuardian } from "./notify.server.ts";
import { householdHoldsPlace, lockActivity, placesTaken, waitingPosition } from "./places.server.ts";

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

const ACTIVE = ["CONFIRMED", "OFFERED", "WAITING"] as const;

export type ActivityForEligibility = {
  id: string;
  minAge: number | null;
  maxAge: number | null;
  openToOutsiders: boolean;
  capacityUnit: "PERSON" | "HOUSEHOLD";
  sessions: { startsAt: Date; endsAt: Date }[];
  eligibleAreas: { housingAreaId: string }[];
};

export async function householdMembers(tx: DbTx, householdId: string) {
  return tx.householdMember.findMany({
    where: { householdId },
    orderBy: { createdAt: "asc" },
    select: {
      role: true,
      person: {
        select: { id: true, firstName: true, lastName: true, birthDate: true, housingAreaId: true, housingArea: { select: { id: true, isPlanArea: true } } },
      },
    },
  });
}
type Member = Awaited<ReturnType<typeof householdMembers>>[number];

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
  const [alreadyIn, commitments] = await Promise.all([
    tx.enrolment.findMany({
      where: {
        activityId: activity.id,
        personId: { in: personIds },
        status: { in: [...ACTIVE] },
        ...(ignoreSignUpId ? { signUpId: { not: ignoreSignUpId } } : {}),
      },
      select: { personId: true },
    }),
    tx.enrolment.findMany({
      where: { personId: { in: personIds }, status: { in: ["CONFIRMED", "OFFERED"] }, activityId: { not: activity.id } },
      select: {
        personId: true,
        activity: {
          select: {
            title: true,
            sessions: { where: { cancelledAt: null, startsAt: { lt: span.to }, endsAt: { gt: span.from } }, select: { startsAt: true, endsAt: true } },
          },
        },
      },
    }),
  ]);
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
        area: member.person.housingArea,
        alreadySignedUp: alreadyIn.some((enrolment) => enrolment.personId === personId),
        otherCommitments: commitments
          .filter((commitment) => commitment.personId === personId)
          .flatMap((commitment) =>
            commitment.activity.sessions.map((session) => ({
              ...session,
              activityTitle: t9n(commitment.activity.title, "da"),
              day: copenhagenDay(session.startsAt),
            })),
          ),
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
  const activity = await db.activity.findUniqueOrThrow({
    where: { id: activityId },
    include: {
      sessions: { where: { cancelledAt: null }, orderBy: { startsAt: "asc" }, select: { startsAt: true, endsAt: true } },
      eligibleAreas: { select: { housingAreaId: true } },
    },
  });
  const members = (await householdMembers(db, householdId)).filter((member) => member.role === "CHILD" || activity.capacityUnit === "HOUSEHOLD");
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

export async function signUp(input: SignUpInput, now = new Date()): Promise<SignUpResult> {
  const personIds = [...new Set(input.personIds)];
  if (personIds.length === 0) throw new EnrolmentError("nobodyChosen");
  // The form's key names one submission of one household to one activity for
  // these people: a back-button resubmit with other children is a new sign-up.
  const idempotencyKey = [input.idempotencyKey, input.householdId, input.activityId, ...[...personIds].sort()].join(":");

  const result = await db.$transaction(
    async (tx) => {
      if (!(await lockActivity(tx, input.activityId))) throw new EnrolmentError("activityNotFound");

      const earlier = await tx.signUp.findUnique({
        where: { idempotencyKey },
        select: { id: true, seq: true, activityId: true, enrolments: { select: { status: true } } },
      });
      if (earlier) {
        const waiting = earlier.enrolments.some((enrolment) => enrolment.status === "WAITING" || enrolment.status === "OFFERED");
        return {
          signUpId: earlier.id,
          status: waiting ? ("WAITING" as const) : ("CONFIRMED" as const),
          position: waiting ? await waitingPosition(tx, earlier.activityId, earlier.seq) : null,
          replayed: true,
        };
      }

      const activity = await tx.activity.findUniqueOrThrow({
        where: { id: input.activityId },
        include: {
          sessions: { where: { cancelledAt: null }, orderBy: { startsAt: "asc" }, select: { startsAt: true, endsAt: true } },
          eligibleAreas: { select: { housingAreaId: true } },
        },
      });
      if (activity.status !== "PUBLISHED") throw new EnrolmentError("activityNotFound");
      if (!activity.requiresSignUp) throw new EnrolmentError("noSignUpNeeded");
      if (activity.signUpOpensAt && activity.signUpOpensAt > now) throw new EnrolmentError("notOpenYet");
      const lastSession = activity.sessions.at(-1);
      if ((activity.signUpClosesAt && activity.signUpClosesAt <= now) || !lastSession || lastSession.endsAt <= now) throw new EnrolmentError("closed");

      const members = await householdMembers(tx, input.householdId);
      const byId = new Map(members.map((member) => [member.person.id, member]));
      if (byId.get(input.consentPersonId)?.role !== "GUARDIAN") throw new EnrolmentError("notGuardian");
      if (personIds.some((id) => !byId.has(id))) throw new EnrolmentError("notInHousehold");

      const upcoming = activity.sessions.filter((session) => session.endsAt > now);
      const problems = await assessEligibility(tx, activity, members, personIds, now);
      if (Object.keys(problems).length) throw new EnrolmentError("ineligible", problems);

      const taken = await placesTaken(tx, activity.id, activity.capacityUnit);
      const hasPlace = activity.capacityUnit === "HOUSEHOLD" && (await householdHoldsPlace(tx, activity.id, input.householdId, true));
      const status = canPlace(activity.capacity, taken, placesNeeded(activity.capacityUnit, personIds.length, hasPlace)) ? "CONFIRMED" : "WAITING";

      const created = await tx.signUp.create({
        data: {
          activityId: activity.id,
          householdId: input.householdId,
          idempotencyKey,
          createdByUserId: input.byUserId,
          consentPersonId: input.consentPersonId,
          consentAt: now,
          consentMethod: input.consentMethod,
          consentVersion: `${CONSENT_TEXT_VERSION}/terms-v${activity.termsVersion}`,
          enrolments: {
            create: personIds.map((personId) => ({
              activityId: activity.id,
              personId,
              householdId: input.householdId,
              status,
              housingAreaId: byId.get(personId)!.person.housingAreaId,
              confirmedAt: status === "CONFIRMED" ? now : null,
              waitlistedAt: status === "WAITING" ? now : null,
            })),
          },
        },
        select: { id: true, seq: true },
      });
      const position = status === "WAITING" ? await waitingPosition(tx, activity.id, created.seq) : null;
      await audit(tx, {
        actorUserId: input.byUserId,
        action: "enrolment.signUp",
        entityType: "Enrolment",
        entityId: created.id,
        after: { activityId: activity.id, householdId: input.householdId, personIds, status, consentMethod: input.consentMethod },
      });

      await notifyGuardian(tx, {
        guardianPersonId: input.consentPersonId,
        householdId: input.householdId,
        activity: { id: activity.id, title: activity.title, place: activity.place, firstSessionAt: upcoming[0]!.startsAt },
        template: status === "CONFIRMED" ? "signUpConfirmed" : "signUpWaiting",
        names: personIds.map((id) => byId.get(id)!.person.firstName),
        extra: () => ({ position: position ?? 0 }),
      });
      return { signUpId: created.id, status, position, replayed: false } satisfies SignUpResult;
    },
    { timeout: 15_000, maxWait: 15_000 },
  );
  if (!result.replayed) await nudge(JOBS.deliverMessages);
  return result;
}
