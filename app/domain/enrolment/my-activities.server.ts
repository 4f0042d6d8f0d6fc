// "My activities": a household's sign-ups as the family sees them — one card per activity (a child signed up later
// has a sign-up of their own, but the family has one activity), what is next (date, time, place, what to bring),
// places, waiting-list positions, open offers, and until when a place may still be cancelled.
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
        activityId: true,
        activity: {
          select: {
            slug: true,
            title: true,
            place: true,
            practicalInfo: true,
            cancelDeadlineHours: true,
            sessions: {
              where: { cancelledAt: null, endsAt: { gt: now } },
              orderBy: { startsAt: "asc" },
              select: { id: true, startsAt: true, endsAt: true, place: true },
            },
          },
        },
        enrolments: {
          where: { status: { not: "CANCELLED" } },
          orderBy: { createdAt: "asc" },
          select: { id: true, status: true, createdAt: true, person: { select: { id: true, firstName: true, lastName: true } } },
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
  // One card per activity, in the order of its newest sign-up (signUps come newest first).
  const byActivity = new Map<string, (typeof signUps)[number][]>();
  for (const signUp of signUps) byActivity.set(signUp.activityId, [...(byActivity.get(signUp.activityId) ?? []), signUp]);
  return [...byActivity.values()].map((group) => {
    const { activity } = group[0]!;
    const oldestFirst = [...group].reverse();
    const firstSession = activity.sessions[0] ?? null;
    // The next session not yet started: the one "can't come" is about (a running one is too late).
    const absenceSession = activity.sessions.find((session) => session.startsAt > now) ?? null;
    const deadline = cancelDeadline(firstSession?.startsAt ?? null, activity.cancelDeadlineHours);
    const enrolments = oldestFirst
      .flatMap((signUp) => signUp.enrolments.map((enrolment) => ({ ...enrolment, signUpId: signUp.id })))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const hasConfirmed = enrolments.some((enrolment) => enrolment.status === "CONFIRMED");
    return {
      /** The sign-up whose calendar file the card offers (it holds every child of the family on the activity). */
      signUpId: (oldestFirst.find((signUp) => signUp.enrolments.some((enrolment) => enrolment.status === "CONFIRMED")) ?? oldestFirst[0]!).id,
      activity: { slug: activity.slug, title: activity.title, place: activity.place, practicalInfo: activity.practicalInfo },
      sessions: activity.sessions,
      /** What is next: the first session not yet over, at its own place when it has one. */
      next: firstSession ? { startsAt: firstSession.startsAt, endsAt: firstSession.endsAt, place: firstSession.place ?? activity.place } : null,
      absenceSession: absenceSession ? { id: absenceSession.id, startsAt: absenceSession.startsAt } : null,
      schedule: summariseSchedule(activity.sessions),
      offer: group.flatMap((signUp) => signUp.offers)[0] ?? null,
      cancelDeadline: deadline,
      hasConfirmed,
      people: enrolments.map((enrolment) => ({
        enrolmentId: enrolment.id,
        personId: enrolment.person.id,
        firstName: enrolment.person.firstName,
        absentNext: absenceSession ? absent.has(`${absenceSession.id}/${enrolment.person.id}`) : false,
        name: `${enrolment.person.firstName} ${enrolment.person.lastName}`,
        status: enrolment.status as "CONFIRMED" | "WAITING" | "OFFERED",
        /** Waiting-list number of this child's sign-up. */
        position: positionOf.get(enrolment.signUpId) ?? null,
        mayCancel: guardianMayCancel(enrolment.status as "CONFIRMED" | "WAITING" | "OFFERED", deadline, now),
      })),
    };
  });
}
