// Programmes kept clean by an admin (issue 17: "programmes across terms"): a name corrected, two spellings of one
// programme merged — its activities and milestones move, a child who came to both counts once — and an unused one
// deleted; a name another programme has (in any case) is refused beside the field, one in use is never deleted (its
// milestones would go with it), and every change is in the audit log. Only admins get in (access-matrix.test.ts).
import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { deleteProgramme, listProgrammes, mergeProgramme, saveProgramme } from "../../app/domain/admin/programmes.server.ts";
import { AdminError } from "../../app/domain/admin/errors.server.ts";
import { measureValue } from "../../app/domain/reporting/milestones.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { createUserSession } from "../../app/lib/session.server.ts";
import { activity, household, signUpFamily } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

const unique = (name: string) => `${name} ${crypto.randomUUID().slice(0, 8)}`;
const period = { from: "2025-01-01", to: "2029-12-31" };

async function admin() {
  const user = await createUser({ role: "ADMIN" });
  return { user, cookie: (await createUserSession(user.id)).split(";")[0]! };
}

async function post(programmeId: string, cookie: string, form: Record<string, string>) {
  const route = await import("../../app/routes/admin.programmes_.$programmeId.tsx");
  const request = new Request(`http://localhost/admin/programmes/${programmeId}`, {
    method: "POST",
    headers: { Cookie: cookie },
    body: new URLSearchParams(form),
  });
  try {
    return await route.action({ request, params: { programmeId }, context: { clientIp: "127.0.0.1", cspNonce: "test" } } as ActionFunctionArgs);
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
}

/** An activity of the programme; its one session `days` from now (two terms are not at the same hour). */
async function inProgramme(programmeId: string, title: string, days = 14) {
  const startsAt = new Date(Date.now() + days * 86_400_000);
  const row = await activity({ title, sessions: [{ startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3_600_000) }] });
  await db.activity.update({ where: { id: row.id }, data: { programmeId } });
  return row;
}

describe("programmes", () => {
  it("merging moves the activities and milestones, the programme is gone, and a child of both counts once", async () => {
    const { user } = await admin();
    const kept = await db.programme.create({ data: { name: unique("Brandkadet") } });
    const typo = await db.programme.create({ data: { name: unique("Brand-kadet") } });
    const spring = await inProgramme(kept.id, "Brandkadet forår");
    const autumn = await inProgramme(typo.id, "Brandkadet efterår", 40);
    const family = await household({ children: [{ firstName: "Yusuf" }] });
    await signUpFamily(spring.id, family);
    await signUpFamily(autumn.id, family);
    const milestone = await db.milestone.create({
      data: {
        title: { da: "Brandkadet" },
        measure: "UNIQUE_PARTICIPANTS",
        target: 55,
        programmeId: typo.id,
        startsOn: new Date("2025-01-01"),
        deadline: new Date("2029-12-31"),
      },
    });
    const count = (programmeId: string, measure: "UNIQUE_PARTICIPANTS" | "ENROLMENTS") => measureValue(measure, period, { programmeId });
    expect([await count(kept.id, "UNIQUE_PARTICIPANTS"), await count(typo.id, "UNIQUE_PARTICIPANTS")]).toEqual([1, 1]);

    expect(await mergeProgramme(user, typo.id, kept.id)).toEqual({ activities: 1, milestones: 1 });

    expect(await db.programme.findUnique({ where: { id: typo.id } })).toBeNull();
    expect((await db.activity.findUniqueOrThrow({ where: { id: autumn.id } })).programmeId).toBe(kept.id);
    expect((await db.milestone.findUniqueOrThrow({ where: { id: milestone.id } })).programmeId).toBe(kept.id);
    expect([await count(kept.id, "UNIQUE_PARTICIPANTS"), await count(kept.id, "ENROLMENTS")]).toEqual([1, 2]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "programme.merge", entityId: kept.id } });
    expect(audit).toMatchObject({ actorUserId: user.id, after: { activities: 1, milestones: 1 } });
  });

  it("a name another programme has, in any case, is refused beside the field; a new name is saved and logged", async () => {
    const { user, cookie } = await admin();
    const taken = await db.programme.create({ data: { name: unique("Familiedage") } });
    const programme = await db.programme.create({ data: { name: unique("Lektiecafe") } });
    const refused = (await post(programme.id, cookie, { name: taken.name.toUpperCase() })) as { error?: Record<string, string[]> };
    expect(refused.error).toEqual({ name: ["errors.programmeTaken"] });
    expect((await db.programme.findUniqueOrThrow({ where: { id: programme.id } })).name).toBe(programme.name);

    const renamed = unique("Lektiecafé i Jennumparken");
    const saved = (await post(programme.id, cookie, { name: `  ${renamed} ` })) as Response;
    expect([saved.status, saved.headers.get("Location")]).toEqual([302, "/admin/programmes?done=updated"]);
    expect((await db.programme.findUniqueOrThrow({ where: { id: programme.id } })).name).toBe(renamed);
    expect(await db.auditEvent.count({ where: { action: "programme.update", entityId: programme.id, actorUserId: user.id } })).toBe(1);
    expect((await listProgrammes()).find((row) => row.id === programme.id)).toMatchObject({ name: renamed, activities: 0, milestones: 0 });
  });

  it("one in use is not deleted (its milestones would go with it); an unused one is", async () => {
    const { user, cookie } = await admin();
    const used = await db.programme.create({ data: { name: unique("Ung træner") } });
    await db.milestone.create({
      data: {
        title: { da: "Ung træner" },
        measure: "ENROLMENTS",
        target: 10,
        programmeId: used.id,
        startsOn: new Date("2025-01-01"),
        deadline: new Date("2029-12-31"),
      },
    });
    const error = await deleteProgramme(user, used.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AdminError);
    expect((error as AdminError).usage).toEqual({ activities: 0, milestones: 1 });
    const answer = (await post(used.id, cookie, { intent: "delete" })) as { error?: Record<string, string[]> };
    expect(answer.error).toEqual({ "": ["errors.programmeInUse"] });
    expect(await db.milestone.count({ where: { programmeId: used.id } })).toBe(1);

    const unused = await saveProgramme(user, null, { name: unique("Sommerskole") });
    const deleted = (await post(unused, cookie, { intent: "delete" })) as Response;
    expect([deleted.status, deleted.headers.get("Location")]).toEqual([302, "/admin/programmes?done=deleted"]);
    expect(await db.programme.findUnique({ where: { id: unused } })).toBeNull();
  });

  it("a merge into itself or into one that is gone is refused with a message, changing nothing", async () => {
    const { cookie } = await admin();
    const programme = await db.programme.create({ data: { name: unique("Familiedage") } });
    await inProgramme(programme.id, "Familiedag");
    for (const into of [programme.id, crypto.randomUUID(), "not-an-id", ""]) {
      const answer = (await post(programme.id, cookie, { intent: "merge", into })) as { error?: Record<string, string[]> };
      expect(answer.error, into).toEqual({ into: ["errors.mergeTargetRequired"] });
    }
    expect(await db.activity.count({ where: { programmeId: programme.id } })).toBe(1);
  });
});
