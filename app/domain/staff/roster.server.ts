// Rosters for staff and attached partners: who has a place, who waits (in
// order, with open offers), how to reach the guardians, "things we should
// know" and photo consent. Also the staff actions on places: give a waiting
// family a place, remove an enrolment, change capacity — all through the
// activity lock, like every other path to a place.
import { audit } from "~/lib/audit.server.ts";
import { db } from "~/lib/db.server.ts";
import { formatPhone } from "~/lib/format.ts";
import { nudge, JOBS } from "~/lib/job-queue.server.ts";
import { ageOn, copenhagenDay, dateOnly } from "../dates.ts";
import { canPlace, placesNeeded } from "../enrolment/capacity.ts";
import { EnrolmentError } from "../enrolment/errors.ts";
import { notifyGuardian } from "../enrolment/notify.server.ts";
import { householdHoldsPlace, placesByActivity, placesTaken } from "../enrolment/places.server.ts";
import { lockRow } from "~/domain/locking.server.ts";
import { asLocalized } from "../activities/text.ts";
import { offerFreePlaces } from "../enrolment/waiting-list.server.ts";

/**
 * The activities of the staff start page (all for staff, a partner's own), with every date and the places, and what a
 * search looks in. Grouped, searched and sorted by deskView (desk.ts).
 */
export async function staffActivityList(activityIds: string[] | null, now = new Date()) {
  const activities = await db.activity.findMany({
    where: activityIds ? { id: { in: activityIds } } : {},
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      slug: true,
      title: true,
      status: true,
      place: true,
      capacity: true,
      capacityUnit: true,
      requiresSignUp: true,
      type: { select: { name: true } },
      effortArea: { select: { name: true } },
      eligibleAreas: { select: { housingArea: { select: { name: true } } } },
      sessions: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true, endsAt: true, cancelledAt: true } },
    },
  });
  const places = await placesByActivity(
    db,
    activities.map((activity) => activity.id),
  );
  const texts = (value: unknown) => Object.values(asLocalized(value)).filter((text): text is string => typeof text === "string");
  return activities.map(({ type, effortArea, eligibleAreas, ...activity }) => ({
    ...activity,
    nextSession: activity.sessions.find((session) => !session.cancelledAt && session.endsAt > now) ?? null,
    confirmed: places.get(activity.id)?.taken ?? 0,
    waiting: places.get(activity.id)?.waiting ?? 0,
    searchText: [
      ...texts(activity.title),
      ...texts(type.name),
      ...texts(effortArea.name),
      ...eligibleAreas.map((area) => area.housingArea.name),
      activity.place,
    ].join(" "),
  }));
}

/** The roster of an activity. Reading "things we should know" is logged (who, when, which activity). */
export async function activityRoster(activityId: string, viewer: { userId: string }, now = new Date()) {
  const activity = await db.activity.findUniqueOrThrow({
    where: { id: activityId },
    select: {
      id: true,
      slug: true,
      title: true,
      place: true,
      capacity: true,
      capacityUnit: true,
      requiresSignUp: true,
      status: true,
      sessions: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true, endsAt: true, cancelledAt: true, place: true } },
    },
  });
  const enrolments = await db.enrolment.findMany({
    where: { activityId, status: { not: "CANCELLED" } },
    orderBy: [{ signUp: { seq: "asc" } }, { createdAt: "asc" }],
    select: {
      id: true,
      status: true,
      signUpId: true,
      signUp: { select: { seq: true, consentMethod: true, offers: { where: { outcome: null }, select: { expiresAt: true } } } },
      person: {
        select: {
          id: true,
          firstName: true,
          lastName: true,
          birthDate: true,
          photoConsent: true,
          housingArea: { select: { name: true } },
          needs: { select: { text: true } },
        },
      },
      household: {
        select: {
          members: {
            where: { role: "GUARDIAN" },
            select: { person: { select: { firstName: true, lastName: true, phone: true, email: true, user: { select: { phone: true, email: true } } } } },
          },
        },
      },
    },
  });
  const today = copenhagenDay(now);
  const rows = enrolments.map((enrolment) => ({
    enrolmentId: enrolment.id,
    personId: enrolment.person.id,
    signUpId: enrolment.signUpId,
    status: enrolment.status,
    name: `${enrolment.person.firstName} ${enrolment.person.lastName}`,
    age: enrolment.person.birthDate ? ageOn(dateOnly(enrolment.person.birthDate), today) : null,
    area: enrolment.person.housingArea?.name ?? null,
    photoConsent: enrolment.person.photoConsent,
    needs: enrolment.person.needs?.text ?? null,
    spokenConsent: enrolment.signUp.consentMethod === "SPOKEN",
    offerExpiresAt: enrolment.signUp.offers[0]?.expiresAt ?? null,
    guardians: enrolment.household.members.map(({ person }) => ({
      name: `${person.firstName} ${person.lastName}`.trim(),
      // As people write it ("+45 20 12 34 56"); a parent who signs in by e-mail is reached by e-mail.
      phone: (person.user?.phone ?? person.phone) ? formatPhone((person.user?.phone ?? person.phone)!) : null,
      email: person.user?.email ?? person.email,
    })),
  }));
  const withNeeds = rows.filter((row) => row.needs).length;
  if (withNeeds) {
    await audit(db, { actorUserId: viewer.userId, action: "needs.view", entityType: "PersonNeeds", entityId: activityId, after: { people: withNeeds } });
  }
  // Waiting groups in order: position = index of the group among waiting groups.
  const waitingGroups = [...new Set(rows.filter((row) => row.status === "WAITING").map((row) => row.signUpId))];
  return {
    activity,
    // No date left to begin: no place can be given and the number of places cannot change (giveWaitingPlace and
    // setCapacity refuse with "activityEnded" by the same rule), so the roster offers neither.
    ended: !activity.sessions.some((session) => !session.cancelledAt && session.startsAt > now),
    placed: rows.filter((row) => row.status !== "WAITING"),
    waiting: rows.filter((row) => row.status === "WAITING").map((row) => ({ ...row, position: waitingGroups.indexOf(row.signUpId) + 1 })),
    taken: await placesTaken(db, activityId, activity.capacityUnit),
  };
}

