// Sign-up, capacity and the waiting list on real PostgreSQL.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { cancelEnrolment } from "../../app/domain/enrolment/cancel.server.ts";
import { EnrolmentError } from "../../app/domain/enrolment/errors.ts";
import { SIGN_UPS_PER_HOUR, signUp } from "../../app/domain/enrolment/sign-up.server.ts";
import { answerOffer, expireOverdueOffers, findOffer } from "../../app/domain/enrolment/waiting-list.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { deliverDueMessages } from "../../app/lib/messages/send.server.ts";
import { hitRateLimit, RateLimitedError } from "../../app/lib/rate-limit.server.ts";
import { activity, area, household, key, signUpFamily } from "../setup/fixtures.ts";
import { createUser, lastMessageTo } from "../setup/helpers.ts";

type Household = Awaited<ReturnType<typeof household>>;
const signUpAll = (activityId: string, family: Household, now?: Date) => signUpFamily(activityId, family, { now });
const statuses = async (activityId: string) =>
  Object.fromEntries((await db.enrolment.groupBy({ by: ["status"], where: { activityId }, _count: true })).map((row) => [row.status, row._count]));
async function offerLink(email: string) {
  await deliverDueMessages();
  const offer = await db.devOutboxItem.findFirst({ where: { recipient: email, body: { contains: "/offers/" } }, orderBy: { createdAt: "desc" } });
  return /\/offers\/([a-z0-9]+)/.exec(offer?.body ?? "")?.[1] ?? null;
}

describe("no overbooking, ever", () => {
  it("50 parents at once for 10 places: exactly 10 confirmed, 40 waiting in arrival order", async () => {
    const camp = await activity({ capacity: 10 });
    const families = await Promise.all(Array.from({ length: 50 }, () => household()));
    const results = await Promise.all(families.map((family) => signUpAll(camp.id, family)));

    expect(results.filter((result) => result.status === "CONFIRMED")).toHaveLength(10);
    expect(results.filter((result) => result.status === "WAITING")).toHaveLength(40);
    expect(await statuses(camp.id)).toEqual({ CONFIRMED: 10, WAITING: 40 });
    // Positions 1..40, each once, following the order the sign-ups were committed.
    const positions = results.flatMap((result) => (result.position ? [result.position] : [])).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const waiting = await db.signUp.findMany({
      where: { activityId: camp.id, enrolments: { some: { status: "WAITING" } } },
      orderBy: { seq: "asc" },
      select: { id: true },
    });
    const byPosition = results.filter((result) => result.status === "WAITING").sort((a, b) => a.position! - b.position!);
    expect(byPosition.map((result) => result.signUpId)).toEqual(waiting.map((row) => row.id));
  });

  it("a double-tapped submit makes one sign-up, not two", async () => {
    const camp = await activity({ capacity: 10 });
    const family = await household({ children: [{}, {}] });
    const input = {
      activityId: camp.id,
      householdId: family.id,
      personIds: family.children.map((child) => child.id),
      consentPersonId: family.guardian.id,
      consentMethod: "ONLINE" as const,
      byUserId: family.user!.id,
      idempotencyKey: key(),
    };
    const [first, second] = await Promise.all([signUp(input), signUp(input)]);
    expect(first.signUpId).toBe(second.signUpId);
    expect([first.replayed, second.replayed].sort()).toEqual([false, true]);
    expect(await db.enrolment.count({ where: { activityId: camp.id } })).toBe(2);
    expect(await db.message.count({ where: { activityId: camp.id } })).toBe(1);
  });

  it("a resubmitted form with other children (back button) is a new sign-up, not a replay", async () => {
    const camp = await activity({ capacity: 10 });
    const family = await household({ children: [{}, {}] });
    const base = {
      activityId: camp.id,
      householdId: family.id,
      consentPersonId: family.guardian.id,
      consentMethod: "ONLINE" as const,
      byUserId: family.user!.id,
      idempotencyKey: key(),
    };
    const first = await signUp({ ...base, personIds: [family.children[0]!.id] });
    const second = await signUp({ ...base, personIds: [family.children[1]!.id] });
    expect(second.replayed).toBe(false);
    expect(second.signUpId).not.toBe(first.signUpId);
    expect(await db.enrolment.count({ where: { activityId: camp.id, status: "CONFIRMED" } })).toBe(2);
  });
});

