// The report's age bands exist once (AGE_BAND_TABLE in period.ts); the report's SQL is built from that table.
// Every boundary of the table, by full birth date and by birth year alone, gives the same band in the database as
// in the code — and the band a reader of the definition expects.
import { describe, expect, it } from "vitest";
import { Prisma } from "../../app/generated/prisma/client.ts";
import { ageOnKnown } from "../../app/domain/dates.ts";
import { ageBandOf, AGE_BAND_TABLE, type AgeBand } from "../../app/domain/reporting/period.ts";
import { ageBand } from "../../app/domain/reporting/report.server.ts";
import { db } from "../../app/lib/db.server.ts";

const DAY = "2026-03-01"; // the period's first day

/** A birth date `years` years before DAY, shifted by `days` (−1: a day older, so they have had the birthday). */
const bornYearsBefore = (years: number, days: number) => {
  const date = new Date(Date.UTC(2026 - years, 2, 1 + days));
  return date.toISOString().slice(0, 10);
};

// Each boundary `below` of the table: the last day of being below − 1 (band before) and the birthday (band after).
const CASES: { birthDate: string | null; birthYear: number | null; band: AgeBand }[] = [
  { birthDate: null, birthYear: null, band: "unknown" },
  { birthDate: "2026-02-28", birthYear: null, band: "0-5" },
  ...AGE_BAND_TABLE.flatMap((row, i) => {
    const next = AGE_BAND_TABLE[i + 1];
    if (row.below === null || !next) return [];
    return [
      { birthDate: bornYearsBefore(row.below, 1), birthYear: null, band: row.band }, // turns `below` tomorrow
      { birthDate: bornYearsBefore(row.below, 0), birthYear: null, band: next.band }, // turns `below` today
      { birthDate: null, birthYear: 2026 - row.below + 1, band: row.band }, // a year alone: the age reached this year
      { birthDate: null, birthYear: 2026 - row.below, band: next.band },
    ];
  }),
  { birthDate: null, birthYear: 1930, band: "65+" },
];

describe("age bands: one table, the same in SQL and in code", () => {
  it("has cases on both sides of every boundary", () => {
    expect(CASES.length).toBe(2 + (AGE_BAND_TABLE.length - 1) * 4 + 1);
    expect(CASES.map((c) => c.band)).toEqual(expect.arrayContaining(AGE_BAND_TABLE.map((row) => row.band)));
  });

  it.each(CASES)("born $birthDate / year $birthYear → $band", async ({ birthDate, birthYear, band }) => {
    const rows = await db.$queryRaw<{ band: string }[]>(Prisma.sql`
      WITH params AS (SELECT ${DAY}::date AS d0), p AS (SELECT ${birthDate}::date AS "birthDate", ${birthYear}::int AS "birthYear")
      SELECT ${ageBand(Prisma.sql`p`)} AS band FROM p, params`);
    expect(rows[0]!.band).toBe(band);
    expect(ageBandOf(ageOnKnown({ birthDay: birthDate, birthYear }, DAY))).toBe(band);
  });
});