/** Staff give a waiting group its places now (no offer), if the places are free. */
export async function giveWaitingPlace(input: { signUpId: string; activityId: string; actorUserId: string }, now = new Date()) {
  const signUp = await db.signUp.findUnique({ where: { id: input.signUpId }, select: { activityId: true } });
  if (!signUp || signUp.activityId !== input.activityId) throw new EnrolmentError("enrolmentNotFound");
  await db.$transaction(async (tx) => {
    await lockRow(tx, "Activity", signUp.activityId);
    const group = await tx.signUp.findUniqueOrThrow({
      where: { id: input.signUpId },
      select: {
        householdId: true,
        consentPersonId: true,
        enrolments: { where: { status: "WAITING" }, select: { id: true, person: { select: { firstName: true } } } },
        activity: {
          select: {
            id: true,
            title: true,
            place: true,
            capacity: true,
            capacityUnit: true,
            sessions: { where: { cancelledAt: null, startsAt: { gt: now } }, orderBy: { startsAt: "asc" }, take: 1, select: { startsAt: true } },
          },
        },
      },
    });
    if (group.enrolments.length === 0) throw new EnrolmentError("alreadyCancelled");
    const { activity } = group;
    if (activity.sessions.length === 0) throw new EnrolmentError("activityEnded");
    const needed = placesNeeded(
      activity.capacityUnit,
      group.enrolments.length,
      activity.capacityUnit === "HOUSEHOLD" && (await householdHoldsPlace(tx, activity.id, group.householdId)),
    );
    if (!canPlace(activity.capacity, await placesTaken(tx, activity.id, activity.capacityUnit), needed)) throw new EnrolmentError("noRoom");
    await tx.enrolment.updateMany({ where: { signUpId: input.signUpId, status: "WAITING" }, data: { status: "CONFIRMED", confirmedAt: now } });
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "enrolment.placeFromWaitingList",
      entityType: "Enrolment",
      entityId: input.signUpId,
      before: { status: "WAITING" },
      after: { status: "CONFIRMED" },
    });
    await notifyGuardian(tx, {
      guardianPersonId: group.consentPersonId,
      householdId: group.householdId,
      activity: { ...activity, firstSessionAt: activity.sessions[0]?.startsAt ?? null },
      template: "offerAccepted",
      names: group.enrolments.map((enrolment) => enrolment.person.firstName),
    });
  });
  await nudge(JOBS.deliverMessages);
}

/**
 * Changes capacity (never below the places already held); freed places go to the waiting list at once. Returns how
 * many waiting groups were offered a place. An activity with no date left refuses: nothing could use the places.
 */
export async function setCapacity(input: { activityId: string; capacity: number | null; actorUserId: string }, now = new Date()): Promise<{ offered: number }> {
  const offered = await db.$transaction(async (tx) => {
    await lockRow(tx, "Activity", input.activityId);
    const activity = await tx.activity.findUniqueOrThrow({
      where: { id: input.activityId },
      select: { capacity: true, capacityUnit: true, sessions: { where: { cancelledAt: null, startsAt: { gt: now } }, take: 1, select: { id: true } } },
    });
    if (activity.sessions.length === 0 && input.capacity !== activity.capacity) throw new EnrolmentError("activityEnded");
    const taken = await placesTaken(tx, input.activityId, activity.capacityUnit);
    if (input.capacity !== null && input.capacity < taken) throw new EnrolmentError("belowTaken");
    await tx.activity.update({ where: { id: input.activityId }, data: { capacity: input.capacity } });
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "activity.capacity",
      entityType: "Activity",
      entityId: input.activityId,
      before: { capacity: activity.capacity },
      after: { capacity: input.capacity },
    });
    return offerFreePlaces(tx, input.activityId, now);
  });
  await nudge(JOBS.deliverMessages);
  return { offered };
}