describe("siblings stay together", () => {
  it("two siblings and one place left: both wait; a second free place offers both", async () => {
    const camp = await activity({ capacity: 3 });
    const first = await household({ children: [{}, {}] });
    await signUpAll(camp.id, first);
    const siblings = await household({ children: [{ firstName: "Yusuf" }, { firstName: "Lina" }] });
    const result = await signUpAll(camp.id, siblings);
    expect(result).toMatchObject({ status: "WAITING", position: 1 });

    const single = await household();
    expect((await signUpAll(camp.id, single)).status).toBe("CONFIRMED"); // fits the one free place

    await cancelEnrolment({
      enrolmentId: (await db.enrolment.findFirstOrThrow({ where: { personId: first.children[0]!.id } })).id,
      actor: { userId: first.user!.id, personId: first.guardian.id, isStaff: false },
    });
    expect(await db.enrolment.count({ where: { householdId: siblings.id, status: "WAITING" } })).toBe(2); // one place is not enough

    await cancelEnrolment({
      enrolmentId: (await db.enrolment.findFirstOrThrow({ where: { personId: first.children[1]!.id } })).id,
      actor: { userId: first.user!.id, personId: first.guardian.id, isStaff: false },
    });
    expect(await db.enrolment.count({ where: { householdId: siblings.id, status: "OFFERED" } })).toBe(2);
    await deliverDueMessages();
    expect((await lastMessageTo(siblings.guardian.email!))?.body).toContain("Yusuf og Lina");
  });

  it("family courses count a place per household, however many come", async () => {
    const course = await activity({ capacity: 2, capacityUnit: "HOUSEHOLD" });
    const big = await household({ children: [{}, {}, {}] });
    expect((await signUpAll(course.id, big)).status).toBe("CONFIRMED");
    expect((await signUpAll(course.id, await household({ children: [{}, {}] }))).status).toBe("CONFIRMED");
    expect((await signUpAll(course.id, await household())).status).toBe("WAITING");
    // The guardian joins their own family's place without taking another.
    const guardianJoins = await signUp({
      activityId: course.id,
      householdId: big.id,
      personIds: [big.guardian.id],
      consentPersonId: big.guardian.id,
      consentMethod: "ONLINE",
      byUserId: big.user!.id,
      idempotencyKey: key(),
    });
    expect(guardianJoins.status).toBe("CONFIRMED");
  });
});

describe("offers", () => {
  async function fullWithOneWaiting(offerHoldHours = 24) {
    const camp = await activity({ capacity: 1, offerHoldHours });
    const holder = await household();
    await signUpAll(camp.id, holder);
    const waiter = await household({ language: "ar" });
    await db.user.update({ where: { id: waiter.user!.id }, data: { language: "ar" } });
    await signUpAll(camp.id, waiter);
    const holding = await db.enrolment.findFirstOrThrow({ where: { householdId: holder.id } });
    return { camp, holder, waiter, holding };
  }

  it("a cancellation offers the place by message; accepting from the link confirms it", async () => {
    const { camp, holder, waiter, holding } = await fullWithOneWaiting();
    await cancelEnrolment({ enrolmentId: holding.id, actor: { userId: holder.user!.id, personId: holder.guardian.id, isStaff: false } });
    const token = await offerLink(waiter.guardian.email!);
    expect(token).not.toBeNull();
    const offerMail = await db.devOutboxItem.findFirstOrThrow({ where: { recipient: waiter.guardian.email!, body: { contains: "/offers/" } } });
    expect(offerMail.subject).toContain("يوجد مكان"); // in the family's language
    expect((await findOffer(token!))?.state).toBe("open");
    expect(await answerOffer(token!, "accept")).toBe("accepted");
    expect(await answerOffer(token!, "accept")).toBe("alreadyAnswered");
    expect(await statuses(camp.id)).toEqual({ CONFIRMED: 1, CANCELLED: 1 });
    // The contact person heard about the cancellation.
    expect((await lastMessageTo("kontakt@example.dk"))?.subject).toContain("Afmelding");
  });

  it("an unanswered offer expires after its hold time and moves to the next", async () => {
    const { camp, holder, waiter, holding } = await fullWithOneWaiting(24);
    const third = await household();
    await signUpAll(camp.id, third);
    const t0 = new Date();
    await cancelEnrolment({ enrolmentId: holding.id, actor: { userId: holder.user!.id, personId: holder.guardian.id, isStaff: false } }, t0);
    const token = await offerLink(waiter.guardian.email!);

    await expireOverdueOffers(new Date(t0.getTime() + 24 * 3_600_000 - 1000));
    expect(await db.enrolment.findFirstOrThrow({ where: { householdId: waiter.id } })).toMatchObject({ status: "OFFERED" });
    expect(await expireOverdueOffers(new Date(t0.getTime() + 24 * 3_600_000))).toBeGreaterThanOrEqual(1);
    expect(await db.enrolment.findFirstOrThrow({ where: { householdId: waiter.id } })).toMatchObject({ status: "CANCELLED", cancelReason: "OFFER_EXPIRED" });
    expect(await db.enrolment.findFirstOrThrow({ where: { householdId: third.id } })).toMatchObject({ status: "OFFERED" });
    expect(await answerOffer(token!, "accept")).toBe("alreadyAnswered");
    expect(await statuses(camp.id)).toEqual({ CANCELLED: 2, OFFERED: 1 });
  });

  it("declining passes the place on at once", async () => {
    const { camp, holder, waiter, holding } = await fullWithOneWaiting();
    const third = await household();
    await signUpAll(camp.id, third);
    await cancelEnrolment({ enrolmentId: holding.id, actor: { userId: holder.user!.id, personId: holder.guardian.id, isStaff: false } });
    expect(await answerOffer((await offerLink(waiter.guardian.email!))!, "decline")).toBe("declined");
    expect(await db.enrolment.findFirstOrThrow({ where: { householdId: third.id } })).toMatchObject({ status: "OFFERED" });
    expect(await statuses(camp.id)).toEqual({ CANCELLED: 2, OFFERED: 1 });
  });
});

