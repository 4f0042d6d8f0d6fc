// One activity as families see it: texts, sessions, who may join, places.
import { db } from "~/lib/db.server.ts";
import { placesTaken } from "../enrolment/places.server.ts";

export async function publishedActivity(slug: string, now = new Date()) {
  const activity = await db.activity.findFirst({
    where: { slug, status: "PUBLISHED" },
    include: {
      type: { select: { code: true, name: true, icon: true } },
      eligibleAreas: { select: { housingArea: { select: { name: true, sortOrder: true } } } },
      sessions: {
        where: { endsAt: { gt: now } },
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true, place: true, cancelledAt: true },
      },
    },
  });
  if (!activity) return null;
  const [taken, waiting] = await Promise.all([
    placesTaken(db, activity.id, activity.capacityUnit),
    db.signUp.count({ where: { activityId: activity.id, enrolments: { some: { status: "WAITING" } } } }),
  ]);
  const placesLeft = activity.capacity === null ? null : Math.max(0, activity.capacity - taken);
  const nextSession = activity.sessions.find((session) => !session.cancelledAt) ?? null;
  const signUpState = !activity.requiresSignUp
    ? ("dropIn" as const)
    : activity.signUpOpensAt && activity.signUpOpensAt > now
      ? ("notOpenYet" as const)
      : (activity.signUpClosesAt && activity.signUpClosesAt <= now) || !nextSession
        ? ("closed" as const)
        : ("open" as const);
  return {
    ...activity,
    eligibleAreaNames: activity.eligibleAreas.sort((a, b) => a.housingArea.sortOrder - b.housingArea.sortOrder).map((area) => area.housingArea.name),
    placesLeft,
    waiting,
    signUpState,
    cancelDeadline: nextSession ? new Date(nextSession.startsAt.getTime() - activity.cancelDeadlineHours * 3_600_000) : null,
  };
}
