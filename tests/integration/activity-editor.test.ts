// The activity editor on real PostgreSQL: creating, changing (audit of the
// changed fields, terms versions, capacity moving the waiting list),
// publishing, sessions from a plan, moving/cancelling a session with
// messages to the families, cancelling and copying an activity.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { addDaysToDay, copenhagenDay, copenhagenInstant, localParts, mondayOf } from "../../app/domain/dates.ts";
import { activitySchema, type ActivityInput } from "../../app/domain/activities/editor-schemas.ts";
import {
  activityForEditing,
  addSessions,
  cancelActivity,
  cancelSession,
  copyActivity,
  createActivity,
  deleteSession,
  EditorError,
  moveSession,
  previewSessions,
  publishActivity,
  sessionsForEditing,
  slugify,
  unpublishActivity,
  updateActivity,
} from "../../app/domain/activities/editor.server.ts";
import { cancelEnrolment } from "../../app/domain/enrolment/cancel.server.ts";
import { signUp } from "../../app/domain/enrolment/sign-up.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { seedDemoData } from "../../prisma/seed.ts";
import { activity, area, household, key } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

type Household = Awaited<ReturnType<typeof household>>;

const signUpAll = (activityId: string, family: Household) =>
  signUp({
    activityId,
    householdId: family.id,
    personIds: family.children.map((child) => child.id),
    consentPersonId: family.guardian.id,
    consentMethod: "ONLINE",
    byUserId: family.user!.id,
    idempotencyKey: key(),
  });

async function references() {
  const suffix = key().slice(0, 8);
  const type = await db.activityType.create({ data: { code: `t-${suffix}`, name: { da: "Sportscamp" }, icon: "sun" } });
  const effort = await db.effortArea.create({ data: { code: `e-${suffix}`, name: { da: "Uddannelse" } } });
  const staff = await createUser({ role: "STAFF", email: `staff-${suffix}@example.dk` });
  const partner = await createUser({ role: "PARTNER", email: `partner-${suffix}@example.dk` });
  const planArea = await area();
  return { type, effort, staff, partner, planArea };
}

/** A valid form, as the schema gives it to the server. */
function form(refs: Awaited<ReturnType<typeof references>>, overrides: Record<string, unknown> = {}): ActivityInput {
  return activitySchema.parse({
    typeId: refs.type.id,
    effortAreaId: refs.effort.id,
    title: { da: "Sommercamp på Nørrevangsparken", en: "Summer camp", ar: "مخيم صيفي" },
    description: { da: "En uge med sport.", en: "A week of sport." },
    practicalInfo: { da: "Tag madpakke med." },
    terms: { da: "Vi tager billeder." },
    minAge: 8,
    maxAge: 12,
    eligibleAreaIds: [refs.planArea.id],
    openToOutsiders: false,
    requiresSignUp: true,
    capacity: 20,
    capacityUnit: "PERSON",
    price: "150,50",
    cancelDeadlineHours: 48,
    offerHoldHours: 24,
    reminderHours: 24,
    place: "Nørrevangsparkens fælleshus",
    address: "Nørrevangsparken 1, 8930 Randers NØ",
    contactName: "Jonas Lund",
    contactPhone: "20 00 00 20",
    contactEmail: "Jonas@Example.dk",
    partnerIds: [refs.partner.id],
    ...overrides,
  });
}

const lastAudit = (entityId: string, action: string) => db.auditEvent.findFirstOrThrow({ where: { entityId, action }, orderBy: { at: "desc" } });

/** A Monday a few weeks ahead (Copenhagen calendar). */
const mondayAhead = (weeks: number) => addDaysToDay(mondayOf(copenhagenDay(new Date())), 7 * weeks);

