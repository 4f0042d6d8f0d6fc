// Danish rules for young people's working time, as data. A change in the
// rules is a change in this table. Source: Arbejdstilsynet, "Unges arbejdstid,
// hviletid og fridøgn" (BEK nr. 239 af 06/04/2005 om unges arbejde, chapters 4–5,
// and Arbejdsmiljøloven §§ 60–62), as summarised in the programme's issue #6.
//
// "In school" means still in compulsory schooling (undervisningspligtig).

export type Who = { age: number; inSchool: boolean };

export type Limits = {
  /** Work allowed at all. */
  mayWork: boolean;
  /** Minutes per day and per week on school days / in weeks with school days. */
  schoolDayMinutes: number;
  schoolWeekMinutes: number;
  /** Minutes per day and per week on school-free days / in school-free weeks. */
  freeDayMinutes: number;
  freeWeekMinutes: number;
  /** No work between these Copenhagen clock times (night), e.g. 20:00–06:00. */
  nightStart: string;
  nightEnd: string;
  /** Unbroken rest within every 24 hours. */
  restMinutes: number;
  /** A working day longer than this needs a break of at least breakMinutes. */
  breakAfterMinutes: number;
  breakMinutes: number;
  /** Two consecutive days off in each week. */
  consecutiveDaysOff: number;
  source: string;
};

const H = 60;
const COMMON = { breakAfterMinutes: 4.5 * H, breakMinutes: 30, consecutiveDaysOff: 2 };

/** The limits for a young person, by age on the day and schooling. */
export function limitsFor({ age, inSchool }: Who): Limits {
  if (age < 13) {
    return {
      mayWork: false,
      schoolDayMinutes: 0,
      schoolWeekMinutes: 0,
      freeDayMinutes: 0,
      freeWeekMinutes: 0,
      nightStart: "00:00",
      nightEnd: "00:00",
      restMinutes: 24 * H,
      ...COMMON,
      source: "BEK 239/2005 § 3: no employment under 13",
    };
  }
  if (age < 15) {
    return {
      mayWork: true,
      schoolDayMinutes: 2 * H,
      schoolWeekMinutes: 12 * H,
      freeDayMinutes: 7 * H,
      freeWeekMinutes: 35 * H,
      nightStart: "20:00",
      nightEnd: "06:00",
      restMinutes: 14 * H,
      ...COMMON,
      source: "BEK 239/2005 §§ 11–12, 14, 16; Arbejdsmiljøloven § 60",
    };
  }
  if (inSchool) {
    return {
      mayWork: true,
      schoolDayMinutes: 2 * H,
      schoolWeekMinutes: 12 * H,
      freeDayMinutes: 8 * H,
      freeWeekMinutes: 40 * H,
      nightStart: "20:00",
      nightEnd: "06:00",
      restMinutes: 14 * H,
      ...COMMON,
      source: "BEK 239/2005 §§ 11–12, 14, 16; Arbejdsmiljøloven § 60",
    };
  }
  return {
    mayWork: true,
    schoolDayMinutes: 8 * H,
    schoolWeekMinutes: 40 * H,
    freeDayMinutes: 8 * H,
    freeWeekMinutes: 40 * H,
    nightStart: "22:00",
    nightEnd: "06:00",
    restMinutes: 12 * H,
    ...COMMON,
    source: "Arbejdsmiljøloven §§ 60–62 (under 18, left school)",
  };
}