describe("offers re-check what a sign-up checks", () => {
  it("an offer cannot be accepted once the child has a place elsewhere at the same time", async () => {
    const start = new Date(Date.now() + 10 * 86_400_000);
    const sessions = [{ startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) }];
    const full = await activity({ capacity: 1, sessions });
    const other = await activity({ capacity: 5, sessions, title: "Samtidig" });
    const holder = await household();
    const family = await household();
    await signUpAll(full.id, holder);
    await signUpAll(full.id, family); // waits
    await signUpAll(other.id, family); // a wait does not block this
    await cancelEnrolment({
      enrolmentId: (await db.enrolment.findFirstOrThrow({ where: { householdId: holder.id } })).id,
      actor: { userId: holder.user!.id, personId: holder.guardian.id, isStaff: false },
    });
    const offer = await db.waitingListOffer.findFirstOrThrow({ where: { activityId: full.id, outcome: null } });
    expect(await answerOffer({ offerId: offer.id, householdId: family.id }, "accept")).toBe("noLongerPossible");
    expect(await db.enrolment.count({ where: { personId: family.children[0]!.id, status: "CONFIRMED" } })).toBe(1);
  });

  it("another household cannot answer an offer by its id", async () => {
    const camp = await activity({ capacity: 1 });
    const [holder, waiter, stranger] = await Promise.all([household(), household(), household()]);
    await signUpAll(camp.id, holder);
    await signUpAll(camp.id, waiter);
    await cancelEnrolment({
      enrolmentId: (await db.enrolment.findFirstOrThrow({ where: { householdId: holder.id } })).id,
      actor: { userId: holder.user!.id, personId: holder.guardian.id, isStaff: false },
    });
    const offer = await db.waitingListOffer.findFirstOrThrow({ where: { activityId: camp.id } });
    expect(await answerOffer({ offerId: offer.id, householdId: stranger.id }, "decline")).toBe("notFound");
    expect(await answerOffer({ offerId: offer.id, householdId: waiter.id }, "accept")).toBe("accepted");
  });

  it("family courses: a sibling waiting separately joins the family's place when it is accepted", async () => {
    const course = await activity({ capacity: 1, capacityUnit: "HOUSEHOLD" });
    const holder = await household();
    const family = await household({ children: [{ firstName: "A" }, { firstName: "B" }] });
    await signUpAll(course.id, holder);
    const key1 = key();
    await signUp({
      activityId: course.id,
      householdId: family.id,
      personIds: [family.children[0]!.id],
      consentPersonId: family.guardian.id,
      consentMethod: "ONLINE",
      byUserId: family.user!.id,
      idempotencyKey: key1,
    });
    await signUp({
      activityId: course.id,
      householdId: family.id,
      personIds: [family.children[1]!.id],
      consentPersonId: family.guardian.id,
      consentMethod: "ONLINE",
      byUserId: family.user!.id,
      idempotencyKey: key(),
    });
    await cancelEnrolment({
      enrolmentId: (await db.enrolment.findFirstOrThrow({ where: { householdId: holder.id } })).id,
      actor: { userId: holder.user!.id, personId: holder.guardian.id, isStaff: false },
    });
    // Both of the family's sign-ups are offered: the second needs no extra place.
    expect(await db.enrolment.count({ where: { householdId: family.id, status: "OFFERED" } })).toBe(2);
  });
});