describe("creating and changing an activity", () => {
  it("creates a draft with every setting, a slug from the Danish title, and an audit entry", async () => {
    const refs = await references();
    const created = await createActivity({ values: form(refs), actorUserId: refs.staff.id });
    expect(created.slug).toBe("sommercamp-paa-noerrevangsparken");
    const row = await db.activity.findUniqueOrThrow({ where: { id: created.id }, include: { eligibleAreas: true, partners: true, sessions: true } });
    expect(row).toMatchObject({
      status: "DRAFT",
      title: { da: "Sommercamp på Nørrevangsparken", en: "Summer camp", ar: "مخيم صيفي" },
      priceOre: 15050,
      capacity: 20,
      openToOutsiders: false,
      contactPhone: "+4520000020",
      contactEmail: "jonas@example.dk",
      termsVersion: 1,
    });
    expect(row.eligibleAreas.map((link) => link.housingAreaId)).toEqual([refs.planArea.id]);
    expect(row.partners.map((link) => link.userId)).toEqual([refs.partner.id]);
    expect(row.sessions).toEqual([]);
    expect((await lastAudit(created.id, "activity.create")).actorUserId).toBe(refs.staff.id);
    // The same title again gets a free slug.
    expect((await createActivity({ values: form(refs), actorUserId: refs.staff.id })).slug).toBe("sommercamp-paa-noerrevangsparken-2");
  });

  it("refuses a staff member as partner and an area outside the plan, naming the field", async () => {
    const refs = await references();
    const outside = await area({ isPlanArea: false });
    await expect(createActivity({ values: form(refs, { partnerIds: [refs.staff.id] }), actorUserId: refs.staff.id })).rejects.toMatchObject({
      code: "partnerUnknown",
      field: "partnerIds",
    });
    await expect(createActivity({ values: form(refs, { eligibleAreaIds: [outside.id] }), actorUserId: refs.staff.id })).rejects.toBeInstanceOf(EditorError);
  });

  it("audits only the changed fields, raises termsVersion when the terms change, and writes nothing when nothing changed", async () => {
    const refs = await references();
    const { id } = await createActivity({ values: form(refs), actorUserId: refs.staff.id });
    const changed = await updateActivity({
      activityId: id,
      values: form(refs, { place: "Hallen", terms: { da: "Vi tager billeder.", en: "We take photos." } }),
      actorUserId: refs.staff.id,
    });
    expect(changed.changed.sort()).toEqual(["place", "terms", "termsVersion"]);
    const event = await lastAudit(id, "activity.update");
    expect(event.before).toEqual({ place: "Nørrevangsparkens fælleshus", terms: { da: "Vi tager billeder." }, termsVersion: 1 });
    expect(event.after).toEqual({ place: "Hallen", terms: { da: "Vi tager billeder.", en: "We take photos." }, termsVersion: 2 });
    expect((await db.activity.findUniqueOrThrow({ where: { id } })).termsVersion).toBe(2);

    const before = await db.auditEvent.count({ where: { entityId: id } });
    const again = await updateActivity({
      activityId: id,
      values: form(refs, { place: "Hallen", terms: { da: "Vi tager billeder.", en: "We take photos." } }),
      actorUserId: refs.staff.id,
    });
    expect(again.changed).toEqual([]);
    expect(await db.auditEvent.count({ where: { entityId: id } })).toBe(before);
    // Partners and areas are replaced, not added to.
    await updateActivity({ activityId: id, values: form(refs, { partnerIds: [], eligibleAreaIds: [] }), actorUserId: refs.staff.id });
    expect(await db.activityPartner.count({ where: { activityId: id } })).toBe(0);
    expect(await db.activityEligibleArea.count({ where: { activityId: id } })).toBe(0);
  });
});

describe("capacity through the editor", () => {
  it("raising capacity moves the waiting list; lowering below the places held is refused", async () => {
    const refs = await references();
    const camp = await activity({ capacity: 1 });
    const [holder, waiter] = [await household(), await household()];
    await signUpAll(camp.id, holder);
    await signUpAll(camp.id, waiter);
    const same = { typeId: camp.typeId, effortAreaId: camp.effortAreaId, eligibleAreaIds: [], partnerIds: [], openToOutsiders: true };
    const raised = await updateActivity({ activityId: camp.id, values: form(refs, { ...same, capacity: 2 }), actorUserId: refs.staff.id });
    expect(raised.offers).toBe(1);
    expect(await db.enrolment.findFirstOrThrow({ where: { householdId: waiter.id } })).toMatchObject({ status: "OFFERED" });
    expect(await db.message.count({ where: { activityId: camp.id, template: "offerMade" } })).toBe(1);
    expect((await lastAudit(camp.id, "activity.update")).after).toMatchObject({ capacity: 2 });

    const error = await updateActivity({ activityId: camp.id, values: form(refs, { ...same, capacity: 1 }), actorUserId: refs.staff.id }).catch(
      (caught) => caught,
    );
    expect(error).toMatchObject({ code: "belowTaken", field: "capacity" });
    expect((await db.activity.findUniqueOrThrow({ where: { id: camp.id } })).capacity).toBe(2);
  });
});

