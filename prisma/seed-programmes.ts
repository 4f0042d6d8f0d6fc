// The demo's programmes (indsatser) and the dated moves of its two moved
// families (issue 17), applied after the rest of the demo is written
// (seed.ts calls it last). Kept apart from seed.ts so its edits stay in one
// place: the programmes group the activities that are their terms, the
// programme milestones are re-attached to them, and the moved families get
// an area history that matches the areas copied onto their attendance.
import type { PrismaClient } from "../app/generated/prisma/client.ts";

/** Programmes and the activities (by address, past terms by prefix) that are their terms. */
const PROGRAMMES: { name: string; slugs: string[]; prefixes: string[] }[] = [
  { name: "Brandkadet", slugs: ["brandkadet"], prefixes: ["brandkadet-"] },
  { name: "Familiedage", slugs: ["familiedage"], prefixes: ["familiedage-"] },
  { name: "Lektiecafé i Jennumparken", slugs: ["lektiecafe-jennumparken"], prefixes: [] },
  { name: "Sankt Hans-fest", slugs: ["sankt-hans-noerrevangsparken"], prefixes: ["sankt-hans-"] },
  { name: "Græskarskæring", slugs: ["graeskarskaering-myretuen"], prefixes: ["graeskarskaering-"] },
];

/** Milestones (by their Danish title's start) that count a programme rather than a type. */
const MILESTONE_PROGRAMMES: { titleStartsWith: string; programme: string }[] = [
  { titleStartsWith: "55 unge i Brandkadet", programme: "Brandkadet" },
  { titleStartsWith: "23 familier i Familiedage", programme: "Familiedage" },
];

export async function seedProgrammesAndMoves(db: PrismaClient): Promise<void> {
  await db.$transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const programme of PROGRAMMES) {
      const created = await tx.programme.create({ data: { name: programme.name }, select: { id: true } });
      ids.set(programme.name, created.id);
      await tx.activity.updateMany({
        where: { OR: [{ slug: { in: programme.slugs } }, ...programme.prefixes.map((prefix) => ({ slug: { startsWith: prefix } }))] },
        data: { programmeId: created.id },
      });
    }
    for (const link of MILESTONE_PROGRAMMES) {
      await tx.milestone.updateMany({
        where: { title: { path: ["da"], string_starts_with: link.titleStartsWith } },
        data: { programmeId: ids.get(link.programme)!, activityTypeId: null, effortAreaId: null, activityId: null },
      });
    }
    // The demo writes the moved families with their new area and copies the old one onto earlier attendance. Their
    // history: the old area until the first day seen in the new one, then the new one (the whole household moves).
    const moves = await tx.$queryRaw<{ personId: string; oldArea: string; newArea: string; movedOn: Date }[]>`
      WITH obs AS (
        SELECT at."personId", (s."startsAt" AT TIME ZONE 'Europe/Copenhagen')::date AS day, at."housingAreaId" AS area
        FROM "Attendance" at JOIN "ActivitySession" s ON s."id" = at."sessionId" WHERE at."housingAreaId" IS NOT NULL
      ),
      moves AS (
        SELECT o."personId", p."housingAreaId" AS new_area, (array_agg(o.area ORDER BY o.day))[1] AS old_area,
               min(o.day) FILTER (WHERE o.area = p."housingAreaId") AS moved_on
        FROM obs o JOIN "Person" p ON p."id" = o."personId"
        GROUP BY o."personId", p."housingAreaId" HAVING count(DISTINCT o.area) > 1
      )
      SELECT DISTINCT ON (other."personId") other."personId"::text AS "personId", m.old_area::text AS "oldArea",
             m.new_area::text AS "newArea", m.moved_on::timestamp AS "movedOn"
      FROM moves m JOIN "HouseholdMember" hm ON hm."personId" = m."personId"
        JOIN "HouseholdMember" other ON other."householdId" = hm."householdId"
        JOIN "Person" p ON p."id" = other."personId" AND p."housingAreaId" = m.new_area
      ORDER BY other."personId", m.moved_on`;
    await tx.personAreaPeriod.deleteMany({ where: { personId: { in: moves.map((move) => move.personId) } } });
    await tx.personAreaPeriod.createMany({
      data: moves.flatMap((move) => [
        { personId: move.personId, housingAreaId: move.oldArea, validFrom: null, validTo: move.movedOn },
        { personId: move.personId, housingAreaId: move.newArea, validFrom: move.movedOn, validTo: null },
      ]),
    });
  });
}
