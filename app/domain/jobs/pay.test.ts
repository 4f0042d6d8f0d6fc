import { copenhagenInstant } from "../dates.ts";
import { describe, expect, it } from "vitest";
import { monthOf, payByMonth, payFor, type ConfirmedWork, type PayRate } from "./pay.ts";

const hourly = { payUnit: "HOUR" as const, payOre: 4510 };
const perShift = { payUnit: "SHIFT" as const, payOre: 15000 };
const work = (day: string, time: string, workedMinutes: number, rate: PayRate = hourly, postingId = "p1"): ConfirmedWork => ({
  postingId,
  startsAt: copenhagenInstant(day, time),
  workedMinutes,
  rate,
});

describe("pay", () => {
  it("per hour: minutes × rate / 60, rounded once a month, not per shift", () => {
    // 3 × 20 minutes at 45,10 kr/h: 45,10 kr (per shift it would be 3 × 15,03 = 45,09).
    const month = payByMonth([work("2027-03-02", "15:00", 20), work("2027-03-09", "15:00", 20), work("2027-03-16", "15:00", 20)]);
    expect(month).toEqual([{ month: "2027-03", minutes: 60, shifts: 3, payOre: 4510 }]);
    expect(payFor(hourly, 1, 1)).toBe(75); // 75.17 øre → 75
    expect(payFor({ payUnit: "HOUR", payOre: 4530 }, 1, 1)).toBe(76); // 75.5 → 76 (half up)
    expect(payFor({ payUnit: "HOUR", payOre: 6000 }, 90, 1)).toBe(9000);
  });
  it("per shift: the rate for each confirmed shift with time worked; 0 minutes earns nothing", () => {
    expect(payByMonth([work("2027-07-05", "10:00", 210, perShift), work("2027-07-12", "10:00", 0, perShift)])).toEqual([
      { month: "2027-07", minutes: 210, shifts: 1, payOre: 15000 },
    ]);
  });
  it("counts a month by the Copenhagen day of the shift's start", () => {
    // 23:30 on 31 March Copenhagen time is 21:30 UTC: March. 00:30 on 1 April is 22:30 UTC on 31 March: April.
    expect(monthOf(copenhagenInstant("2027-03-31", "23:30"))).toBe("2027-03");
    expect(monthOf(copenhagenInstant("2027-04-01", "00:30"))).toBe("2027-04");
    expect(payByMonth([work("2027-04-01", "00:30", 60), work("2027-03-31", "15:00", 60)]).map((m) => m.month)).toEqual(["2027-03", "2027-04"]);
  });
  it("rounds each posting of a month on its own and adds them", () => {
    const month = payByMonth([work("2027-03-02", "15:00", 20), work("2027-03-03", "15:00", 30, { payUnit: "HOUR", payOre: 6000 }, "p2")]);
    expect(month).toEqual([{ month: "2027-03", minutes: 50, shifts: 2, payOre: 1503 + 3000 }]);
  });
});