describe("publishing", () => {
  it("needs a session still to come; unpublishing keeps it as a draft", async () => {
    const refs = await references();
    const { id } = await createActivity({ values: form(refs), actorUserId: refs.staff.id });
    await expect(publishActivity({ activityId: id, actorUserId: refs.staff.id })).rejects.toMatchObject({ code: "noSessions" });
    const day = addDaysToDay(copenhagenDay(new Date()), 20);
    await addSessions({ activityId: id, plan: { kind: "dates", dates: [day], startTime: "10:00", endTime: "12:00" }, actorUserId: refs.staff.id });
    await publishActivity({ activityId: id, actorUserId: refs.staff.id });
    expect((await db.activity.findUniqueOrThrow({ where: { id } })).status).toBe("PUBLISHED");
    expect(await lastAudit(id, "activity.publish")).toMatchObject({ before: { status: "DRAFT" }, after: { status: "PUBLISHED" } });
    await unpublishActivity({ activityId: id, actorUserId: refs.staff.id });
    expect((await db.activity.findUniqueOrThrow({ where: { id } })).status).toBe("DRAFT");
  });
});

describe("sessions from a plan", () => {
  it("a weekly lektiecafé on Monday and Wednesday with a holiday gap and the school holidays skipped", async () => {
    const refs = await references();
    const { id } = await createActivity({ values: form(refs), actorUserId: refs.staff.id });
    const from = mondayAhead(2);
    const until = addDaysToDay(from, 7 * 6 - 1); // six whole weeks
    await db.schoolHoliday.create({
      data: {
        name: { da: "Efterårsferie" },
        startsOn: new Date(`${addDaysToDay(from, 14)}T00:00:00Z`),
        endsOn: new Date(`${addDaysToDay(from, 20)}T00:00:00Z`),
      },
    });
    const plan = {
      kind: "weekly" as const,
      weekdays: [1, 3],
      interval: 1 as const,
      from,
      until,
      startTime: "15:00",
      endTime: "17:00",
      skip: [{ from: addDaysToDay(from, 28), until: addDaysToDay(from, 28) }],
      skipSchoolHolidays: true,
    };
    const preview = await previewSessions({ activityId: id, plan });
    expect(preview.sessions).toHaveLength(9); // 12 meetings − 2 in the school holiday − 1 skipped Monday
    expect(preview.skipped.map((day) => day.reason)).toEqual(["schoolHoliday", "schoolHoliday", "skipped"]);
    expect(await db.activitySession.count({ where: { activityId: id } })).toBe(0); // a preview saves nothing

    const added = await addSessions({ activityId: id, plan, actorUserId: refs.staff.id });
    expect(added.added).toBe(9);
    const sessions = await db.activitySession.findMany({ where: { activityId: id }, orderBy: { startsAt: "asc" } });
    expect(sessions.map((session) => localParts(session.startsAt).time)).toEqual(Array(9).fill("15:00"));
    expect(sessions[0]!.startsAt.getTime()).toBe(copenhagenInstant(from, "15:00").getTime());
    expect((await db.activity.findUniqueOrThrow({ where: { id } })).recurrence).toMatchObject({ kind: "weekly", weekdays: [1, 3] });
    expect((await lastAudit(id, "sessions.add")).after).toMatchObject({ skipped: expect.any(Array) });

    // The same plan again adds nothing.
    await expect(addSessions({ activityId: id, plan, actorUserId: refs.staff.id })).rejects.toMatchObject({ code: "noNewSessions" });
    const view = await sessionsForEditing(id);
    expect(view?.lastPlan).toMatchObject({ kind: "weekly", startTime: "15:00" });
    expect(view?.sessions.every((session) => session.deletable)).toBe(true);
  });

  it("a session may be deleted only while nobody has signed up", async () => {
    const refs = await references();
    const camp = await activity({ capacity: 5 });
    const session = camp.sessions[0]!;
    await signUpAll(camp.id, await household());
    await expect(deleteSession({ activityId: camp.id, sessionId: session.id, actorUserId: refs.staff.id })).rejects.toMatchObject({ code: "sessionInUse" });
    const empty = await activity({ capacity: 5 });
    await deleteSession({ activityId: empty.id, sessionId: empty.sessions[0]!.id, actorUserId: refs.staff.id });
    expect(await db.activitySession.count({ where: { activityId: empty.id } })).toBe(0);
    expect((await lastAudit(empty.sessions[0]!.id, "session.delete")).before).toMatchObject({ startsAt: empty.sessions[0]!.startsAt.toISOString() });
  });
});

