// Assisted sign-up: staff register a family without a login, sign its
// children up with spoken consent, and the parent later claims the household.
import { describe, expect, it } from "vitest";
import { parseIdentifier, type Identifier } from "../../app/domain/accounts/identifier.ts";
import { startSignIn, verifySignIn } from "../../app/domain/accounts/sign-in.server.ts";
import { signUp } from "../../app/domain/enrolment/sign-up.server.ts";
import { createHouseholdOnBehalf, findHouseholds } from "../../app/domain/households/assisted.server.ts";
import { householdOf } from "../../app/domain/households/household.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { activity, key } from "../setup/fixtures.ts";
import { codeIn, createUser, lastMessageTo } from "../setup/helpers.ts";

describe("assisted sign-up", () => {
  it("registers a family, signs two children up with spoken consent, and the parent later finds it by signing in", async () => {
    const staff = await createUser({ role: "STAFF", email: "helper@example.dk" });
    const householdId = await createHouseholdOnBehalf(
      {
        guardian: { firstName: "Fatima", lastName: "Noor", phone: "+4520456789", email: null, language: "ar", housingAreaId: null },
        children: [
          { firstName: "Adam", lastName: "Noor", birthDate: "2016-02-02", housingAreaId: null },
          { firstName: "Sara", lastName: "Noor", birthDate: "2018-03-03", housingAreaId: null },
        ],
      },
      staff.id,
    );
    expect((await findHouseholds("4567")).map((household) => household.id)).toContain(householdId);
    expect((await findHouseholds("noor")).map((household) => household.id)).toContain(householdId);
    // Partners find families only by the full number.
    expect(await findHouseholds("noor", { phoneOnly: true })).toEqual([]);
    expect(await findHouseholds("4567", { phoneOnly: true })).toEqual([]);
    expect((await findHouseholds("20 45 67 89", { phoneOnly: true })).map((household) => household.id)).toEqual([householdId]);

    const camp = await activity({ capacity: 10 });
    const members = await db.householdMember.findMany({ where: { householdId }, select: { role: true, personId: true } });
    const guardian = members.find((member) => member.role === "GUARDIAN")!.personId;
    const children = members.filter((member) => member.role === "CHILD").map((member) => member.personId);
    const result = await signUp({
      activityId: camp.id,
      householdId,
      personIds: children,
      consentPersonId: guardian,
      consentMethod: "SPOKEN",
      byUserId: staff.id,
      idempotencyKey: key(),
    });
    expect(result.status).toBe("CONFIRMED");
    const consent = await db.signUp.findUniqueOrThrow({ where: { id: result.signUpId } });
    expect(consent).toMatchObject({ consentMethod: "SPOKEN", consentPersonId: guardian, createdByUserId: staff.id });

    // The confirmation went to the family by SMS, in Arabic.
    const { deliverDueMessages } = await import("../../app/lib/messages/send.server.ts");
    await deliverDueMessages();
    expect((await lastMessageTo("+4520456789"))?.body).toContain("حصل");

    // The parent signs in with the same number: the household is theirs, not a new one.
    const { challengeId } = await startSignIn({ identifier: parseIdentifier("20 45 67 89") as Identifier, ip: "10.9.9.9", language: "ar" });
    const verified = await verifySignIn({ challengeId, code: codeIn((await lastMessageTo("+4520456789"))?.body), ip: "10.9.9.9", language: "ar" });
    expect(verified.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { phone: "+4520456789" } });
    expect(user.personId).toBe(guardian);
    expect((await householdOf(user))?.id).toBe(householdId);
    expect(await db.person.count({ where: { phone: "+4520456789" } })).toBe(1);
  });
});