describe("background runs", () => {
  it("one offer that cannot be expired now does not stop the others", async () => {
    const t0 = new Date();
    const camps = [await activity({ capacity: 1 }), await activity({ capacity: 1 })];
    const waiters = [];
    for (const camp of camps) {
      const [holder, waiter] = [await household(), await household()];
      await signUpAll(camp.id, holder);
      await signUpAll(camp.id, waiter);
      await cancelEnrolment(
        {
          enrolmentId: (await db.enrolment.findFirstOrThrow({ where: { householdId: holder.id } })).id,
          actor: { userId: holder.user!.id, personId: holder.guardian.id, isStaff: false },
        },
        t0,
      );
      waiters.push(waiter);
    }
    // Someone else holds the first activity's lock past the job transaction's time limit.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    await blocker.query("BEGIN");
    await blocker.query(`SELECT 1 FROM "Activity" WHERE id = $1 FOR UPDATE`, [camps[0]!.id]);
    try {
      await expireOverdueOffers(new Date(t0.getTime() + 25 * 3_600_000), { lockTimeoutMs: 200 });
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    expect(await db.enrolment.findFirstOrThrow({ where: { householdId: waiters[0]!.id } })).toMatchObject({ status: "OFFERED" });
    expect(await db.enrolment.findFirstOrThrow({ where: { householdId: waiters[1]!.id } })).toMatchObject({
      status: "CANCELLED",
      cancelReason: "OFFER_EXPIRED",
    });
  });
});

describe("who may sign up", () => {
  it("explains per child why one is not eligible, and signs nobody up", async () => {
    const vangdalen = await area();
    const camp = await activity({ minAge: 7, maxAge: 13, eligibleAreaIds: [vangdalen.id] });
    const family = await household({
      children: [
        { birthDate: "2016-01-01", areaId: vangdalen.id },
        { birthDate: "2024-01-01", areaId: vangdalen.id },
      ],
    });
    const error = await signUpAll(camp.id, family).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EnrolmentError);
    expect((error as EnrolmentError).code).toBe("ineligible");
    expect(Object.keys((error as EnrolmentError).problems)).toEqual([family.children[1]!.id]);
    expect((error as EnrolmentError).problems[family.children[1]!.id]![0]!.reason).toBe("tooYoung");
    expect(await db.enrolment.count({ where: { activityId: camp.id } })).toBe(0);
  });

  it("refuses a child already booked at the same time elsewhere", async () => {
    const start = new Date(Date.now() + 10 * 86_400_000);
    const sessions = [{ startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) }];
    const a = await activity({ sessions, title: "Brandkadet" });
    const b = await activity({ sessions: [{ startsAt: new Date(start.getTime() + 1_800_000), endsAt: new Date(start.getTime() + 7_200_000) }] });
    const family = await household();
    await signUpAll(a.id, family);
    const error = (await signUpAll(b.id, family).catch((caught: unknown) => caught)) as EnrolmentError;
    expect(error.problems[family.children[0]!.id]).toEqual([{ reason: "overlap", otherActivityTitle: "Brandkadet", day: expect.any(String) }]);
  });

  it("only a guardian of the household signs its children up", async () => {
    const camp = await activity({});
    const family = await household();
    const stranger = await household();
    await expect(
      signUp({
        activityId: camp.id,
        householdId: family.id,
        personIds: [family.children[0]!.id],
        consentPersonId: stranger.guardian.id,
        consentMethod: "ONLINE",
        byUserId: stranger.user!.id,
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "notGuardian" });
    await expect(
      signUp({
        activityId: camp.id,
        householdId: family.id,
        personIds: [stranger.children[0]!.id],
        consentPersonId: family.guardian.id,
        consentMethod: "ONLINE",
        byUserId: family.user!.id,
        idempotencyKey: key(),
      }),
    ).rejects.toMatchObject({ code: "notInHousehold" });
  });

  it("respects the sign-up window", async () => {
    const now = new Date();
    const notYet = await activity({ signUpOpensAt: new Date(now.getTime() + 3_600_000) });
    const over = await activity({ signUpClosesAt: new Date(now.getTime() - 1) });
    const family = await household();
    await expect(signUpAll(notYet.id, family, now)).rejects.toMatchObject({ code: "notOpenYet" });
    await expect(signUpAll(over.id, family, now)).rejects.toMatchObject({ code: "closed" });
  });

  it("records who consented, when and to which text", async () => {
    const camp = await activity({});
    const family = await household();
    const { signUpId } = await signUpAll(camp.id, family);
    const row = await db.signUp.findUniqueOrThrow({ where: { id: signUpId } });
    expect(row).toMatchObject({
      consentPersonId: family.guardian.id,
      consentMethod: "ONLINE",
      consentVersion: expect.stringMatching(/^\d{4}-\d{2}-\d{2}\/terms-v1$/),
    });
  });
});