describe("moving and cancelling one session", () => {
  /** Ida has a place, Yusuf's family an open offer (a place freed for them), one family waits, one cancelled. */
  async function campWithFamilies() {
    const camp = await activity({ capacity: 2 });
    const confirmed = await household({ children: [{ firstName: "Ida" }] });
    const cancelling = await household();
    const offered = await household({ children: [{ firstName: "Yusuf" }], language: "ar" });
    const waiting = await household();
    for (const family of [confirmed, cancelling, offered, waiting]) await signUpAll(camp.id, family);
    await cancelEnrolment({
      enrolmentId: (await db.enrolment.findFirstOrThrow({ where: { householdId: cancelling.id } })).id,
      actor: { userId: cancelling.user!.id, personId: cancelling.guardian.id, isStaff: false },
    });
    return { camp, confirmed, offered, waiting, cancelling };
  }

  it("moving tells every family with a place or an offer in their language, and is audited", async () => {
    const refs = await references();
    const camp = await activity({ capacity: 3 });
    const confirmed = await household({ children: [{ firstName: "Ida" }] });
    const arabic = await household({ children: [{ firstName: "Yusuf" }, { firstName: "Lina" }], language: "ar" });
    const waiting = await household();
    await signUpAll(camp.id, confirmed);
    await signUpAll(camp.id, arabic);
    await signUpAll(camp.id, waiting);
    const session = camp.sessions[0]!;
    await db.reminderSent.create({ data: { sessionId: session.id, householdId: confirmed.id } });
    const day = addDaysToDay(copenhagenDay(session.startsAt), 1);

    const moved = await moveSession({
      activityId: camp.id,
      actorUserId: refs.staff.id,
      sessionId: session.id,
      date: day,
      startTime: "16:00",
      endTime: "18:00",
      place: "Hallen",
    });
    expect(moved).toEqual({ notified: 2, changed: true });
    const after = await db.activitySession.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.startsAt.getTime()).toBe(copenhagenInstant(day, "16:00").getTime());
    expect(after.place).toBe("Hallen");
    const messages = await db.message.findMany({ where: { activityId: camp.id, template: "sessionChanged" } });
    expect(messages.map((message) => message.recipient).sort()).toEqual([confirmed.guardian.email, arabic.guardian.email].sort());
    expect(messages.find((message) => message.recipient === arabic.guardian.email)?.language).toBe("ar");
    expect(messages.some((message) => message.recipient === waiting.guardian.email)).toBe(false);
    const event = await lastAudit(session.id, "session.move");
    expect(event.before).toMatchObject({ startsAt: session.startsAt.toISOString(), place: null });
    expect(event.after).toMatchObject({ startsAt: after.startsAt.toISOString(), place: "Hallen" });
    expect(await db.reminderSent.count({ where: { sessionId: session.id } })).toBe(0); // the new time gets its own reminder

    // Moving it to where it already is changes and tells nothing.
    expect(
      await moveSession({
        activityId: camp.id,
        actorUserId: refs.staff.id,
        sessionId: session.id,
        date: day,
        startTime: "16:00",
        endTime: "18:00",
        place: "Hallen",
      }),
    ).toEqual({
      notified: 0,
      changed: false,
    });
    await expect(
      moveSession({ activityId: camp.id, actorUserId: refs.staff.id, sessionId: session.id, date: "2020-01-01", startTime: "16:00", endTime: "18:00" }),
    ).rejects.toMatchObject({ code: "movedIntoPast", field: "date" });
  });

  it("an open offer counts as a place; cancelling a session tells those families and keeps the session", async () => {
    const refs = await references();
    const { camp, confirmed, offered, waiting, cancelling } = await campWithFamilies();
    expect(await db.enrolment.findFirstOrThrow({ where: { householdId: offered.id } })).toMatchObject({ status: "OFFERED" });
    const session = camp.sessions[0]!;
    const result = await cancelSession({ activityId: camp.id, sessionId: session.id, actorUserId: refs.staff.id });
    expect(result.notified).toBe(2);
    expect((await db.activitySession.findUniqueOrThrow({ where: { id: session.id } })).cancelledAt).not.toBeNull();
    const messages = await db.message.findMany({ where: { activityId: camp.id, template: "sessionChanged" } });
    expect(messages.map((message) => message.recipient).sort()).toEqual([confirmed.guardian.email, offered.guardian.email].sort());
    expect(messages.map((message) => message.recipient)).not.toContain(waiting.guardian.email);
    expect(messages.map((message) => message.recipient)).not.toContain(cancelling.guardian.email);
    expect(await lastAudit(session.id, "session.cancel")).toMatchObject({ before: { cancelledAt: null } });
    await expect(cancelSession({ activityId: camp.id, sessionId: session.id, actorUserId: refs.staff.id })).rejects.toMatchObject({ code: "sessionCancelled" });
  });

  it("a session of another activity is not found", async () => {
    const refs = await references();
    const [one, other] = [await activity({}), await activity({})];
    await expect(cancelSession({ activityId: one.id, sessionId: other.sessions[0]!.id, actorUserId: refs.staff.id })).rejects.toMatchObject({
      code: "sessionNotFound",
    });
  });
});

