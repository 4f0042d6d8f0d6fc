// Randers' school holidays as data staff edit (SchoolHoliday rows, audited),
// and the school calendar the work-time check reads from them.
import { audit } from "~/lib/audit.server.ts";
import { db, type DbTx } from "~/lib/db.server.ts";
import { dateOnly } from "../dates.ts";
import type { LocalizedText } from "../activities/text.ts";
import { schoolCalendar } from "./school-calendar.ts";
import type { SchoolCalendar } from "./work-time.ts";

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** The school calendar for days between `from` and `until` (YYYY-MM-DD); days outside count as if no holiday were there. */
export async function calendarAround(tx: DbTx, from: string, until: string): Promise<SchoolCalendar> {
  const rows = await tx.schoolHoliday.findMany({
    where: { startsOn: { lte: asDate(until) }, endsOn: { gte: asDate(from) } },
    select: { startsOn: true, endsOn: true },
  });
  return schoolCalendar(rows.map((row) => ({ startsOn: dateOnly(row.startsOn), endsOn: dateOnly(row.endsOn) })));
}

export type HolidayRow = { id: string; name: LocalizedText; startsOn: string; endsOn: string };

/** Every holiday, the newest school year first. */
export async function listHolidays(): Promise<HolidayRow[]> {
  const rows = await db.schoolHoliday.findMany({ orderBy: { startsOn: "desc" }, select: { id: true, name: true, startsOn: true, endsOn: true } });
  return rows.map((row) => ({ id: row.id, name: row.name as LocalizedText, startsOn: dateOnly(row.startsOn), endsOn: dateOnly(row.endsOn) }));
}

export class HolidayNotFound extends Error {}

type HolidayInput = { name: LocalizedText; startsOn: string; endsOn: string };

const snapshot = (row: HolidayInput) => ({ name: row.name, startsOn: row.startsOn, endsOn: row.endsOn });

/** Adds a holiday (id null) or changes one. Returns its id. */
export async function saveHoliday(input: HolidayInput & { id: string | null }, actorUserId: string): Promise<string> {
  const data = { name: input.name, startsOn: asDate(input.startsOn), endsOn: asDate(input.endsOn) };
  return db.$transaction(async (tx) => {
    if (!input.id) {
      const row = await tx.schoolHoliday.create({ data, select: { id: true } });
      await audit(tx, { actorUserId, action: "schoolHoliday.create", entityType: "SchoolHoliday", entityId: row.id, after: snapshot(input) });
      return row.id;
    }
    const before = await tx.schoolHoliday.findUnique({ where: { id: input.id } });
    if (!before) throw new HolidayNotFound();
    await tx.schoolHoliday.update({ where: { id: input.id }, data });
    await audit(tx, {
      actorUserId,
      action: "schoolHoliday.change",
      entityType: "SchoolHoliday",
      entityId: input.id,
      before: snapshot({ name: before.name as LocalizedText, startsOn: dateOnly(before.startsOn), endsOn: dateOnly(before.endsOn) }),
      after: snapshot(input),
    });
    return input.id;
  });
}

export async function deleteHoliday(id: string, actorUserId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.schoolHoliday.findUnique({ where: { id } });
    if (!before) throw new HolidayNotFound();
    await tx.schoolHoliday.delete({ where: { id } });
    await audit(tx, {
      actorUserId,
      action: "schoolHoliday.delete",
      entityType: "SchoolHoliday",
      entityId: id,
      before: snapshot({ name: before.name as LocalizedText, startsOn: dateOnly(before.startsOn), endsOn: dateOnly(before.endsOn) }),
    });
  });
}