describe("cancelling", () => {
  it("a guardian cancels until the deadline, not after; staff may still", async () => {
    const start = new Date(Date.now() + 48 * 3_600_000);
    const camp = await activity({ cancelDeadlineHours: 24, sessions: [{ startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) }] });
    const family = await household({ children: [{}, {}] });
    await signUpAll(camp.id, family);
    const [a, b] = await db.enrolment.findMany({ where: { activityId: camp.id } });
    const guardian = { userId: family.user!.id, personId: family.guardian.id, isStaff: false };
    const deadline = new Date(start.getTime() - 24 * 3_600_000);
    await expect(cancelEnrolment({ enrolmentId: a!.id, actor: guardian }, deadline)).rejects.toMatchObject({ code: "cancelDeadlinePassed" });
    await cancelEnrolment({ enrolmentId: a!.id, actor: guardian }, new Date(deadline.getTime() - 1));
    await cancelEnrolment({ enrolmentId: b!.id, actor: { ...guardian, isStaff: true } }, deadline);
    expect(await statuses(camp.id)).toEqual({ CANCELLED: 2 });
  });

  it("another household's parent cannot cancel, and learns nothing", async () => {
    const camp = await activity({});
    const family = await household();
    const other = await household();
    await signUpAll(camp.id, family);
    const enrolment = await db.enrolment.findFirstOrThrow({ where: { activityId: camp.id } });
    await expect(
      cancelEnrolment({ enrolmentId: enrolment.id, actor: { userId: other.user!.id, personId: other.guardian.id, isStaff: false } }),
    ).rejects.toMatchObject({ code: "enrolmentNotFound" });
  });
});

describe("messages", () => {
  it("confirmation goes by SMS to a parent with only a mobile number, in their language", async () => {
    const camp = await activity({});
    const family = await household({ guardianEmail: null, guardianPhone: "+4520999999", language: "en" });
    await db.user.update({ where: { id: family.user!.id }, data: { language: "en" } });
    await signUpAll(camp.id, family);
    await deliverDueMessages();
    expect(await db.message.findFirstOrThrow({ where: { recipient: "+4520999999" } })).toMatchObject({ status: "SENT", channel: "SMS", language: "en" });
    const sms = await lastMessageTo("+4520999999");
    expect(sms?.channel).toBe("SMS");
    expect(sms?.body).toMatch(/now have a place on Activity/);
  });
});

describe("abuse", () => {
  it(`refuses a parent's online sign-ups beyond ${SIGN_UPS_PER_HOUR} an hour, and counts staff sign-ups apart`, async () => {
    const camp = await activity({ capacity: 10 });
    const family = await household();
    // The hour's budget already spent (by earlier sign-ups of this account).
    for (let i = 0; i < SIGN_UPS_PER_HOUR; i++) await hitRateLimit(`sign-up:user:${family.user!.id}`, { limit: SIGN_UPS_PER_HOUR, windowSeconds: 3600 });
    await expect(signUpAll(camp.id, family)).rejects.toBeInstanceOf(RateLimitedError);
    expect(await statuses(camp.id)).toEqual({});
    // Staff signing the family up by phone are not held back by the family's limit.
    const staff = await createUser({ role: "STAFF" });
    const staffSignUp = await signUp({
      activityId: camp.id,
      householdId: family.id,
      personIds: family.children.map((child) => child.id),
      consentPersonId: family.guardian.id,
      consentMethod: "SPOKEN",
      byUserId: staff.id,
      idempotencyKey: key(),
    });
    expect(staffSignUp.status).toBe("CONFIRMED");
  });
});
