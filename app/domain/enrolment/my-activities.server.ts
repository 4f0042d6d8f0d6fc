// "My activities": a household's sign-ups as the family sees them — places,
// waiting-list positions, open offers, and what may still be cancelled.
import { db } from "~/lib/db.server.ts";
import { summariseSchedule } from "../activities/schedule.ts";
import { upcomingAbsences } from "../attendance/absence.server.ts";
import { cancelDeadline, guardianMayCancel } from "./cancel.server.ts";

export async function householdActivities(householdId: string, now = new Date()) {
  const [signUps, positions] = await Promise.all([
    db.signUp.findMany({
      where: {
        householdId,
        enrolments: { some: { status: { not: "CANCELLED" } } },
        activity: { status: { not: "CANCELLED" }, sessions: { some: { endsAt: { gt: now } } } },
      },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        activity: {
          select: {
            slug: true,
            title: true,
            place: true,
            cancelDeadlineHours: true,
            sessions: { where: { cancelledAt: null, endsAt: { gt: now } }, orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true, endsAt: true } },
          },
        },
        enrolments: {
          where: { status: { not: "CANCELLED" } },
          orderBy: { createdAt: "asc" },
          select: { id: true, status: true, person: { select: { id: true, firstName: true, lastName: true } } },
        },
        offers: { where: { outcome: null, expiresAt: { gt: now } }, select: { id: true, expiresAt: true } },
      },
    }),
    // Waiting-list positions of all this household's waiting sign-ups in one statement.
    db.$queryRaw<{ id: string; position: number }[]>`
      SELECT s."id", (
        SELECT count(DISTINCT s2."id")::int FROM "SignUp" s2 JOIN "Enrolment" e2 ON e2."signUpId" = s2."id"
        WHERE s2."activityId" = s."activityId" AND s2."seq" < s."seq" AND e2."status" = 'WAITING'
      ) + 1 AS "position"
      FROM "SignUp" s
      WHERE s."householdId" = ${householdId}::uuid AND EXISTS (SELECT 1 FROM "Enrolment" e WHERE e."signUpId" = s."id" AND e."status" = 'WAITING')`,
  ]);
  const positionOf = new Map(positions.map((row) => [row.id, row.position]));
  // Absence notices already given for each activity's next session ("can't come" becomes "reported").
  const absent = await upcomingAbsences(
    signUps.flatMap((signUp) => signUp.enrolments.map((enrolment) => enrolment.person.id)),
    signUps.flatMap((signUp) =>
      signUp.activity.sessions
        .filter((session) => session.startsAt > now)
        .slice(0, 1)
        .map((session) => session.id),
    ),
  );
  return signUps.map((signUp) => {
    const firstSession = signUp.activity.sessions[0] ?? null;
    // The next session not yet started: the one "can't come" is about (a running one is too late).
    const absenceSession = signUp.activity.sessions.find((session) => session.startsAt > now) ?? null;
    const deadline = cancelDeadline(firstSession?.startsAt ?? null, signUp.activity.cancelDeadlineHours);
    return {
      signUpId: signUp.id,
      activity: { slug: signUp.activity.slug, title: signUp.activity.title, place: signUp.activity.place },
      sessions: signUp.activity.sessions,
      absenceSession: absenceSession ? { id: absenceSession.id, startsAt: absenceSession.startsAt } : null,
      schedule: summariseSchedule(signUp.activity.sessions),
      position: positionOf.get(signUp.id) ?? null,
      offer: signUp.offers[0] ?? null,
      cancelDeadline: deadline,
      hasConfirmed: signUp.enrolments.some((enrolment) => enrolment.status === "CONFIRMED"),
      people: signUp.enrolments.map((enrolment) => ({
        enrolmentId: enrolment.id,
        personId: enrolment.person.id,
        firstName: enrolment.person.firstName,
        absentNext: absenceSession ? absent.has(`${absenceSession.id}/${enrolment.person.id}`) : false,
        name: `${enrolment.person.firstName} ${enrolment.person.lastName}`,
        status: enrolment.status as "CONFIRMED" | "WAITING" | "OFFERED",
        mayCancel: guardianMayCancel(enrolment.status as "CONFIRMED" | "WAITING" | "OFFERED", deadline, now),
      })),
    };
  });
}