describe("cancelling an activity", () => {
  it("tells every family with a place or on the waiting list, cancels what is to come, and keeps the data", async () => {
    const refs = await references();
    const camp = await activity({ capacity: 1 });
    const [holder, waiter] = [await household(), await household({ language: "en" })];
    await signUpAll(camp.id, holder);
    await signUpAll(camp.id, waiter);
    const result = await cancelActivity({ activityId: camp.id, actorUserId: refs.staff.id });
    expect(result.notified).toBe(2);

    const row = await db.activity.findUniqueOrThrow({ where: { id: camp.id }, include: { sessions: true, enrolments: true } });
    expect(row.status).toBe("CANCELLED");
    expect(row.sessions.every((session) => session.cancelledAt !== null)).toBe(true);
    expect(row.enrolments.find((enrolment) => enrolment.householdId === holder.id)?.status).toBe("CONFIRMED"); // history kept
    expect(row.enrolments.find((enrolment) => enrolment.householdId === waiter.id)).toMatchObject({ status: "CANCELLED", cancelReason: "BY_STAFF" });
    const messages = await db.message.findMany({ where: { activityId: camp.id, template: "activityCancelled" } });
    expect(messages.map((message) => [message.recipient, message.language]).sort()).toEqual(
      [
        [holder.guardian.email, "da"],
        [waiter.guardian.email, "en"],
      ].sort(),
    );
    expect(await lastAudit(camp.id, "activity.cancel")).toMatchObject({ before: { status: "PUBLISHED" }, after: { status: "CANCELLED" } });

    // Twice is once; a cancelled activity is not changed any more.
    expect(await cancelActivity({ activityId: camp.id, actorUserId: refs.staff.id })).toEqual({ notified: 0 });
    await expect(publishActivity({ activityId: camp.id, actorUserId: refs.staff.id })).rejects.toMatchObject({ code: "activityCancelled" });
    expect((await activityForEditing(camp.id))?.status).toBe("CANCELLED");
  });
});

