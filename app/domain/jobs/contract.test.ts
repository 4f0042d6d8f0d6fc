import { describe, expect, it } from "vitest";
import { contractNeed, oneMonthLastDay, shiftMinutes, type ContractShift } from "./contract.ts";

/** `count` shifts of `minutes` each, one a day from `from`. */
function shifts(from: string, count: number, minutes: number): ContractShift[] {
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(`${from}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() + i);
    return { day: day.toISOString().slice(0, 10), minutes };
  });
}

describe("exactly one month", () => {
  it("ends the day before the same date next month", () => {
    expect(oneMonthLastDay("2027-03-01")).toBe("2027-03-31");
    expect(oneMonthLastDay("2027-01-15")).toBe("2027-02-14");
    expect(oneMonthLastDay("2027-12-10")).toBe("2028-01-09");
  });
  it("uses the month's last day when the next month has no such date", () => {
    expect(oneMonthLastDay("2027-01-31")).toBe("2027-02-27");
    expect(oneMonthLastDay("2028-01-31")).toBe("2028-02-28"); // leap year: 29 February stands in
  });
});

describe("written contract", () => {
  // 4 March–3 April 2027 is 31 days; 8 h a week over 31 days is 31 × 480 / 7 = 2125.7 minutes.
  const heavy = shifts("2027-03-04", 18, 120); // 2160 minutes
  it("is not required for exactly one month, even with many hours", () => {
    const need = contractNeed({ startsOn: "2027-03-04", lastDay: "2027-04-03", shifts: heavy });
    expect(need.longerThanMonth).toBe(false);
    expect(need.required).toBe(false);
  });
  it("is required one day past a month at 8 hours a week or more", () => {
    const need = contractNeed({ startsOn: "2027-03-04", lastDay: "2027-04-04", shifts: [...heavy, { day: "2027-04-04", minutes: 60 }] });
    expect(need.longerThanMonth).toBe(true);
    expect(need.required).toBe(true);
  });

  // 35 days (exactly 5 weeks): 8 h a week is exactly 2400 minutes.
  const fiveWeeks = { startsOn: "2027-03-01", lastDay: "2027-04-04" };
  it("is required at exactly 8 hours a week on average", () => {
    const need = contractNeed({ ...fiveWeeks, shifts: [...shifts("2027-03-01", 20, 120)] });
    expect(need.totalMinutes).toBe(2400);
    expect(need.averageWeeklyMinutes).toBe(480);
    expect(need.required).toBe(true);
  });
  it("is not required one minute under", () => {
    const need = contractNeed({ ...fiveWeeks, shifts: [...shifts("2027-03-01", 19, 120), { day: "2027-03-20", minutes: 119 }] });
    expect(need.totalMinutes).toBe(2399);
    expect(need.averageWeeklyMinutes).toBe(479);
    expect(need.required).toBe(false);
  });

  it("treats an open-ended employment as longer than a month, averaged up to the last planned shift", () => {
    expect(contractNeed({ startsOn: "2027-03-01", lastDay: null, shifts: [] })).toMatchObject({ longerThanMonth: true, required: false, days: 7 });
    // Two weeks planned at 4 h a week: no.
    expect(
      contractNeed({
        startsOn: "2027-03-01",
        lastDay: null,
        shifts: [
          { day: "2027-03-02", minutes: 240 },
          { day: "2027-03-14", minutes: 240 },
        ],
      }).required,
    ).toBe(false);
    // The first week at 8 h: yes, already.
    const need = contractNeed({ startsOn: "2027-03-01", lastDay: null, shifts: shifts("2027-03-01", 4, 120) });
    expect(need).toMatchObject({ required: true, days: 7, averageWeeklyMinutes: 480 });
  });

  it("averages over at least one week", () => {
    expect(contractNeed({ startsOn: "2027-03-01", lastDay: "2027-03-02", shifts: shifts("2027-03-01", 2, 240) }).days).toBe(7);
  });
});

describe("shift minutes", () => {
  const startsAt = new Date("2027-03-02T14:00:00Z");
  const endsAt = new Date("2027-03-02T19:00:00Z");
  it("is the planned length minus the break until confirmed, then the confirmed minutes", () => {
    expect(shiftMinutes({ startsAt, endsAt, breakMinutes: 30, workedMinutes: null, confirmedAt: null })).toBe(270);
    expect(shiftMinutes({ startsAt, endsAt, breakMinutes: 30, workedMinutes: 200, confirmedAt: endsAt })).toBe(200);
    // Minutes entered but not confirmed do not count as confirmed.
    expect(shiftMinutes({ startsAt, endsAt, breakMinutes: 0, workedMinutes: 10, confirmedAt: null })).toBe(300);
  });
});