describe("copying an activity", () => {
  it("makes a draft with the same texts and settings and no sessions, or the sessions some weeks later", async () => {
    const refs = await references();
    const { id } = await createActivity({ values: form(refs), actorUserId: refs.staff.id });
    const from = mondayAhead(3);
    await addSessions({
      activityId: id,
      plan: { kind: "consecutiveDays", from, until: addDaysToDay(from, 4), startTime: "09:00", endTime: "15:00" },
      actorUserId: refs.staff.id,
    });
    await publishActivity({ activityId: id, actorUserId: refs.staff.id });

    const plain = await copyActivity({ activityId: id, actorUserId: refs.staff.id });
    const copy = await db.activity.findUniqueOrThrow({ where: { id: plain.id }, include: { sessions: true, partners: true, eligibleAreas: true } });
    const original = await db.activity.findUniqueOrThrow({ where: { id } });
    expect(copy).toMatchObject({
      status: "DRAFT",
      title: original.title,
      description: original.description,
      terms: original.terms,
      capacity: 20,
      priceOre: 15050,
    });
    expect(copy.sessions).toEqual([]);
    expect(copy.partners).toHaveLength(1);
    expect(copy.eligibleAreas).toHaveLength(1);
    expect(copy.slug).not.toBe(original.slug);
    expect((await lastAudit(plain.id, "activity.copy")).after).toMatchObject({ copiedFrom: id, sessions: 0 });

    // 30 weeks later crosses a change of summer time: the wall-clock time stays 09:00.
    const shifted = await copyActivity({ activityId: id, actorUserId: refs.staff.id, shiftWeeks: 30 });
    const sessions = await db.activitySession.findMany({ where: { activityId: shifted.id }, orderBy: { startsAt: "asc" } });
    expect(sessions.map((session) => localParts(session.startsAt).day)).toEqual([0, 1, 2, 3, 4].map((i) => addDaysToDay(from, 210 + i)));
    expect(sessions.every((session) => localParts(session.startsAt).time === "09:00")).toBe(true);
  });
});

/** What a browser would post for these form values. */
function asFormData(values: Record<string, unknown>, data = new FormData(), prefix = ""): FormData {
  for (const [name, value] of Object.entries(values)) {
    const key = prefix + name;
    if (Array.isArray(value)) for (const item of value) data.append(key, String(item));
    else if (typeof value === "boolean") {
      if (value) data.append(key, "on");
    } else if (value && typeof value === "object") asFormData(value as Record<string, unknown>, data, `${key}.`);
    else data.append(key, String(value ?? ""));
  }
  return data;
}

const DEMO_SLUGS = [
  "lektiecafe-jennumparken",
  "familiedage",
  "faedregruppen",
  "madpakkegruppen",
  "sommer-sportscamp",
  "aaben-traening",
  "paaskejagt-nordre-faelled",
  "sankt-hans-noerrevangsparken",
  "graeskarskaering-myretuen",
  "brandkadet",
  "noerklecafe",
];

describe("the demo's activities", () => {
  it("open in the editor and save back unchanged (the form shows exactly what is stored)", async () => {
    await seedDemoData(db);
    const staff = await createUser({ role: "STAFF", email: "round-trip@example.dk" });
    const activities = await db.activity.findMany({ where: { slug: { in: DEMO_SLUGS } } });
    expect(activities).toHaveLength(DEMO_SLUGS.length);
    for (const { id } of activities) {
      const editing = await activityForEditing(id);
      const submission = parseWithZod(asFormData(editing!.values), { schema: activitySchema });
      expect(submission.status === "success" ? [] : submission.reply().error, id).toEqual([]);
      if (submission.status !== "success") continue;
      expect(await updateActivity({ activityId: id, values: submission.value, actorUserId: staff.id })).toEqual({ changed: [], offers: 0 });
    }
  });
});

describe("slugs", () => {
  it("spell Danish letters out and keep only a–z, digits and dashes", () => {
    expect(slugify("Æblekage & fællesspisning i Gl. Jennumparken!")).toBe("aeblekage-faellesspisning-i-gl-jennumparken");
    expect(slugify("مخيم صيفي")).toBe("aktivitet");
  });
});
