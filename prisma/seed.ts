// Demo data for a fresh installation: the plan's housing areas, effort areas
// and activity types, the partner organisations, one demo account per role
// (documented in the README), a handful of households created by staff, and
// the programme's published activities with their sessions.
//
// This module owns only *what* the demo contains. The caller decides *when*:
// it runs once, on an empty migrated database. Every date is placed relative
// to `now`, so the demo always looks current; wall-clock times are local
// Copenhagen time, converted to real instants across daylight saving.
//
// Keys are generated here (crypto.randomUUID) so that everything is written
// with one createMany per table, inside a single transaction.
import { randomBytes, randomUUID } from "node:crypto";
import type { Gender, HouseholdRole, Prisma, PrismaClient, Role } from "../app/generated/prisma/client.ts";
import { copenhagenDay as copenhagenDayOf, copenhagenInstant, dateOnly } from "../app/domain/dates.ts";
import { INVITATION_DAYS } from "../app/domain/households/invitation-rules.ts";
import { easterSunday as easterSundayDay } from "../app/domain/jobs/school-calendar.ts";
import { seedProgrammesAndMoves } from "./seed-programmes.ts";

// ---------------------------------------------------------------- localized text

/** Translatable text as stored in jsonb columns: Danish required, others fall back to it. */
type Text = { da: string; en?: string; ar?: string };

function text(da: string, en: string, ar?: string): Text {
  return ar === undefined ? { da, en } : { da, en, ar };
}

// ---------------------------------------------------------------- calendar days

/** A calendar day, represented as a Date at 00:00 UTC (what Prisma writes to a `date` column). */
type Day = Date;

const DAY_MS = 24 * 60 * 60 * 1000;

function day(year: number, month: number, date: number): Day {
  return new Date(Date.UTC(year, month - 1, date));
}

function addDays(d: Day, days: number): Day {
  return new Date(d.getTime() + days * DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
function isoWeekday(d: Day): number {
  return d.getUTCDay() === 0 ? 7 : d.getUTCDay();
}

/** The first day on or after `from` that falls on the given ISO weekday. */
function nextWeekday(from: Day, weekday: number): Day {
  return addDays(from, (weekday - isoWeekday(from) + 7) % 7);
}

function mondayOf(d: Day): Day {
  return addDays(d, 1 - isoWeekday(d));
}

/** Monday of ISO week `week` in ISO year `year` (4 January is always in week 1). */
function isoWeekMonday(year: number, week: number): Day {
  return addDays(mondayOf(day(year, 1, 4)), 7 * (week - 1));
}

function isoWeek(d: Day): number {
  const thursday = addDays(d, 4 - isoWeekday(d));
  const firstMonday = isoWeekMonday(thursday.getUTCFullYear(), 1);
  return Math.floor((thursday.getTime() - firstMonday.getTime()) / (7 * DAY_MS)) + 1;
}

/** Easter Sunday, as a Day (the rule lives in app/domain/jobs/school-calendar.ts). */
function easterSunday(year: number): Day {
  return new Date(`${easterSundayDay(year)}T00:00:00Z`);
}

/** Last given ISO weekday of a month. */
function lastWeekdayOfMonth(year: number, month: number, weekday: number): Day {
  const last = addDays(day(year, month + 1, 1), -1);
  return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
}

/** Days the whole programme pauses: Christmas and New Year, Easter, Ascension, Whit Monday. */
function isProgrammeClosed(d: Day): boolean {
  const month = d.getUTCMonth() + 1;
  const date = d.getUTCDate();
  if ((month === 12 && date >= 22) || (month === 1 && date <= 2)) return true;
  const easter = easterSunday(d.getUTCFullYear());
  const offset = Math.round((d.getTime() - easter.getTime()) / DAY_MS);
  return (offset >= -3 && offset <= 1) || offset === 39 || offset === 50;
}

/** Danish school holidays (approximate): winter week 7, Easter week, summer weeks 27–31, autumn week 42. */
/** School holidays as rows, for the school years around `today` (same weeks as isSchoolHoliday, plus Christmas). */
function schoolHolidays(today: Day): Prisma.SchoolHolidayCreateManyInput[] {
  const rows: Prisma.SchoolHolidayCreateManyInput[] = [];
  for (const year of [today.getUTCFullYear() - 1, today.getUTCFullYear(), today.getUTCFullYear() + 1]) {
    const easter = easterSunday(year);
    const week = (n: number) => isoWeekMonday(year, n);
    rows.push(
      { name: text("Vinterferie", "Winter holiday", "عطلة الشتاء"), startsOn: addDays(week(7), -2), endsOn: addDays(week(7), 6) },
      { name: text("Påskeferie", "Easter holiday", "عطلة عيد الفصح"), startsOn: addDays(easter, -8), endsOn: addDays(easter, 1) },
      { name: text("Sommerferie", "Summer holiday", "العطلة الصيفية"), startsOn: addDays(week(27), -2), endsOn: addDays(week(31), 6) },
      { name: text("Efterårsferie", "Autumn holiday", "عطلة الخريف"), startsOn: addDays(week(42), -2), endsOn: addDays(week(42), 6) },
      { name: text("Juleferie", "Christmas holiday", "عطلة عيد الميلاد"), startsOn: day(year, 12, 20), endsOn: day(year + 1, 1, 3) },
    );
  }
  return rows;
}

function isSchoolHoliday(d: Day): boolean {
  const week = isoWeek(d);
  const easter = easterSunday(d.getUTCFullYear());
  const offset = Math.round((d.getTime() - easter.getTime()) / DAY_MS);
  return week === 7 || week === 42 || (week >= 27 && week <= 31) || (offset >= -8 && offset <= 1);
}

// ---------------------------------------------------------------- Copenhagen wall-clock time

// The one Copenhagen-time module is app/domain/dates.ts; these adapt it to the seed's Day (a Date at 00:00 UTC).

/** The calendar day in Copenhagen at an instant. */
function copenhagenDay(instant: Date): Day {
  return new Date(`${copenhagenDayOf(instant)}T00:00:00Z`);
}

/** The instant at which Copenhagen clocks show `time` ("HH:MM") on day `d`. */
function at(d: Day, time: string): Date {
  return copenhagenInstant(dateOnly(d), time);
}

/**
 * The next yearly occurrence (this year or next) of a day whose `time` is
 * still ahead of `now`.
 */
function nextYearly(now: Date, dayInYear: (year: number) => Day, time: string): Day {
  const year = copenhagenDay(now).getUTCFullYear();
  const thisYear = dayInYear(year);
  return at(thisYear, time) > now ? thisYear : dayInYear(year + 1);
}

// ---------------------------------------------------------------- sessions

type Slot = { startsAt: Date; endsAt: Date; place?: string; cancelledAt?: Date };

function slot(d: Day, start: string, end: string): Slot {
  return { startsAt: at(d, start), endsAt: at(d, end) };
}

/**
 * Days of a weekly series from `from`: on the given ISO weekdays, every
 * `every` weeks (counted from the week of `from`), skipping closed days,
 * either up to `until` or until `count` days are found.
 */
function weekly(options: { from: Day; weekdays: number[]; every?: number; until?: Day; count?: number; skip?: (d: Day) => boolean }): Day[] {
  const { from, weekdays, every = 1, until, count, skip = isProgrammeClosed } = options;
  const firstMonday = mondayOf(from);
  const days: Day[] = [];
  for (let d = from; days.length < (count ?? Infinity); d = addDays(d, 1)) {
    if (until && d > until) break;
    if (d.getTime() - from.getTime() > 2 * 366 * DAY_MS) break; // safety net
    const weekIndex = Math.round((mondayOf(d).getTime() - firstMonday.getTime()) / (7 * DAY_MS));
    if (weekIndex % every === 0 && weekdays.includes(isoWeekday(d)) && !skip(d)) days.push(d);
  }
  return days;
}

function weeklyRecurrence(weekdays: number[], start: string, end: string, every = 1): Prisma.InputJsonObject {
  return every === 1 ? { kind: "weekly", weekdays, start, end } : { kind: "weekly", weekdays, interval: every, start, end };
}

/** `start` minus `days` days, but never earlier than a day after `now` (sign-up stays open in the demo). */
function closesBefore(start: Date, days: number, now: Date): Date {
  const closes = new Date(start.getTime() - days * DAY_MS);
  const earliest = new Date(Math.min(now.getTime() + DAY_MS, start.getTime()));
  return closes < earliest ? earliest : closes;
}

// ---------------------------------------------------------------- people

/**
 * A birth date that makes a person exactly `age` whole years old on `today`:
 * the last birthday was between 1 and 330 days ago, varied by `seed` so that
 * siblings do not share a birthday.
 */
function birthDateForAge(today: Day, age: number, seed: string): Day {
  const sameDayThen = day(today.getUTCFullYear() - age, today.getUTCMonth() + 1, today.getUTCDate());
  let hash = 0;
  for (const char of seed) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 10_007;
  return addDays(sameDayThen, -(1 + (hash % 330)));
}

// ---------------------------------------------------------------- reference data

const HOUSING_AREAS = [
  { code: "gl-jennumparken", name: "Gl. Jennumparken" },
  { code: "glarbjergvej", name: "Glarbjergvej-området" },
  { code: "vangdalen", name: "Vangdalen" },
  { code: "hermann-stillingsvej", name: "Hermann Stillingsvej-området" },
  { code: "energivej", name: "Energivej-området" },
  { code: "sjaellandsgade", name: "Sjællandsgade-kvarteret" },
  { code: "centrale-randers", name: "Centrale Randers" },
  { code: "outside", name: "Uden for helhedsplanens områder", isPlanArea: false },
] as const;

type AreaCode = (typeof HOUSING_AREAS)[number]["code"];

const EFFORT_AREAS = [
  {
    code: "uddannelse",
    name: text("Uddannelse og livschancer", "Education and life chances", "التعليم وفرص الحياة"),
  },
  { code: "beskaeftigelse", name: text("Beskæftigelse", "Employment", "العمل والتوظيف") },
  {
    code: "kriminalitetsforebyggelse",
    name: text("Kriminalitetsforebyggelse", "Crime prevention", "الوقاية من الجريمة"),
  },
  {
    code: "sammenhaengskraft",
    name: text("Sammenhængskraft og medborgerskab", "Community cohesion and citizenship", "التماسك المجتمعي والمواطنة"),
  },
] as const;

type EffortCode = (typeof EFFORT_AREAS)[number]["code"];

const ACTIVITY_TYPES = [
  { code: "family-course", name: text("Familieforløb", "Family course", "برنامج للعائلات"), icon: "family" },
  { code: "sports-camp", name: text("Sportscamp", "Sports camp", "مخيم رياضي"), icon: "sun" },
  {
    code: "homework-cafe",
    name: text("Lektiecafé", "Homework café", "مقهى الواجبات المدرسية"),
    icon: "book",
    dropIn: true,
  },
  { code: "open-training", name: text("Åben træning", "Open training", "تدريب مفتوح"), icon: "ball", dropIn: true },
  { code: "one-day-event", name: text("Arrangement", "Event", "فعالية"), icon: "star" },
  { code: "club", name: text("Klub og fællesskab", "Clubs and community", "نوادٍ وأنشطة مجتمعية"), icon: "heart" },
] as const;

type TypeCode = (typeof ACTIVITY_TYPES)[number]["code"];

const ORGANISATIONS = ["Randers Nord IF", "Randers Bibliotek", "Boligforeningen Randers", "Bysekretariatet"] as const;

type OrganisationName = (typeof ORGANISATIONS)[number];

const JOB_TYPES = [
  { code: "legepatrulje", name: text("Legepatrulje", "Play patrol", "دورية اللعب"), icon: "star" },
  { code: "ung-traener", name: text("Ung træner", "Junior coach", "مدرّب شاب"), icon: "ball" },
  { code: "ung-ejendomsfunktionaer", name: text("Ung ejendomsfunktionær", "Junior caretaker", "مساعد صيانة شاب"), icon: "briefcase" },
  { code: "some-reporter", name: text("SoMe-reporter", "Social media reporter", "مراسل لوسائل التواصل"), icon: "clipboard" },
] as const;

type JobTypeCode = (typeof JOB_TYPES)[number]["code"];

/** The demo sign-in identifiers, one account per role (the README lists them). */
export const DEMO_ACCOUNTS = {
  admin: { email: "admin@aktivitetsportalen.dk", role: "ADMIN" },
  staff: { email: "medarbejder@aktivitetsportalen.dk", role: "STAFF" },
  volunteer: { email: "frivillig@aktivitetsportalen.dk", role: "PARTNER" },
  trainer: { email: "traener@randersnordif.dk", role: "PARTNER" },
  parentArabic: { phone: "+4520000001", role: "PARENT" },
  parentDanish: { email: "foraelder@example.dk", role: "PARENT" },
  youth: { phone: "+4520000002", role: "YOUTH" },
  youthHired: { phone: "+4520000030", role: "YOUTH" },
} as const satisfies Record<string, { email?: string; phone?: string; role: Role }>;

// ---------------------------------------------------------------- households

type MemberSpec = {
  firstName: string;
  lastName?: string;
  gender: Gender;
  /** Children and youth: age in whole years at `now`. Adults carry no birth date. */
  age?: number;
  phone?: string;
  email?: string;
  language?: string;
};

type HouseholdSpec = {
  area: AreaCode;
  lastName: string;
  language: string;
  guardians: MemberSpec[];
  children: MemberSpec[];
};

/** Households registered by staff on the families' behalf; none of them has a login. */
const STAFF_HOUSEHOLDS: HouseholdSpec[] = [
  {
    area: "gl-jennumparken",
    lastName: "Warsame",
    language: "da",
    guardians: [{ firstName: "Hodan", gender: "FEMALE", phone: "+4520000005" }],
    children: [
      { firstName: "Abdi", gender: "MALE", age: 12 },
      { firstName: "Sagal", gender: "FEMALE", age: 9 },
      { firstName: "Nimco", gender: "FEMALE", age: 4 },
    ],
  },
  {
    area: "glarbjergvej",
    lastName: "Yılmaz",
    language: "da",
    guardians: [
      { firstName: "Ayşe", gender: "FEMALE", phone: "+4520000006" },
      { firstName: "Mehmet", gender: "MALE", phone: "+4520000007" },
    ],
    children: [
      { firstName: "Emre", gender: "MALE", age: 13 },
      { firstName: "Elif", gender: "FEMALE", age: 7 },
    ],
  },
  {
    area: "vangdalen",
    lastName: "Al-Khatib",
    language: "ar",
    guardians: [{ firstName: "Rania", gender: "FEMALE", phone: "+4520000008" }],
    children: [
      { firstName: "Karim", gender: "MALE", age: 16 },
      { firstName: "Jana", gender: "FEMALE", age: 10 },
      { firstName: "Adam", gender: "MALE", age: 2 },
    ],
  },
  {
    area: "hermann-stillingsvej",
    lastName: "Ahmadi",
    language: "da",
    guardians: [
      { firstName: "Farida", gender: "FEMALE", phone: "+4520000009" },
      { firstName: "Nasir", gender: "MALE" },
    ],
    children: [
      { firstName: "Maryam", gender: "FEMALE", age: 15 },
      { firstName: "Zahra", gender: "FEMALE", age: 11 },
      { firstName: "Mustafa", gender: "MALE", age: 6 },
      { firstName: "Sana", gender: "FEMALE", age: 3 },
    ],
  },
  {
    area: "energivej",
    lastName: "Nowak",
    language: "en",
    guardians: [{ firstName: "Katarzyna", gender: "FEMALE", phone: "+4520000010", email: "katarzyna.nowak@example.com" }],
    children: [
      { firstName: "Jakub", gender: "MALE", age: 12 },
      { firstName: "Zofia", gender: "FEMALE", age: 8 },
    ],
  },
  {
    area: "sjaellandsgade",
    lastName: "Pedersen",
    language: "da",
    guardians: [{ firstName: "Line", gender: "FEMALE", phone: "+4520000011" }],
    children: [{ firstName: "Noah", gender: "MALE", age: 7 }],
  },
  {
    area: "centrale-randers",
    lastName: "Hussein",
    language: "ar",
    guardians: [{ firstName: "Fatima", gender: "FEMALE", phone: "+4520000012" }],
    children: [
      { firstName: "Hassan", gender: "MALE", age: 17 },
      { firstName: "Nour", gender: "FEMALE", age: 13 },
    ],
  },
  {
    area: "outside",
    lastName: "Christensen",
    language: "da",
    guardians: [{ firstName: "Thomas", gender: "MALE", phone: "+4520000013", email: "thomas.christensen@example.dk" }],
    children: [
      { firstName: "Freja", gender: "FEMALE", age: 9 },
      { firstName: "Oscar", gender: "MALE", age: 5 },
    ],
  },
];

// ---------------------------------------------------------------- the seed

type ActivitySpec = Omit<Prisma.ActivityCreateManyInput, "id" | "typeId" | "effortAreaId" | "status" | "title" | "description" | "practicalInfo"> & {
  type: TypeCode;
  effort: EffortCode;
  title: Text;
  description: Text;
  practicalInfo: Text;
  sessions: Slot[];
  /** Plan areas whose residents may join; empty means all plan areas. */
  eligible?: AreaCode[];
  partners?: ("volunteer" | "trainer")[];
};

const CONTACT_STAFF = { contactName: "Jonas Lund", contactPhone: "+4520000020", contactEmail: DEMO_ACCOUNTS.staff.email };
const CONTACT_FAMILY = {
  contactName: "Hanne Bach, familiekonsulent",
  contactPhone: "+4520000021",
  contactEmail: "familie@aktivitetsportalen.dk",
};
const CONTACT_CLUB = {
  contactName: "Kasper Nielsen, Randers Nord IF",
  contactPhone: "+4520000022",
  contactEmail: DEMO_ACCOUNTS.trainer.email,
};

type ReferenceIds = ReturnType<typeof referenceIds>;
type PeopleRegister = ReturnType<typeof peopleRegister>;
type DemoCalendar = ReturnType<typeof demoCalendar>;

/**
 * Fills an empty, migrated database with the demo. `now` anchors every date
 * (tests pass a fixed instant).
 */
export async function seedDemoData(db: PrismaClient, now: Date = new Date()): Promise<void> {
  const today = copenhagenDay(now);
  // Each step takes its keys in turn (randomUUID): the order below is the order of the rows.
  const ids = referenceIds();
  const register = peopleRegister(today, ids);
  const accounts = addStaffAndPartners(register);
  addFamilies(register, now, accounts.staffUserId);
  const young = addYoungPeople(register, accounts.staffUserId);
  const activities = activityRows(demoActivities(demoCalendar(today, now), now), ids, accounts.partnerUserId);
  const history = historyRows({ now, today, ...ids, staffUserId: accounts.staffUserId, activityBySlug: activities.activityBySlug });
  await writeDemoData(db, { today, now, ids, register, accounts, young, activities, history });
  await seedProgrammesAndMoves(db);
  await seedCollectContacts(db);
}

// ---------------------------------------------------------------- reference data, people, accounts and households

/** The keys of the housing areas, effort areas, activity types and organisations, by code. */
function referenceIds() {
  const areaId = Object.fromEntries(HOUSING_AREAS.map((area) => [area.code, randomUUID()])) as Record<AreaCode, string>;
  const effortId = Object.fromEntries(EFFORT_AREAS.map((area) => [area.code, randomUUID()])) as Record<EffortCode, string>;
  const typeId = Object.fromEntries(ACTIVITY_TYPES.map((type) => [type.code, randomUUID()])) as Record<TypeCode, string>;
  const organisationId = Object.fromEntries(ORGANISATIONS.map((name) => [name, randomUUID()])) as Record<OrganisationName, string>;
  return { areaId, effortId, typeId, organisationId };
}

/** The people, accounts and households of the demo, and the ways to add to them. */
function peopleRegister(today: Day, { areaId, organisationId }: ReferenceIds) {
  const people: Prisma.PersonCreateManyInput[] = [];
  const users: Prisma.UserCreateManyInput[] = [];
  const households: Prisma.HouseholdCreateManyInput[] = [];
  const members: Prisma.HouseholdMemberCreateManyInput[] = [];
  const invitations: Prisma.HouseholdInvitationCreateManyInput[] = [];

  function addPerson(spec: MemberSpec & { lastName: string; area?: AreaCode; language: string }): string {
    const id = randomUUID();
    people.push({
      id,
      firstName: spec.firstName,
      lastName: spec.lastName,
      birthDate: spec.age === undefined ? null : birthDateForAge(today, spec.age, `${spec.firstName} ${spec.lastName}`),
      gender: spec.gender,
      housingAreaId: spec.area ? areaId[spec.area] : null,
      email: spec.email ?? null,
      phone: spec.phone ?? null,
      language: spec.language,
    });
    return id;
  }

  function addUser(personId: string, account: { role: Role; email?: string; phone?: string }, language: string, organisation?: OrganisationName): string {
    const id = randomUUID();
    users.push({
      id,
      personId,
      role: account.role,
      email: account.email ?? null,
      phone: account.phone ?? null,
      language,
      organisationId: organisation ? organisationId[organisation] : null,
    });
    return id;
  }

  function addHousehold(createdById: string | null, memberships: [string, HouseholdRole][]): string {
    const householdId = randomUUID();
    households.push({ id: householdId, createdById });
    for (const [personId, role] of memberships) members.push({ householdId, personId, role });
    return householdId;
  }

  /**
   * A household from a spec: guardians speak the household language, children Danish. A family staff registered
   * (createdById set) waits for its guardians to confirm it on first sign-in (a claim, ADR 013).
   */
  function addFamily(spec: HouseholdSpec, createdById: string | null, existing: [string, HouseholdRole][] = []): string {
    const shared = { lastName: spec.lastName, area: spec.area };
    const guardians = spec.guardians.map((g) => ({ spec: g, id: addPerson({ ...shared, language: spec.language, ...g }) }));
    const householdId = addHousehold(createdById, [
      ...existing,
      ...guardians.map((g): [string, HouseholdRole] => [g.id, "GUARDIAN"]),
      ...spec.children.map((c): [string, HouseholdRole] => [addPerson({ ...shared, language: "da", ...c }), "CHILD"]),
    ]);
    if (createdById) {
      for (const g of guardians.filter((guardian) => guardian.spec.phone || guardian.spec.email)) {
        invitations.push({
          householdId,
          kind: "CLAIM",
          invitedById: createdById,
          personId: g.id,
          firstName: g.spec.firstName,
          lastName: g.spec.lastName ?? spec.lastName,
          phone: g.spec.phone ?? null,
          email: g.spec.email ?? null,
        });
      }
    }
    return householdId;
  }

  return { people, users, households, members, invitations, addPerson, addUser, addHousehold, addFamily };
}

/** Staff and partners: accounts without a household. */
function addStaffAndPartners({ addPerson, addUser }: PeopleRegister) {
  // Staff and partners: accounts without a household.
  addUser(addPerson({ firstName: "Mette", lastName: "Kjær", gender: "FEMALE", language: "da" }), DEMO_ACCOUNTS.admin, "da", "Bysekretariatet");
  const staffUserId = addUser(
    addPerson({ firstName: "Jonas", lastName: "Lund", gender: "MALE", language: "da" }),
    DEMO_ACCOUNTS.staff,
    "da",
    "Bysekretariatet",
  );
  const partnerUserId = {
    volunteer: addUser(
      addPerson({ firstName: "Birgit", lastName: "Holm", gender: "FEMALE", language: "da" }),
      DEMO_ACCOUNTS.volunteer,
      "da",
      "Randers Bibliotek",
    ),
    trainer: addUser(addPerson({ firstName: "Kasper", lastName: "Nielsen", gender: "MALE", language: "da" }), DEMO_ACCOUNTS.trainer, "da", "Randers Nord IF"),
  };
  return { staffUserId, partnerUserId };
}

/** The parents with logins (Arabic- and Danish-speaking), a young person in his mother's family, and the families staff registered. */
function addFamilies({ addPerson, addUser, addFamily, invitations }: PeopleRegister, now: Date, staffUserId: string): void {
  // Arabic-speaking parent, signed up herself.
  const amira = addPerson({
    firstName: "Amira",
    lastName: "Haddad",
    gender: "FEMALE",
    area: "gl-jennumparken",
    language: "ar",
  });
  addUser(amira, DEMO_ACCOUNTS.parentArabic, "ar");
  addFamily(
    {
      area: "gl-jennumparken",
      lastName: "Haddad",
      language: "ar",
      guardians: [],
      children: [
        { firstName: "Yusuf", gender: "MALE", age: 11 },
        { firstName: "Lina", gender: "FEMALE", age: 8 },
        { firstName: "Omar", gender: "MALE", age: 5 },
      ],
    },
    null,
    [[amira, "GUARDIAN"]],
  );

  // Danish parent who has invited the children's father (no login yet): he joins when he signs in and says yes.
  const sofie = addPerson({
    firstName: "Sofie",
    lastName: "Andersen",
    gender: "FEMALE",
    area: "vangdalen",
    language: "da",
  });
  const sofieUserId = addUser(sofie, DEMO_ACCOUNTS.parentDanish, "da");
  const andersen = addFamily(
    {
      area: "vangdalen",
      lastName: "Andersen",
      language: "da",
      guardians: [],
      children: [
        { firstName: "Emma", gender: "FEMALE", age: 14 },
        { firstName: "Lucas", gender: "MALE", age: 10 },
      ],
    },
    null,
    [[sofie, "GUARDIAN"]],
  );
  invitations.push({
    householdId: andersen,
    kind: "JOIN",
    invitedById: sofieUserId,
    firstName: "Mikkel",
    lastName: "Andersen",
    phone: "+4520000003",
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000),
  });

  // Young person with his own login, also a child in his mother's household.
  const ali = addPerson({
    firstName: "Ali",
    lastName: "Hassan",
    gender: "MALE",
    age: 14,
    area: "glarbjergvej",
    language: "da",
  });
  addUser(ali, DEMO_ACCOUNTS.youth, "da");
  addFamily(
    {
      area: "glarbjergvej",
      lastName: "Hassan",
      language: "ar",
      guardians: [{ firstName: "Samira", gender: "FEMALE", phone: "+4520000004" }],
      children: [],
    },
    staffUserId,
    [[ali, "CHILD"]],
  );

  for (const spec of STAFF_HOUSEHOLDS) addFamily(spec, staffUserId);
}

/** Young people with pocket-money jobs or applications (their own logins, each a child in a family). */
function addYoungPeople({ addPerson, addUser, addFamily }: PeopleRegister, staffUserId: string) {
  /** Each young person's guardian on record: their applications' consent and information went to them (ADR 013). */
  const householdGuardian = new Map<string, string>();
  function addYoungPerson(spec: MemberSpec & { lastName: string; area: AreaCode; guardian: MemberSpec; language: string }): string {
    const { guardian, language, ...young } = spec;
    const personId = addPerson({ ...young, phone: undefined, email: undefined, language: "da" });
    addUser(personId, { role: "YOUTH", phone: young.phone, email: young.email }, "da");
    const guardianId = addPerson({ lastName: spec.lastName, area: spec.area, language, ...guardian });
    householdGuardian.set(personId, guardianId);
    addFamily({ area: spec.area, lastName: spec.lastName, language, guardians: [], children: [] }, staffUserId, [
      [guardianId, "GUARDIAN"],
      [personId, "CHILD"],
    ]);
    return personId;
  }
  const youth = {
    nour: addYoungPerson({
      firstName: "Nour",
      lastName: "Ahmed",
      gender: "FEMALE",
      age: 16,
      area: "vangdalen",
      phone: DEMO_ACCOUNTS.youthHired.phone,
      language: "ar",
      guardian: { firstName: "Huda", gender: "FEMALE", phone: "+4520000031" },
    }),
    emil: addYoungPerson({
      firstName: "Emil",
      lastName: "Sørensen",
      gender: "MALE",
      age: 15,
      area: "glarbjergvej",
      phone: "+4520000032",
      language: "da",
      guardian: { firstName: "Pia", gender: "FEMALE", phone: "+4520000036" },
    }),
    maryam: addYoungPerson({
      firstName: "Maryam",
      lastName: "Yousef",
      gender: "FEMALE",
      age: 13,
      area: "sjaellandsgade",
      phone: "+4520000033",
      language: "ar",
      guardian: { firstName: "Leila", gender: "FEMALE", phone: "+4520000034" },
    }),
    zaid: addYoungPerson({
      firstName: "Zaid",
      lastName: "Omar",
      gender: "MALE",
      age: 16,
      area: "gl-jennumparken",
      email: "zaid.omar@example.dk",
      language: "ar",
      guardian: { firstName: "Khaled", gender: "MALE", phone: "+4520000035" },
    }),
  };
  return { youth, householdGuardian };
}

// ---------------------------------------------------------------- activities

/** Every session's day and time: the series around today, a year of history for the reports, the events' next dates. */
function demoCalendar(today: Day, now: Date) {
  const seriesFrom = addDays(today, -28);
  const seriesUntil = addDays(today, 70);

  const homeworkDays = weekly({
    from: seriesFrom,
    until: seriesUntil,
    weekdays: [1, 3],
    skip: (d) => isProgrammeClosed(d) || isSchoolHoliday(d),
  });
  const homeworkSlots = homeworkDays.map((d) => slot(d, "15:00", "17:00"));

  // A year of history for the reports: the drop-in series' past afternoons, and past rounds of courses and events.
  const historyFrom = addDays(today, -365);
  const historyUntil = addDays(seriesFrom, -1);
  const openWeekday = (d: Day) => isProgrammeClosed(d) || isSchoolHoliday(d);
  const pastHomework = weekly({ from: historyFrom, until: historyUntil, weekdays: [1, 3], skip: openWeekday }).map((d) => slot(d, "15:00", "17:00"));
  const pastTraining = weekly({ from: historyFrom, until: historyUntil, weekdays: [2], skip: openWeekday }).map((d) => slot(d, "18:00", "19:30"));
  const pastYear = today.getUTCMonth() >= 8 ? today.getUTCFullYear() : today.getUTCFullYear() - 1;
  const pastReading = [isoWeekMonday(pastYear, 28), isoWeekMonday(pastYear, 29)].flatMap((monday) => [
    slot(addDays(monday, 1), "10:00", "12:00"),
    slot(addDays(monday, 3), "10:00", "12:00"),
  ]);
  const pastCadet = weekly({ from: nextWeekday(addDays(today, -250), 4), weekdays: [4], count: 10, skip: openWeekday }).map((d) => slot(d, "16:00", "18:00"));
  const pastFamily = weekly({ from: nextWeekday(addDays(today, -220), 6), weekdays: [6], every: 2, count: 6 }).map((d) => slot(d, "10:00", "13:00"));
  const pastMidsummer = slot(day(pastYear, 6, 23), "19:00", "22:00");
  const pastPumpkinDay = lastWeekdayOfMonth(today.getUTCFullYear(), 10, 4);
  const pastPumpkin = slot(pastPumpkinDay < today ? pastPumpkinDay : lastWeekdayOfMonth(today.getUTCFullYear() - 1, 10, 4), "16:00", "18:30");
  // One upcoming afternoon is called off, to show a cancelled session.
  const cancelledHomework = homeworkSlots.filter((s) => s.startsAt > now)[3];
  if (cancelledHomework) cancelledHomework.cancelledAt = new Date(now.getTime() - 2 * DAY_MS);

  const familyDays = weekly({ from: nextWeekday(addDays(today, 21), 6), weekdays: [6], every: 2, count: 6 });
  const fathersDays = weekly({
    from: nextWeekday(seriesFrom, 4),
    until: addDays(today, 84),
    weekdays: [4],
    every: 2,
  });
  const lunchDays = weekly({ from: nextWeekday(addDays(today, 14), 3), weekdays: [3], count: 4 });

  const campMonday = nextYearly(now, (year) => isoWeekMonday(year, 27), "09:00");
  const campSlots = [0, 1, 2, 3, 4].map((i) => slot(addDays(campMonday, i), "09:00", "15:00"));

  const trainingSlots = weekly({ from: seriesFrom, until: seriesUntil, weekdays: [2] }).map((d) => slot(d, "18:00", "19:30"));
  // The hall is booked one evening: that session moves.
  const movedTraining = trainingSlots.filter((s) => s.startsAt > now)[2];
  if (movedTraining) movedTraining.place = "Nørrevangsskolens gymnastiksal";

  const easterDay = nextYearly(now, (year) => addDays(easterSunday(year), -1), "10:00");
  const easterSlot = slot(easterDay, "10:00", "12:00");
  const midsummerDay = nextYearly(now, (year) => day(year, 6, 23), "19:00");
  const pumpkinDay = nextYearly(now, (year) => lastWeekdayOfMonth(year, 10, 4), "16:00");
  const pumpkinSlot = slot(pumpkinDay, "16:00", "18:30");

  const cadetDays = weekly({ from: nextWeekday(addDays(today, 10), 4), weekdays: [4], count: 10 });
  const knittingSlots = weekly({ from: seriesFrom, until: seriesUntil, weekdays: [5] }).map((d) => slot(d, "10:00", "12:00"));

  const familySlots = familyDays.map((d) => slot(d, "10:00", "13:00"));
  const lunchSlots = lunchDays.map((d) => slot(d, "16:30", "18:00"));
  const cadetSlots = cadetDays.map((d) => slot(d, "16:00", "18:00"));
  const firstStart = (slots: Slot[]): Date => slots[0]?.startsAt ?? now;
  const daysAgo = (days: number): Date => new Date(now.getTime() - days * DAY_MS);
  return {
    homeworkSlots,
    pastHomework,
    pastTraining,
    pastYear,
    pastReading,
    pastCadet,
    pastFamily,
    pastMidsummer,
    pastPumpkin,
    familySlots,
    fathersDays,
    lunchSlots,
    campSlots,
    trainingSlots,
    easterSlot,
    midsummerDay,
    pumpkinSlot,
    cadetSlots,
    knittingSlots,
    firstStart,
    daysAgo,
  };
}

function demoActivities(calendar: DemoCalendar, now: Date): ActivitySpec[] {
  const { pastReading, pastCadet, pastFamily, pastMidsummer, pastPumpkin, pastYear } = calendar;
  return [
    ...weekAndFamilyActivities(calendar, now),
    ...sportsActivities(calendar, now),
    ...seasonalEvents(calendar),
    ...clubActivities(calendar, now),
    ...pastActivities({ pastReading, pastCadet, pastFamily, pastMidsummer, pastPumpkin, pastYear }),
  ];
}

/** The homework café and the family courses (one on an area list). */
function weekAndFamilyActivities(calendar: DemoCalendar, now: Date): ActivitySpec[] {
  const { homeworkSlots, pastHomework, familySlots, fathersDays, lunchSlots, firstStart, daysAgo } = calendar;
  return [
    {
      slug: "lektiecafe-jennumparken",
      type: "homework-cafe",
      effort: "uddannelse",
      title: text("Lektiecafé i Jennumparken", "Homework café in Jennumparken", "مقهى الواجبات المدرسية في Jennumparken"),
      description: text(
        "Få hjælp til lektierne af frivillige lektiehjælpere fra Randers Bibliotek. Lektiecaféen er for alle skolebørn fra 1. til 10. klasse. Du behøver ikke at tilmelde dig – kom, når det passer dig. Vi har frugt og saftevand, og der er ro til at arbejde.",
        "Get help with your homework from volunteer helpers from Randers Library. The homework café is for all school children from year 1 to year 10. There is no need to sign up – just drop in when it suits you. We serve fruit and squash, and there is a quiet place to work.",
        "احصل على مساعدة في واجباتك المدرسية من متطوعين من مكتبة راندرس. مقهى الواجبات مفتوح لجميع تلاميذ المدارس من الصف الأول حتى الصف العاشر. لا حاجة إلى التسجيل – تعال متى يناسبك. نقدّم الفاكهة والعصير، وهناك مكان هادئ للدراسة.",
      ),
      practicalInfo: text(
        "Tag dine lektier, din computer eller iPad og din oplader med. Forældre er også velkomne. Lektiecaféen holder lukket i skoleferierne.",
        "Bring your homework, your laptop or iPad and your charger. Parents are welcome too. The homework café is closed during the school holidays.",
        "أحضر واجباتك وحاسوبك أو جهاز الآيباد والشاحن. أولياء الأمور مرحّب بهم أيضًا. يُغلق مقهى الواجبات خلال العطل المدرسية.",
      ),
      place: "Jennumparkens bibliotek/fælleshus",
      address: "Jennumparken 62, 8930 Randers NØ",
      minAge: 6,
      maxAge: 17,
      capacity: null,
      requiresSignUp: false,
      recurrence: weeklyRecurrence([1, 3], "15:00", "17:00"),
      ...CONTACT_STAFF,
      sessions: [...pastHomework, ...homeworkSlots],
      partners: ["volunteer"],
    },
    {
      slug: "familiedage",
      type: "family-course",
      effort: "sammenhaengskraft",
      title: text("Familiedage – leg, mad og fællesskab", "Family days – play, food and community", "أيام العائلة – لعب وطعام وأُلفة"),
      description: text(
        "Et forløb med seks lørdage for hele familien. Vi leger, laver mad sammen og tager på små ture i nærområdet. Forældrene får en snak med andre forældre om hverdagen med børn, mens børnene er sammen med vores pædagoger. Forløbet slutter med en fælles spisning.",
        "A course of six Saturdays for the whole family. We play, cook together and go on short trips in the neighbourhood. Parents get to talk with other parents about everyday life with children, while the children spend time with our educators. The course ends with a shared meal.",
        "برنامج من ستة أيام سبت للعائلة كلها. نلعب ونطبخ معًا ونقوم بنزهات قصيرة في الحي. يتحدث الآباء والأمهات مع أولياء أمور آخرين عن الحياة اليومية مع الأطفال، بينما يقضي الأطفال الوقت مع مربّينا. يُختتم البرنامج بوجبة مشتركة.",
      ),
      practicalInfo: text(
        "Tilmeldingen gælder hele familien og alle seks gange. Frokost er inkluderet. Sig til, hvis jeres familie har særlige hensyn til mad.",
        "Sign-up covers the whole family and all six meetings. Lunch is included. Let us know if your family has any dietary requirements.",
        "التسجيل يشمل العائلة كلها وجميع اللقاءات الستة. الغداء مشمول. أخبرونا إذا كانت لدى عائلتكم احتياجات غذائية خاصة.",
      ),
      place: "Beboerhuset i Vangdalen",
      address: "Vangdalen 40, 8930 Randers NØ",
      minAge: 0,
      maxAge: 17,
      capacity: 12,
      capacityUnit: "HOUSEHOLD",
      openToOutsiders: false,
      signUpOpensAt: daysAgo(10),
      signUpClosesAt: closesBefore(firstStart(familySlots), 3, now),
      cancelDeadlineHours: 48,
      recurrence: weeklyRecurrence([6], "10:00", "13:00", 2),
      ...CONTACT_FAMILY,
      sessions: familySlots,
    },
    {
      slug: "faedregruppen",
      type: "family-course",
      effort: "sammenhaengskraft",
      title: text("Fædregruppen", "Fathers' group", "مجموعة الآباء"),
      description: text(
        "Fædre og børn mødes hver anden torsdag til aktiviteter, aftensmad og en god snak. Børnene leger og spiller, mens fædrene deler erfaringer med at være far i Danmark. Aftenen slutter med aftensmad, som vi laver sammen.",
        "Fathers and their children meet every other Thursday for activities, dinner and a good chat. The children play while the fathers share their experiences of being a dad in Denmark. The evening ends with a dinner we cook together.",
        "يلتقي الآباء وأطفالهم يوم الخميس كل أسبوعين لممارسة الأنشطة وتناول العشاء والحديث. يلعب الأطفال بينما يتبادل الآباء تجاربهم حول الأبوّة في الدنمارك. تنتهي الأمسية بعشاء نحضّره معًا.",
      ),
      practicalInfo: text(
        "Tilmeldingen gælder far og børn. Aftensmaden er gratis. Du er velkommen, selvom du ikke har været med fra starten.",
        "Sign-up covers the father and his children. Dinner is free. You are welcome to join even if you were not there from the start.",
        "التسجيل يشمل الأب وأطفاله. العشاء مجاني. يمكنك الانضمام حتى لو لم تكن معنا منذ البداية.",
      ),
      place: "Fælleshuset, Glarbjergvej",
      address: "Glarbjergvej 15, 8930 Randers NØ",
      minAge: 3,
      maxAge: 12,
      capacity: 10,
      capacityUnit: "HOUSEHOLD",
      openToOutsiders: false,
      signUpOpensAt: daysAgo(42),
      signUpClosesAt: null,
      cancelDeadlineHours: 24,
      recurrence: weeklyRecurrence([4], "17:00", "19:00", 2),
      ...CONTACT_FAMILY,
      sessions: fathersDays.map((d) => slot(d, "17:00", "19:00")),
    },
    {
      slug: "madpakkegruppen",
      type: "family-course",
      effort: "uddannelse",
      title: text("Madpakkegruppen", "Packed lunch group", "مجموعة تحضير علبة الغداء"),
      description: text(
        "Fire hyggelige eftermiddage, hvor børn og forældre laver sunde og billige madpakker sammen. I får gode idéer til madpakker, som børnene faktisk spiser, og vi taler om, hvordan god mad giver overskud i skolen.",
        "Four relaxed afternoons where children and parents make healthy, affordable packed lunches together. You get good ideas for lunches the children will actually eat, and we talk about how good food helps children do well at school.",
        "أربعة لقاءات ممتعة بعد الظهر يحضّر فيها الأطفال والآباء معًا علب غداء صحية وبتكلفة قليلة. ستحصلون على أفكار لوجبات يأكلها الأطفال فعلًا، وسنتحدث عن دور الطعام الجيد في نشاط الأطفال وتركيزهم في المدرسة.",
      ),
      practicalInfo: text(
        "Vi sørger for råvarerne. Tag en madkasse med til hvert barn, så I kan tage madpakkerne med hjem.",
        "We provide the ingredients. Bring a lunch box for each child so you can take the lunches home.",
        "نوفّر المكوّنات. أحضروا علبة غداء لكل طفل لتأخذوا الوجبات معكم إلى البيت.",
      ),
      place: "Fælleshusets køkken, Gl. Jennumparken",
      address: "Jennumparken 62, 8930 Randers NØ",
      minAge: 5,
      maxAge: 12,
      capacity: 8,
      capacityUnit: "HOUSEHOLD",
      openToOutsiders: false,
      signUpOpensAt: daysAgo(7),
      signUpClosesAt: closesBefore(firstStart(lunchSlots), 2, now),
      cancelDeadlineHours: 48,
      recurrence: weeklyRecurrence([3], "16:30", "18:00"),
      ...CONTACT_FAMILY,
      sessions: lunchSlots,
      eligible: ["gl-jennumparken", "energivej"],
    },
  ];
}

/** The sports camp in the summer and the open training (a drop-in with a moved session). */
function sportsActivities(calendar: DemoCalendar, now: Date): ActivitySpec[] {
  const { pastTraining, campSlots, trainingSlots, firstStart, daysAgo } = calendar;
  return [
    {
      slug: "sommer-sportscamp",
      type: "sports-camp",
      effort: "kriminalitetsforebyggelse",
      title: text("Sommer-sportscamp på Nordre Fælled", "Summer sports camp at Nordre Fælled", "مخيم رياضي صيفي في Nordre Fælled"),
      description: text(
        "Fem dage med fodbold, atletik, rundbold og vandlege i sommerferien. Trænerne fra Randers Nord IF står for træningen, og alle kan være med – uanset om man har spillet før. Vi spiser frokost sammen hver dag, og fredag slutter vi med turnering og præmier.",
        "Five days of football, athletics, rounders and water games in the summer holidays. Coaches from Randers Nord IF lead the sessions, and everyone can join – whether you have played before or not. We have lunch together every day, and on Friday we finish with a tournament and prizes.",
        "خمسة أيام من كرة القدم وألعاب القوى وألعاب الكرة والألعاب المائية خلال العطلة الصيفية. يشرف مدربو نادي Randers Nord IF على التدريبات، ويمكن للجميع المشاركة سواء لعبوا من قبل أم لا. نتناول الغداء معًا كل يوم، ونختتم يوم الجمعة ببطولة وجوائز.",
      ),
      practicalInfo: text(
        "Tag sportstøj, indendørs- og udendørssko, drikkedunk og badetøj med. Frokost og frugt er inkluderet. Tilmeldingen gælder alle fem dage.",
        "Bring sportswear, indoor and outdoor shoes, a water bottle and swimwear. Lunch and fruit are included. Sign-up covers all five days.",
        "أحضر ملابس رياضية وحذاءً للصالة وآخر للملعب الخارجي وقارورة ماء وملابس سباحة. الغداء والفاكهة مشمولان. التسجيل يشمل الأيام الخمسة كلها.",
      ),
      place: "Randers Nord IF, Nordre Fælled",
      address: "Nordre Fælled 2, 8930 Randers NØ",
      minAge: 7,
      maxAge: 13,
      capacity: 20,
      capacityUnit: "PERSON",
      signUpOpensAt: daysAgo(14),
      signUpClosesAt: closesBefore(firstStart(campSlots), 14, now),
      cancelDeadlineHours: 72,
      ...CONTACT_CLUB,
      sessions: campSlots,
      partners: ["trainer"],
    },
    {
      slug: "aaben-traening",
      type: "open-training",
      effort: "kriminalitetsforebyggelse",
      title: text("Åben træning – fodbold og fitness", "Open training – football and fitness", "تدريب مفتوح – كرة القدم واللياقة البدنية"),
      description: text(
        "Hver tirsdag aften er hallen åben for unge mellem 10 og 17 år. Vi spiller fodbold og træner fitness med trænere fra Randers Nord IF. Du behøver ikke at være medlem af klubben eller at tilmelde dig – bare mød op.",
        "Every Tuesday evening the sports hall is open to young people aged 10 to 17. We play football and do fitness training with coaches from Randers Nord IF. You don't have to be a club member or sign up – just turn up.",
        "كل مساء ثلاثاء تُفتح الصالة الرياضية للشباب من سن 10 إلى 17 عامًا. نلعب كرة القدم ونمارس تمارين اللياقة مع مدربي نادي Randers Nord IF. لا يلزمك أن تكون عضوًا في النادي أو أن تسجّل – فقط تعال.",
      ),
      practicalInfo: text(
        "Husk indendørssko og drikkedunk. Der er omklædningsrum og bad.",
        "Remember indoor shoes and a water bottle. Changing rooms and showers are available.",
        "لا تنسَ حذاء الصالة وقارورة الماء. تتوفر غرف لتبديل الملابس وحمّامات للاستحمام.",
      ),
      place: "Randers Nord IF, hallen på Nordre Fælled",
      address: "Nordre Fælled 2, 8930 Randers NØ",
      minAge: 10,
      maxAge: 17,
      capacity: null,
      requiresSignUp: false,
      recurrence: weeklyRecurrence([2], "18:00", "19:30"),
      ...CONTACT_CLUB,
      sessions: [...pastTraining, ...trainingSlots],
      partners: ["trainer"],
    },
  ];
}

/** The one-day events of the year: Easter, Midsummer, pumpkin carving. */
function seasonalEvents(calendar: DemoCalendar): ActivitySpec[] {
  const { easterSlot, midsummerDay, pumpkinSlot } = calendar;
  return [
    {
      slug: "paaskejagt-nordre-faelled",
      type: "one-day-event",
      effort: "sammenhaengskraft",
      title: text("Påskejagt på Nordre Fælled", "Easter egg hunt at Nordre Fælled", "البحث عن بيض عيد الفصح في Nordre Fælled"),
      description: text(
        "Kom med på påskejagt for hele familien! Vi gemmer påskeæg rundt på fælleden, og børnene løser små opgaver undervejs. Bagefter er der kaffe, saftevand og boller i klubhuset.",
        "Join the Easter egg hunt for the whole family! We hide Easter eggs around the common, and the children solve small tasks along the way. Afterwards there is coffee, squash and buns in the clubhouse.",
        "انضموا إلينا في البحث عن بيض عيد الفصح مع العائلة كلها! نخبّئ البيض في أرجاء الساحة الخضراء، ويحلّ الأطفال مهامَّ صغيرة على الطريق. بعد ذلك نقدّم القهوة والعصير والكعك في مقر النادي.",
      ),
      practicalInfo: text(
        "Tilmeld de børn, der skal være med på jagten – voksne behøver ikke tilmelding. Tag tøj på efter vejret.",
        "Sign up the children taking part in the hunt – adults do not need to sign up. Dress for the weather.",
        "سجّلوا الأطفال المشاركين في البحث – لا يحتاج البالغون إلى التسجيل. ارتدوا ملابس مناسبة للطقس.",
      ),
      place: "Nordre Fælled, ved klubhuset",
      address: "Nordre Fælled 2, 8930 Randers NØ",
      minAge: 2,
      maxAge: 12,
      capacity: 60,
      capacityUnit: "PERSON",
      // Opens four weeks before the day, which may still lie ahead.
      signUpOpensAt: new Date(easterSlot.startsAt.getTime() - 28 * DAY_MS),
      signUpClosesAt: new Date(easterSlot.startsAt.getTime() - DAY_MS),
      ...CONTACT_STAFF,
      sessions: [easterSlot],
      partners: ["trainer"],
    },
    {
      slug: "sankt-hans-noerrevangsparken",
      type: "one-day-event",
      effort: "sammenhaengskraft",
      title: text("Sankt Hans i Nørrevangsparken", "Midsummer Eve in Nørrevangsparken", "احتفال ليلة منتصف الصيف (Sankt Hans) في Nørrevangsparken"),
      description: text(
        "Vi fejrer Sankt Hans med bål, båltale og fællessang. Fra kl. 19 kan børnene bage snobrød, og grillen er tændt, så I kan tage jeres egen mad med. Bålet tændes kl. 21. Alle er velkomne – der er ingen tilmelding.",
        "We celebrate Midsummer Eve with a bonfire, a speech and community singing. From 7 pm the children can bake twist bread, and the barbecue is lit, so you can bring your own food to grill. The bonfire is lit at 9 pm. Everyone is welcome – no sign-up needed.",
        "نحتفل بليلة منتصف الصيف بإشعال نار كبيرة وإلقاء كلمة والغناء الجماعي. ابتداءً من الساعة 19:00 يمكن للأطفال خَبز خبز العصا على النار، وتكون الشوّاية جاهزة لتشووا طعامكم الخاص. تُشعل النار الكبيرة في الساعة 21:00. الجميع مرحّب بهم – لا حاجة إلى التسجيل.",
      ),
      practicalInfo: text(
        "Tag gerne et tæppe eller en campingstol med. Snobrødsdej og pinde er gratis.",
        "Feel free to bring a blanket or a camping chair. Dough and sticks for twist bread are free.",
        "يمكنكم إحضار بطانية أو كرسي تخييم. العجين والعصي مجانية.",
      ),
      place: "Nørrevangsparken, ved bålpladsen",
      address: "Nørrevangsparken, 8930 Randers NØ",
      minAge: null,
      maxAge: null,
      capacity: null,
      requiresSignUp: false,
      ...CONTACT_STAFF,
      sessions: [slot(midsummerDay, "19:00", "22:00")],
    },
    {
      slug: "graeskarskaering-myretuen",
      type: "one-day-event",
      effort: "sammenhaengskraft",
      title: text("Græskarskæring på Myretuen", "Pumpkin carving at Myretuen", "نحت اليقطين في Myretuen"),
      description: text(
        "Skær dit eget græskar til en flot efterårslygte! Vi har græskar, børneknive og skabeloner, og de voksne hjælper med de svære snit. Der er varm kakao og æbleskiver, og når det bliver mørkt, går vi en lygtetur rundt i området.",
        "Carve your own pumpkin into a lovely autumn lantern! We have pumpkins, child-safe knives and templates, and the adults help with the tricky cuts. There is hot chocolate and æbleskiver, and when it gets dark we go on a lantern walk around the neighbourhood.",
        "انحت يقطينتك الخاصة لتصنع منها فانوسًا جميلًا للخريف! نوفّر اليقطين وسكاكين آمنة للأطفال وقوالب للرسم، ويساعد الكبار في القطع الصعبة. نقدّم الكاكاو الساخن وكرات الفطائر الدنماركية (æbleskiver)، وعندما يحلّ الظلام نقوم بجولة بالفوانيس في الحي.",
      ),
      practicalInfo: text(
        "Prisen på 20 kr. dækker græskar og forplejning og betales ved ankomst (kontant eller MobilePay). Tag tøj på, der må blive beskidt.",
        "The price of DKK 20 covers the pumpkin and refreshments and is paid on arrival (cash or MobilePay). Wear clothes that can get dirty.",
        "يغطّي السعر البالغ 20 كرونة اليقطينة والضيافة، ويُدفع عند الوصول (نقدًا أو عبر MobilePay). ارتدوا ملابس لا بأس أن تتّسخ.",
      ),
      place: "Myretuen, legepladsen i Vangdalen",
      address: "Vangdalen 40, 8930 Randers NØ",
      minAge: 4,
      maxAge: 12,
      capacity: 25,
      capacityUnit: "PERSON",
      priceOre: 2000,
      // Opens three weeks before the day, which may still lie ahead.
      signUpOpensAt: new Date(pumpkinSlot.startsAt.getTime() - 21 * DAY_MS),
      signUpClosesAt: new Date(pumpkinSlot.startsAt.getTime() - DAY_MS),
      ...CONTACT_STAFF,
      sessions: [pumpkinSlot],
    },
  ];
}

/** The clubs: fire cadets (only for some areas) and the knitting café (no Arabic text). */
function clubActivities(calendar: DemoCalendar, now: Date): ActivitySpec[] {
  const { cadetSlots, knittingSlots, firstStart, daysAgo } = calendar;
  return [
    {
      slug: "brandkadet",
      type: "club",
      effort: "kriminalitetsforebyggelse",
      title: text("Brandkadet hos Østjyllands Brandvæsen", "Fire cadets with Østjyllands Brandvæsen", "طلائع الإطفاء مع Østjyllands Brandvæsen"),
      description: text(
        "Som brandkadet lærer du førstehjælp, brandslukning og samarbejde sammen med rigtige brandfolk fra Østjyllands Brandvæsen. Forløbet varer ti torsdage og slutter med en øvelse og et kadetbevis. Du skal kunne komme alle gange.",
        "As a fire cadet you learn first aid, firefighting and teamwork together with real firefighters from Østjyllands Brandvæsen, the East Jutland fire service. The course runs for ten Thursdays and ends with an exercise and a cadet certificate. You need to be able to come every time.",
        "بصفتك أحد طلائع الإطفاء، تتعلّم الإسعافات الأولية وإطفاء الحرائق والعمل الجماعي مع رجال إطفاء حقيقيين من هيئة الإطفاء في شرق يولاند (Østjyllands Brandvæsen). يمتد البرنامج على عشرة أيام خميس، ويُختتم بتمرين عملي وشهادة إتمام. يجب أن تتمكن من الحضور في جميع المرات.",
      ),
      practicalInfo: text(
        "Brandvæsenet låner dig udstyret. Tag praktisk tøj og gode sko på. Forløbet er for unge, der bor i udvalgte boligområder.",
        "The fire service lends you the equipment. Wear practical clothes and sturdy shoes. The course is for young people living in selected housing areas.",
        "تُعيرك هيئة الإطفاء المعدّات اللازمة. ارتدِ ملابس عملية وحذاءً متينًا. البرنامج مخصص للشباب المقيمين في أحياء سكنية محددة.",
      ),
      place: "Brandstation Randers",
      address: "Hobrovej 93, 8930 Randers NØ",
      minAge: 12,
      maxAge: 16,
      capacity: 16,
      capacityUnit: "PERSON",
      openToOutsiders: false,
      signUpOpensAt: daysAgo(5),
      signUpClosesAt: closesBefore(firstStart(cadetSlots), 2, now),
      cancelDeadlineHours: 48,
      recurrence: weeklyRecurrence([4], "16:00", "18:00"),
      ...CONTACT_STAFF,
      sessions: cadetSlots,
      eligible: ["gl-jennumparken", "glarbjergvej", "hermann-stillingsvej"],
    },
    {
      slug: "noerklecafe",
      type: "club",
      effort: "sammenhaengskraft",
      title: text("Nørklecafé", "Knitting café", "مقهى الحياكة والتطريز"),
      // Deliberately without Arabic, so the fallback-to-Danish note shows.
      description: text(
        "Strik, hækl, sy eller broder sammen med andre i et hyggeligt fællesskab. Alle niveauer er velkomne – erfarne nørklere hjælper gerne nybegyndere i gang. Kaffe og te er gratis, og der er ingen tilmelding.",
        "Knit, crochet, sew or embroider with others in a friendly community. All levels are welcome – experienced crafters are happy to help beginners get started. Coffee and tea are free, and there is no need to sign up.",
      ),
      practicalInfo: text(
        "Vi har garn og pinde, du kan låne, men tag gerne dit eget projekt med.",
        "We have yarn and needles you can borrow, but feel free to bring your own project.",
        "لدينا خيوط وإبر يمكنك استعارتها، ويمكنك أيضًا إحضار مشروعك الخاص.",
      ),
      place: "Fælleshuset, Sjællandsgade",
      address: "Sjællandsgade 20, 8900 Randers C",
      minAge: 18,
      maxAge: null,
      capacity: null,
      requiresSignUp: false,
      recurrence: weeklyRecurrence([5], "10:00", "12:00"),
      ...CONTACT_STAFF,
      sessions: knittingSlots,
    },
  ];
}

/** The rows of the activities, their areas, partners and sessions; each activity's id and sessions by slug (for the history). */
function activityRows(activities: ActivitySpec[], { areaId, effortId, typeId }: ReferenceIds, partnerUserId: Record<"volunteer" | "trainer", string>) {
  const activityRows: Prisma.ActivityCreateManyInput[] = [];
  const eligibleRows: Prisma.ActivityEligibleAreaCreateManyInput[] = [];
  const partnerRows: Prisma.ActivityPartnerCreateManyInput[] = [];
  const sessionRows: Prisma.ActivitySessionCreateManyInput[] = [];
  const activityBySlug = new Map<string, { id: string; sessions: (Slot & { id: string })[] }>();
  for (const { type, effort, sessions, eligible = [], partners = [], ...fields } of activities) {
    const activityId = randomUUID();
    activityRows.push({
      ...fields,
      id: activityId,
      typeId: typeId[type],
      effortAreaId: effortId[effort],
      status: "PUBLISHED",
    });
    for (const code of eligible) eligibleRows.push({ activityId, housingAreaId: areaId[code] });
    for (const partner of partners) partnerRows.push({ activityId, userId: partnerUserId[partner] });
    const ids: string[] = [];
    for (const session of sessions) {
      const id = randomUUID();
      ids.push(id);
      sessionRows.push({ ...session, id, activityId });
    }
    activityBySlug.set(fields.slug, { id: activityId, sessions: sessions.map((session, index) => ({ ...session, id: ids[index]! })) });
  }
  return { activityRows, eligibleRows, partnerRows, sessionRows, activityBySlug };
}

/** Everything in one transaction, one statement per table (the pocket-money jobs' rows are made here, after the history's). */
async function writeDemoData(
  db: PrismaClient,
  demo: {
    today: Day;
    now: Date;
    ids: ReferenceIds;
    register: PeopleRegister;
    accounts: ReturnType<typeof addStaffAndPartners>;
    young: ReturnType<typeof addYoungPeople>;
    activities: ReturnType<typeof activityRows>;
    history: ReturnType<typeof historyRows>;
  },
): Promise<void> {
  const { today, now, history } = demo;
  const { areaId, effortId, typeId, organisationId } = demo.ids;
  const { people, users, households, members, invitations } = demo.register;
  const { staffUserId, partnerUserId } = demo.accounts;
  const { youth, householdGuardian } = demo.young;
  const { activityRows, eligibleRows, partnerRows, sessionRows } = demo.activities;
  await db.$transaction([
    db.housingArea.createMany({
      data: HOUSING_AREAS.map((area, index) => ({
        id: areaId[area.code],
        code: area.code,
        name: area.name,
        isPlanArea: "isPlanArea" in area ? area.isPlanArea : true,
        sortOrder: (index + 1) * 10,
      })),
    }),
    db.effortArea.createMany({
      data: EFFORT_AREAS.map((area, index) => ({
        id: effortId[area.code],
        code: area.code,
        name: area.name,
        sortOrder: (index + 1) * 10,
      })),
    }),
    db.activityType.createMany({
      data: ACTIVITY_TYPES.map((type, index) => ({
        id: typeId[type.code],
        code: type.code,
        name: type.name,
        icon: type.icon,
        dropIn: "dropIn" in type ? type.dropIn : false,
        sortOrder: (index + 1) * 10,
      })),
    }),
    db.organisation.createMany({ data: ORGANISATIONS.map((name) => ({ id: organisationId[name], name })) }),
    db.person.createMany({ data: people }),
    db.user.createMany({ data: users }),
    db.household.createMany({ data: households }),
    db.householdMember.createMany({ data: members }),
    db.householdInvitation.createMany({ data: invitations }),
    db.activity.createMany({ data: activityRows }),
    db.activityEligibleArea.createMany({ data: eligibleRows }),
    db.activityPartner.createMany({ data: partnerRows }),
    db.activitySession.createMany({ data: sessionRows }),
    db.schoolHoliday.createMany({ data: schoolHolidays(today) }),
    ...jobRows(db, { today, now, organisationId, youth, householdGuardian, staffUserId, trainerUserId: partnerUserId.trainer }),
    db.person.createMany({ data: history.people }),
    db.household.createMany({ data: history.households }),
    db.householdMember.createMany({ data: history.members }),
    db.signUp.createMany({ data: history.signUps }),
    db.enrolment.createMany({ data: history.enrolments }),
    db.attendance.createMany({ data: history.attendances }),
    db.headCount.createMany({ data: history.headCounts }),
    db.milestone.createMany({ data: history.milestones }),
    db.milestoneNote.createMany({ data: history.notes }),
  ]);
}

/**
 * Issue 19: the summer camp asks who may collect the children and whom to call, and one family has said so (Sagal:
 * her grandmother and an aunt may collect her; call her uncle).
 */
async function seedCollectContacts(db: PrismaClient) {
  await db.activity.update({ where: { slug: "sommer-sportscamp" }, data: { asksCollectContacts: true } });
  const sagal = await db.person.findFirst({ where: { firstName: "Sagal", households: { some: {} } }, select: { id: true } });
  if (!sagal) return;
  await db.childContact.createMany({
    data: [
      { personId: sagal.id, kind: "COLLECTOR", position: 0, name: "Faadumo Warsame", relation: "Bedstemor", phone: "+4520000041" },
      { personId: sagal.id, kind: "COLLECTOR", position: 1, name: "Ubah Warsame", relation: "Moster", phone: "+4520000042" },
      { personId: sagal.id, kind: "EMERGENCY", position: 0, name: "Yusuf Warsame", relation: "Morbror", phone: "+4520000043" },
    ],
  });
}

// ---------------------------------------------------------------- pocket-money jobs

/** A guardian link nobody holds (demo applications): a random secret's SHA-256. */
const unusableTokenHash = () => randomBytes(32).toString("hex");

/** What the pocket-money jobs' rows are made from: the demo's dates, organisations, young people and staff. */
type JobContext = {
  today: Day;
  now: Date;
  organisationId: Record<OrganisationName, string>;
  youth: Record<"nour" | "emil" | "maryam" | "zaid", string>;
  /** The guardian on record for each young person (their household's). */
  householdGuardian: ReadonlyMap<string, string>;
  staffUserId: string;
  trainerUserId: string;
};

/** The pocket-money jobs: types, postings, applications with their timelines, Nour's employment and the shifts. */
function jobRows(db: PrismaClient, ctx: JobContext) {
  const { today, youth } = ctx;
  const typeId = Object.fromEntries(JOB_TYPES.map((type) => [type.code, randomUUID()])) as Record<JobTypeCode, string>;
  const postingId = { play: randomUUID(), coach: randomUUID(), caretaker: randomUUID(), reporter: randomUUID() };
  const postings = jobPostings(ctx, typeId, postingId);
  const applicationId = { nour: randomUUID(), emil: randomUUID(), maryam: randomUUID(), zaid: randomUUID() };
  const { applications, events } = jobApplications(ctx, postingId, applicationId);
  const employmentId = randomUUID();
  const employments: Prisma.EmploymentCreateManyInput[] = [
    {
      id: employmentId,
      applicationId: applicationId.nour,
      postingId: postingId.coach,
      personId: youth.nour,
      role: "Ung træner",
      startsOn: addDays(today, -42),
      endsOn: addDays(today, 180),
      inSchool: true,
      guardianInformedAt: at(addDays(today, -45), "12:00"),
    },
  ];
  const { shifts, assignments } = jobShifts(ctx, postingId, employmentId);

  return [
    db.jobType.createMany({
      data: JOB_TYPES.map((type, index) => ({ id: typeId[type.code], code: type.code, name: type.name, icon: type.icon, sortOrder: (index + 1) * 10 })),
    }),
    db.jobPosting.createMany({ data: postings }),
    db.jobApplication.createMany({ data: applications }),
    db.applicationEvent.createMany({ data: events }),
    db.employment.createMany({ data: employments }),
    db.jobShift.createMany({ data: shifts }),
    db.shiftAssignment.createMany({ data: assignments }),
  ];
}

type PostingIds = Record<"play" | "coach" | "caretaker" | "reporter", string>;

/** Four postings: play patrol (open shifts), junior coach (Nour is hired), caretaker's help, the library's reporter. */
function jobPostings({ today, organisationId }: JobContext, typeId: Record<JobTypeCode, string>, postingId: PostingIds): Prisma.JobPostingCreateManyInput[] {
  const clubContact = { contactName: "Kasper Nielsen, Randers Nord IF", contactPhone: "+4520000022", contactEmail: DEMO_ACCOUNTS.trainer.email };
  const postings: Prisma.JobPostingCreateManyInput[] = [
    {
      id: postingId.play,
      slug: "legepatrulje-glarbjergvej",
      typeId: typeId.legepatrulje,
      status: "PUBLISHED",
      title: text("Legepatrulje i Glarbjergvej-området", "Play patrol in the Glarbjergvej area", "دورية اللعب في منطقة Glarbjergvej"),
      description: text(
        "Er du god til at lege med børn? I Legepatruljen sætter du lege i gang på legepladsen efter skole: fodbold, sjippetov og hinkeleg. Du er sammen med en voksen fra Bysekretariatet og to-tre andre unge. Du får løn, og det er en god første linje på dit CV.",
        "Good at playing with children? In the Play patrol you start games on the playground after school: football, skipping and hopscotch. You work with an adult from Bysekretariatet and two or three other young people. You are paid, and it is a good first line on your CV.",
        "هل أنت جيد في اللعب مع الأطفال؟ في دورية اللعب تبدأ الألعاب في الملعب بعد المدرسة: كرة القدم ونط الحبل والحجلة. تعمل مع شخص بالغ من Bysekretariatet ومع شابين أو ثلاثة. تحصل على أجر، وهي بداية جيدة لسيرتك الذاتية.",
      ),
      hoursInfo: text(
        "Mandag og onsdag kl. 15–17 (højst 2 timer på en skoledag) og nogle formiddage i skoleferierne.",
        "Monday and Wednesday 15:00–17:00 (at most 2 hours on a school day) and some mornings in the school holidays.",
        "الاثنين والأربعاء من 15:00 إلى 17:00 (ساعتان على الأكثر في يوم دراسي) وبعض الصباحات في العطل المدرسية.",
      ),
      risks: text(
        "Du er ude i al slags vejr: du får en varm vest og regntøj. Der er altid en voksen med, og du løfter ikke tungt.",
        "You are outside in all weathers: you get a warm vest and rain gear. An adult is always there, and you do no heavy lifting.",
        "ستكون في الخارج في كل الأحوال الجوية: ستحصل على سترة دافئة وملابس للمطر. يوجد دائمًا شخص بالغ معك، ولن تحمل أشياء ثقيلة.",
      ),
      organisationId: organisationId.Bysekretariatet,
      workPlace: "Legepladsen ved Glarbjergvej",
      minAge: 13,
      maxAge: 17,
      payOre: 4500,
      payUnit: "HOUR",
      positions: 4,
      applicationDeadline: addDays(today, 21),
      season: text("Vinter og forår", "Winter and spring", "الشتاء والربيع"),
      ...CONTACT_STAFF,
    },
    {
      id: postingId.coach,
      slug: "ung-traener-randers-nord-if",
      typeId: typeId["ung-traener"],
      status: "PUBLISHED",
      title: text("Ung træner i Randers Nord IF", "Junior coach at Randers Nord IF", "مدرّب شاب في نادي Randers Nord IF"),
      description: text(
        "Hjælp trænerne med børneholdene om tirsdagen: stil kegler op, vis øvelser, og hold styr på bolde og veste. Du får et trænerkursus i klubben.",
        "Help the coaches with the children's teams on Tuesdays: set out cones, show drills, and keep track of balls and bibs. You get a coaching course at the club.",
        "ساعد المدربين مع فرق الأطفال يوم الثلاثاء: ضع الأقماع، واعرض التمارين، واعتنِ بالكرات والسترات. ستحصل على دورة تدريبية في النادي.",
      ),
      hoursInfo: text("Tirsdag kl. 17.30–19.30 i skoleugerne.", "Tuesday 17:30–19:30 in school weeks.", "الثلاثاء من 17:30 إلى 19:30 في أسابيع الدراسة."),
      risks: text(
        "Sport kan give småskader: der er førstehjælpskasse i hallen, og en voksen træner er altid til stede.",
        "Sport can cause small injuries: there is a first-aid kit in the hall, and an adult coach is always present.",
        "قد تسبب الرياضة إصابات بسيطة: توجد حقيبة إسعافات أولية في القاعة، ويوجد دائمًا مدرب بالغ.",
      ),
      organisationId: organisationId["Randers Nord IF"],
      workPlace: "Nørrevangsskolens hal",
      minAge: 15,
      maxAge: 17,
      payOre: 6000,
      payUnit: "HOUR",
      positions: 3,
      applicationDeadline: addDays(today, 30),
      season: text("Hele skoleåret", "The whole school year", "طوال العام الدراسي"),
      ...clubContact,
    },
    {
      id: postingId.caretaker,
      slug: "ung-ejendomsfunktionaer-vangdalen",
      typeId: typeId["ung-ejendomsfunktionaer"],
      status: "PUBLISHED",
      title: text("Ung ejendomsfunktionær i Vangdalen", "Junior caretaker in Vangdalen", "مساعد صيانة شاب في Vangdalen"),
      description: text(
        "Hjælp ejendomsfunktionærerne med at holde området pænt: saml affald, fej, vand blomster og hjælp til ved fælles arbejdsdage.",
        "Help the caretakers keep the area nice: pick up litter, sweep, water the plants and help out on shared work days.",
        "ساعد عمال الصيانة في الحفاظ على نظافة المنطقة: اجمع القمامة، واكنس، واسقِ النباتات، وساعد في أيام العمل المشتركة.",
      ),
      hoursInfo: text(
        "Lørdag kl. 10–13 og enkelte hverdage efter skole (højst 2 timer).",
        "Saturday 10:00–13:00 and some weekdays after school (at most 2 hours).",
        "السبت من 10:00 إلى 13:00 وبعض أيام الأسبوع بعد المدرسة (ساعتان على الأكثر).",
      ),
      risks: text(
        "Du bruger handsker og arbejdssko, som vi låner dig. Du bruger ikke maskiner og løfter ikke tungt.",
        "You wear gloves and work shoes that we lend you. You use no machines and do no heavy lifting.",
        "ترتدي قفازات وأحذية عمل نعيرها لك. لا تستخدم آلات ولا تحمل أشياء ثقيلة.",
      ),
      organisationId: organisationId["Boligforeningen Randers"],
      workPlace: "Vangdalen, ejendomskontoret",
      minAge: 15,
      maxAge: 17,
      payOre: 5500,
      payUnit: "HOUR",
      positions: 2,
      applicationDeadline: addDays(today, 14),
      season: undefined,
      contactName: "Ole Madsen, Boligforeningen Randers",
      contactPhone: "+4520000023",
      contactEmail: null,
    },
    {
      id: postingId.reporter,
      slug: "some-reporter-biblioteket",
      typeId: typeId["some-reporter"],
      status: "PUBLISHED",
      title: text("SoMe-reporter på biblioteket", "Social media reporter at the library", "مراسل لوسائل التواصل في المكتبة"),
      description: text(
        "Fortæl om livet i boligområderne på bibliotekets Instagram: tag billeder (kun af folk, der har sagt ja), skriv korte tekster og lav små videoer.",
        "Tell about life in the housing areas on the library's Instagram: take photos (only of people who said yes), write short texts and make small videos.",
        "احكِ عن الحياة في الأحياء السكنية على إنستغرام المكتبة: التقط صورًا (فقط لمن وافقوا)، واكتب نصوصًا قصيرة، واصنع فيديوهات صغيرة.",
      ),
      hoursInfo: text(
        "Én vagt om ugen i sommerferien, kl. 10–14 med frokostpause.",
        "One shift a week in the summer holidays, 10:00–14:00 with a lunch break.",
        "مناوبة واحدة في الأسبوع خلال العطلة الصيفية، من 10:00 إلى 14:00 مع استراحة غداء.",
      ),
      risks: text(
        "Ingen særlige risici. Du lærer reglerne for billeder og privatliv, før du går i gang.",
        "No special risks. You learn the rules for photos and privacy before you start.",
        "لا توجد مخاطر خاصة. ستتعلم قواعد الصور والخصوصية قبل أن تبدأ.",
      ),
      organisationId: organisationId["Randers Bibliotek"],
      workPlace: "Randers Bibliotek, Stemannsgade",
      minAge: 13,
      maxAge: 17,
      payOre: 15000,
      payUnit: "SHIFT",
      positions: 2,
      applicationDeadline: addDays(today, 35),
      season: text("Sommerferien", "The summer holidays", "العطلة الصيفية"),
      contactName: "Birgit Holm, Randers Bibliotek",
      contactPhone: "+4520000024",
      contactEmail: DEMO_ACCOUNTS.volunteer.email,
    },
  ];
  return postings;
}

/** One application per young person at another step: hired, received, awaiting a guardian, invited to an interview. */
function jobApplications(ctx: JobContext, postingId: PostingIds, applicationId: Record<"nour" | "emil" | "maryam" | "zaid", string>) {
  const { today, youth } = ctx;
  const base = { school: "Nørrevangsskolen", inSchool: true, guardianLanguage: "da", consentRequired: false };
  const applications: Prisma.JobApplicationCreateManyInput[] = [
    {
      ...base,
      id: applicationId.nour,
      postingId: postingId.coach,
      personId: youth.nour,
      guardianPersonId: ctx.householdGuardian.get(youth.nour),
      schoolClass: "9.b",
      motivation: "Jeg spiller selv fodbold i Randers Nord IF og vil gerne hjælpe de små.",
      availability: ["WEEKDAYS"],
      status: "HIRED",
      guardianName: "Huda Ahmed",
      guardianPhone: "+4520000031",
      guardianLanguage: "ar",
      guardianTokenHash: unusableTokenHash(),
      interviewAt: at(addDays(today, -50), "16:00"),
      interviewPlace: "Klubhuset, Randers Nord IF",
      createdAt: at(addDays(today, -60), "19:12"),
    },
    {
      ...base,
      id: applicationId.emil,
      postingId: postingId.play,
      personId: youth.emil,
      guardianPersonId: ctx.householdGuardian.get(youth.emil),
      schoolClass: "8.a",
      motivation: "Jeg passer tit mine små fætre og kan lide at lave lege.",
      availability: ["WEEKDAYS", "HOLIDAYS"],
      status: "RECEIVED",
      guardianName: "Pia Sørensen",
      guardianPhone: "+4520000036",
      guardianTokenHash: unusableTokenHash(),
      createdAt: at(addDays(today, -3), "16:40"),
    },
    {
      ...base,
      id: applicationId.maryam,
      postingId: postingId.play,
      personId: youth.maryam,
      guardianPersonId: ctx.householdGuardian.get(youth.maryam),
      school: "Søndermarkskolen",
      schoolClass: "7.c",
      motivation: "Jeg vil gerne tjene mine egne penge og lege med børnene i området.",
      availability: ["WEEKDAYS", "WEEKENDS"],
      status: "AWAITING_GUARDIAN",
      guardianName: "Leila Yousef",
      guardianPhone: "+4520000034",
      guardianLanguage: "ar",
      guardianTokenHash: unusableTokenHash(),
      consentRequired: true,
      createdAt: at(addDays(today, -1), "20:05"),
    },
    {
      ...base,
      id: applicationId.zaid,
      postingId: postingId.reporter,
      personId: youth.zaid,
      guardianPersonId: ctx.householdGuardian.get(youth.zaid),
      school: "Randers Realskole",
      schoolClass: "9.a",
      motivation: "Jeg laver videoer på min egen kanal og vil gerne vise, hvad der sker i Jennumparken.",
      availability: ["HOLIDAYS"],
      status: "INTERVIEW",
      guardianName: "Khaled Omar",
      guardianPhone: "+4520000035",
      guardianLanguage: "ar",
      guardianTokenHash: unusableTokenHash(),
      interviewAt: at(addDays(today, 3), "15:30"),
      interviewPlace: "Randers Bibliotek, mødelokale 2",
      createdAt: at(addDays(today, -8), "17:20"),
    },
  ];
  const events: Prisma.ApplicationEventCreateManyInput[] = [
    { applicationId: applicationId.nour, status: "RECEIVED", at: at(addDays(today, -60), "19:12") },
    { applicationId: applicationId.nour, status: "INTERVIEW", at: at(addDays(today, -53), "10:00"), byUserId: ctx.staffUserId },
    { applicationId: applicationId.nour, status: "HIRED", at: at(addDays(today, -45), "12:00"), byUserId: ctx.staffUserId },
    { applicationId: applicationId.emil, status: "RECEIVED", at: at(addDays(today, -3), "16:40") },
    { applicationId: applicationId.maryam, status: "AWAITING_GUARDIAN", at: at(addDays(today, -1), "20:05") },
    { applicationId: applicationId.zaid, status: "RECEIVED", at: at(addDays(today, -8), "17:20") },
    { applicationId: applicationId.zaid, status: "INTERVIEW", at: at(addDays(today, -2), "09:30"), byUserId: ctx.staffUserId },
  ];
  return { applications, events };
}

function jobShifts(ctx: JobContext, postingId: PostingIds, employmentId: string) {
  const { today, now } = ctx;
  // Shifts. Junior coach: Tuesdays 17:30–19:30 in school weeks, Nour on every one; past ones confirmed.
  const shifts: Prisma.JobShiftCreateManyInput[] = [];
  const assignments: Prisma.ShiftAssignmentCreateManyInput[] = [];
  const coachDays = weekly({ from: addDays(today, -42), until: addDays(today, 28), weekdays: [2], skip: (d) => isProgrammeClosed(d) || isSchoolHoliday(d) });
  coachDays.forEach((d, index) => {
    const shiftId = randomUUID();
    const { startsAt, endsAt } = slot(d, "17:30", "19:30");
    shifts.push({ id: shiftId, postingId: postingId.coach, startsAt, endsAt, place: "Nørrevangsskolens hal", slots: 2, responsibleUserId: ctx.trainerUserId });
    const past = endsAt < now;
    assignments.push({
      shiftId,
      employmentId,
      assignedById: ctx.trainerUserId,
      createdAt: at(addDays(today, -44), "10:00"),
      // One evening ended early (a cancelled match): confirmed 90 minutes, not 120.
      workedMinutes: past ? (index === 2 ? 90 : 120) : null,
      confirmedAt: past ? new Date(endsAt.getTime() + 30 * 60_000) : null,
      confirmedById: past ? ctx.trainerUserId : null,
    });
  });

  // Play patrol: open shifts, Mondays and Wednesdays 15–17 in school weeks; a 3-hour Friday party shift
  // (which a young person in school may not take on a school day), and 10–14 in the Christmas holiday.
  const playDays = weekly({ from: addDays(today, 3), until: addDays(today, 24), weekdays: [1, 3], skip: (d) => isProgrammeClosed(d) || isSchoolHoliday(d) });
  for (const d of playDays)
    shifts.push({
      postingId: postingId.play,
      ...slot(d, "15:00", "17:00"),
      place: "Legepladsen ved Glarbjergvej",
      slots: 3,
      responsibleUserId: ctx.staffUserId,
    });
  let party = nextWeekday(addDays(today, 7), 5);
  while (isSchoolHoliday(party) || isProgrammeClosed(party)) party = addDays(party, 7);
  shifts.push({
    postingId: postingId.play,
    ...slot(party, "14:00", "17:00"),
    place: "Beboerhuset, Glarbjergvej",
    slots: 2,
    responsibleUserId: ctx.staffUserId,
    note: "Fredagsfest i beboerhuset",
  });
  const christmas = day(today.getUTCFullYear(), 12, 21);
  for (const d of weekly({ from: christmas > today ? christmas : addDays(today, 30), weekdays: [1, 2, 3], count: 3 })) {
    shifts.push({
      postingId: postingId.play,
      ...slot(d, "10:00", "14:00"),
      breakMinutes: 30,
      place: "Legepladsen ved Glarbjergvej",
      slots: 3,
      responsibleUserId: ctx.staffUserId,
    });
  }
  return { shifts, assignments };
}

// ---------------------------------------------------------------- history for the reports

/** Past rounds of courses and events (all their sessions are over). */
function pastActivities(past: {
  pastReading: Slot[];
  pastCadet: Slot[];
  pastFamily: Slot[];
  pastMidsummer: Slot;
  pastPumpkin: Slot;
  pastYear: number;
}): ActivitySpec[] {
  const common = { minAge: null, maxAge: null, capacity: null, requiresSignUp: false, ...CONTACT_STAFF };
  return [
    {
      ...common,
      slug: `sommerlaesning-${past.pastYear}`,
      type: "homework-cafe",
      effort: "uddannelse",
      title: text(
        `Sommerlæsning på biblioteket ${past.pastYear}`,
        `Summer reading at the library ${past.pastYear}`,
        `القراءة الصيفية في المكتبة ${past.pastYear}`,
      ),
      description: text(
        "Fire formiddage med højtlæsning, bogklub og skrivelege i sommerferien.",
        "Four mornings of reading aloud, a book club and writing games in the summer holidays.",
        "أربعة صباحات من القراءة بصوت عالٍ ونادي الكتاب وألعاب الكتابة في العطلة الصيفية.",
      ),
      practicalInfo: text("Gratis. Tilmelding nødvendig.", "Free. Sign-up needed.", "مجانًا. التسجيل مطلوب."),
      place: "Randers Bibliotek, børneafdelingen",
      minAge: 7,
      maxAge: 12,
      capacity: 20,
      requiresSignUp: true,
      sessions: past.pastReading,
      partners: ["volunteer"],
    },
    {
      ...common,
      slug: `brandkadet-foraar-${past.pastYear}`,
      type: "club",
      effort: "kriminalitetsforebyggelse",
      title: text(`Brandkadet, forårsholdet ${past.pastYear}`, `Fire cadets, spring ${past.pastYear}`, `طلائع الإطفاء، فوج الربيع ${past.pastYear}`),
      description: text(
        "Ti torsdage med førstehjælp og brandslukning hos Østjyllands Brandvæsen.",
        "Ten Thursdays of first aid and firefighting with Østjyllands Brandvæsen.",
        "عشرة أيام خميس من الإسعافات الأولية وإطفاء الحرائق مع Østjyllands Brandvæsen.",
      ),
      practicalInfo: text("Forløbet er slut.", "The course has ended.", "انتهى البرنامج."),
      place: "Brandstation Randers",
      minAge: 12,
      maxAge: 16,
      capacity: 16,
      requiresSignUp: true,
      sessions: past.pastCadet,
    },
    {
      ...common,
      slug: `familiedage-foraar-${past.pastYear}`,
      type: "family-course",
      effort: "sammenhaengskraft",
      title: text(`Familiedage, forår ${past.pastYear}`, `Family days, spring ${past.pastYear}`, `أيام العائلة، ربيع ${past.pastYear}`),
      description: text(
        "Seks lørdage for hele familien: leg, mad og ture.",
        "Six Saturdays for the whole family: play, food and trips.",
        "ستة أيام سبت للعائلة كلها: لعب وطعام ونزهات.",
      ),
      practicalInfo: text("Forløbet er slut.", "The course has ended.", "انتهى البرنامج."),
      place: "Beboerhuset i Vangdalen",
      capacity: 15,
      capacityUnit: "HOUSEHOLD",
      requiresSignUp: true,
      sessions: past.pastFamily,
    },
    {
      ...common,
      slug: `sankt-hans-${past.pastYear}`,
      type: "one-day-event",
      effort: "sammenhaengskraft",
      title: text(
        `Sankt Hans i Nørrevangsparken ${past.pastYear}`,
        `Midsummer in Nørrevangsparken ${past.pastYear}`,
        `احتفال منتصف الصيف في Nørrevangsparken ${past.pastYear}`,
      ),
      description: text("Bål, båltale og snobrød for alle.", "Bonfire, speech and twist bread for everyone.", "نار المخيم وخطاب وخبز على العصا للجميع."),
      practicalInfo: text("Ingen tilmelding.", "No sign-up.", "بدون تسجيل."),
      place: "Nørrevangsparken",
      sessions: [past.pastMidsummer],
    },
    {
      ...common,
      slug: `graeskarskaering-${past.pastPumpkin.startsAt.getUTCFullYear()}`,
      type: "one-day-event",
      effort: "sammenhaengskraft",
      title: text(
        `Græskarskæring i Myretuen ${past.pastPumpkin.startsAt.getUTCFullYear()}`,
        `Pumpkin carving at Myretuen ${past.pastPumpkin.startsAt.getUTCFullYear()}`,
        `نحت اليقطين في Myretuen ${past.pastPumpkin.startsAt.getUTCFullYear()}`,
      ),
      description: text("Vi skærer græskar og drikker varm kakao.", "We carve pumpkins and drink hot chocolate.", "ننحت اليقطين ونشرب الشوكولاتة الساخنة."),
      practicalInfo: text("Ingen tilmelding.", "No sign-up.", "بدون تسجيل."),
      place: "Myretuen, Glarbjergvej",
      sessions: [past.pastPumpkin],
    },
  ];
}

/** Small deterministic random numbers (mulberry32), so every demo has the same history. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Names that appear nowhere else in the demo (tests look people up by name).
const HISTORY_FIRST_NAMES = {
  FEMALE: ["Amina", "Fatma", "Hawa", "Zainab", "Leyla", "Maja", "Asma", "Nadia", "Clara", "Salma", "Freja", "Ayan", "Rukia", "Esra", "Nora", "Sumaya"],
  MALE: ["Mustafa", "Liam", "Ibrahim", "Oliver", "Mohamed", "Emre", "William", "Bilal", "Anas", "Idris", "Malte", "Samir", "Tariq", "Viktor", "Elias", "Kerem"],
} as const;
const HISTORY_LAST_NAMES = [
  "Hussein",
  "Yılmaz",
  "Jepsen",
  "Nuur",
  "Khalil",
  "Demir",
  "Farah",
  "Pedersen",
  "Saleh",
  "Mahmoud",
  "Larsen",
  "Rahimi",
  "Kaya",
  "Dahir",
];
/** Where the history's families live: weights per area (the larger areas send more children). */
const HISTORY_AREAS: [AreaCode, number][] = [
  ["gl-jennumparken", 12],
  ["glarbjergvej", 10],
  ["vangdalen", 9],
  ["hermann-stillingsvej", 7],
  ["energivej", 6],
  ["sjaellandsgade", 6],
  ["centrale-randers", 4],
  ["outside", 4],
];

type HistoryContext = {
  now: Date;
  today: Day;
  areaId: Record<AreaCode, string>;
  effortId: Record<EffortCode, string>;
  typeId: Record<TypeCode, string>;
  staffUserId: string;
  activityBySlug: Map<string, { id: string; sessions: (Slot & { id: string })[] }>;
};

type HistoryChild = { id: string; householdId: string; guardianId: string; age: number; area: AreaCode; movedTo?: { area: AreaCode; from: Date } };

/**
 * A year of participation for the reports: 58 families who came to the
 * homework café and open training, joined past courses and events; two
 * children who moved; waiting lists and cancellations; head-counts at the
 * events; and the programme's milestones with a status text.
 */
function historyRows(ctx: HistoryContext) {
  const rand = random(2025);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const weighted = (): AreaCode => {
    const total = HISTORY_AREAS.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = rand() * total;
    for (const [code, weight] of HISTORY_AREAS) if ((roll -= weight) < 0) return code;
    return HISTORY_AREAS[0]![0];
  };
  const signUps: Prisma.SignUpCreateManyInput[] = [];
  const enrolments: Prisma.EnrolmentCreateManyInput[] = [];
  const attendances: Prisma.AttendanceCreateManyInput[] = [];
  const headCounts: Prisma.HeadCountCreateManyInput[] = [];

  const { people, households, members, children, families } = historyFamilies(ctx, { rand, pick, weighted });
  const areaAt = (child: HistoryChild, when: Date) => ctx.areaId[child.movedTo && when >= child.movedTo.from ? child.movedTo.area : child.area];

  // Drop-in: each regular comes to a share of the past afternoons.
  const dropIn = (slug: string, minAge: number, maxAge: number, share: number) => {
    const activity = ctx.activityBySlug.get(slug)!;
    const regulars = children
      .filter((child) => child.age >= minAge && child.age <= maxAge && rand() < share)
      .map((child) => ({ child, rate: 0.2 + rand() * 0.5 }));
    for (const session of activity.sessions.filter((candidate) => candidate.endsAt < ctx.now && !candidate.cancelledAt)) {
      for (const { child, rate } of regulars) {
        if (rand() < rate)
          attendances.push({
            sessionId: session.id,
            personId: child.id,
            present: true,
            enrolled: false,
            housingAreaId: areaAt(child, session.startsAt),
            markedByUserId: ctx.staffUserId,
            markedAt: session.endsAt,
          });
      }
    }
  };
  dropIn("lektiecafe-jennumparken", 6, 16, 0.55);
  dropIn("aaben-traening", 10, 16, 0.45);

  // Courses with sign-up: places, a waiting list and cancellations.
  const course = (slug: string, chosen: HistoryChild[][], options: { capacity: number; takesAttendance: boolean }) => {
    const activity = ctx.activityBySlug.get(slug)!;
    const first = activity.sessions[0]!.startsAt;
    let placesTaken = 0;
    chosen.forEach((group, index) => {
      const signUpId = randomUUID();
      const signedUpAt = new Date(first.getTime() - (30 - index) * DAY_MS);
      signUps.push({
        id: signUpId,
        activityId: activity.id,
        householdId: group[0]!.householdId,
        idempotencyKey: `history-${slug}-${index}`,
        consentPersonId: group[0]!.guardianId,
        consentAt: signedUpAt,
        consentVersion: "2025-1/terms-v1",
        createdAt: signedUpAt,
      });
      const confirmed = placesTaken < options.capacity;
      if (confirmed) placesTaken += slug.startsWith("familiedage") ? 1 : group.length;
      // Every seventh confirmed place is given up before the start.
      const cancelled = confirmed && index % 7 === 6;
      for (const child of group) {
        enrolments.push({
          signUpId,
          activityId: activity.id,
          personId: child.id,
          householdId: child.householdId,
          status: cancelled ? "CANCELLED" : confirmed ? "CONFIRMED" : "WAITING",
          housingAreaId: areaAt(child, signedUpAt),
          createdAt: signedUpAt,
          confirmedAt: confirmed ? signedUpAt : null,
          waitlistedAt: confirmed ? null : signedUpAt,
          cancelledAt: cancelled ? new Date(first.getTime() - 3 * DAY_MS) : null,
          cancelReason: cancelled ? "BY_GUARDIAN" : null,
        });
        if (!confirmed || cancelled || !options.takesAttendance) continue;
        for (const session of activity.sessions) {
          attendances.push({
            sessionId: session.id,
            personId: child.id,
            present: rand() < 0.85,
            housingAreaId: areaAt(child, session.startsAt),
            markedByUserId: ctx.staffUserId,
            markedAt: session.endsAt,
          });
        }
      }
    });
  };
  const ofAge = (min: number, max: number) => children.filter((child) => child.age >= min && child.age <= max);
  const pastYearSlug = (prefix: string) => [...ctx.activityBySlug.keys()].find((slug) => slug.startsWith(prefix))!;
  course(
    pastYearSlug("sommerlaesning-"),
    ofAge(7, 12)
      .slice(0, 24)
      .map((child) => [child]),
    { capacity: 20, takesAttendance: false },
  );
  course(
    pastYearSlug("brandkadet-foraar-"),
    ofAge(12, 16)
      .slice(0, 18)
      .map((child) => [child]),
    { capacity: 16, takesAttendance: true },
  );
  course(
    pastYearSlug("familiedage-foraar-"),
    families.slice(0, 17).map((family) => family.children),
    { capacity: 15, takesAttendance: true },
  );

  // Events: head-counts per area, names not taken.
  for (const [prefix, scale] of [
    ["sankt-hans-", 1],
    ["graeskarskaering-", 0.6],
  ] as const) {
    const activity = [...ctx.activityBySlug.entries()].find(([slug]) => slug.startsWith(prefix) && /\d{4}$/.test(slug))![1];
    for (const [code, weight] of HISTORY_AREAS.slice(0, 5)) {
      headCounts.push({
        sessionId: activity.sessions[0]!.id,
        housingAreaId: ctx.areaId[code],
        adults: Math.round(weight * 2 * scale),
        children: Math.round(weight * 3 * scale),
        recordedByUserId: ctx.staffUserId,
      });
    }
    headCounts.push({
      sessionId: activity.sessions[0]!.id,
      housingAreaId: null,
      adults: Math.round(9 * scale),
      children: Math.round(6 * scale),
      recordedByUserId: ctx.staffUserId,
    });
  }

  const { milestones, notes } = historyMilestones(ctx);
  return { people, households, members, signUps, enrolments, attendances, headCounts, milestones, notes };
}

/** The history's 58 families (a guardian and one to three children each), two of them moved half a year ago. */
function historyFamilies(ctx: HistoryContext, draw: { rand: () => number; pick: <T>(list: readonly T[]) => T; weighted: () => AreaCode }) {
  const { rand, pick, weighted } = draw;
  const people: Prisma.PersonCreateManyInput[] = [];
  const households: Prisma.HouseholdCreateManyInput[] = [];
  const members: Prisma.HouseholdMemberCreateManyInput[] = [];
  const children: HistoryChild[] = [];
  const families: { householdId: string; guardianId: string; area: AreaCode; children: HistoryChild[] }[] = [];
  for (let f = 0; f < 58; f++) {
    const householdId = randomUUID();
    const lastName = pick(HISTORY_LAST_NAMES);
    const area = weighted();
    const guardianId = randomUUID();
    const gender = rand() < 0.8 ? "FEMALE" : "MALE";
    people.push({
      id: guardianId,
      firstName: pick(HISTORY_FIRST_NAMES[gender]),
      lastName,
      gender,
      housingAreaId: ctx.areaId[area],
      language: rand() < 0.5 ? "ar" : "da",
    });
    households.push({ id: householdId, createdById: ctx.staffUserId });
    members.push({ householdId, personId: guardianId, role: "GUARDIAN" });
    const family = { householdId, guardianId, area, children: [] as HistoryChild[] };
    const count = 1 + Math.floor(rand() * 3);
    for (let c = 0; c < count; c++) {
      const id = randomUUID();
      const childGender = rand() < 0.5 ? "FEMALE" : "MALE";
      const age = 4 + Math.floor(rand() * 13);
      const firstName = pick(HISTORY_FIRST_NAMES[childGender]);
      people.push({
        id,
        firstName,
        lastName,
        gender: childGender,
        birthDate: birthDateForAge(ctx.today, age, `${firstName} ${lastName} ${f}`),
        housingAreaId: ctx.areaId[area],
        language: "da",
      });
      members.push({ householdId, personId: id, role: "CHILD" });
      const child: HistoryChild = { id, householdId, guardianId, age, area };
      family.children.push(child);
      children.push(child);
    }
    families.push(family);
  }
  // Two families moved between plan areas half a year ago: earlier attendance is recorded under the old area.
  const movedAt = at(addDays(ctx.today, -180), "00:00");
  for (const family of families.filter((candidate) => candidate.area === "gl-jennumparken").slice(0, 2)) {
    for (const child of family.children) child.movedTo = { area: "vangdalen", from: movedAt };
    for (const row of people)
      if (row.id === family.guardianId || family.children.some((child) => child.id === row.id)) row.housingAreaId = ctx.areaId.vangdalen;
  }
  return { people, households, members, children, families };
}

/** The programme's milestones (from the plan's milestone list), one with a status text for last quarter. */
function historyMilestones(ctx: HistoryContext) {
  const year = ctx.today.getUTCFullYear();
  const milestoneIds = { education: randomUUID() };
  const milestones: Prisma.MilestoneCreateManyInput[] = [
    {
      id: milestoneIds.education,
      title: text(
        `150 børn og unge i Uddannelse og livschancer i ${year}`,
        `150 children and young people in Education and life chances in ${year}`,
        `150 طفلًا وشابًا في التعليم وفرص الحياة في ${year}`,
      ),
      measure: "UNIQUE_PARTICIPANTS",
      target: 150,
      effortAreaId: ctx.effortId.uddannelse,
      startsOn: day(year, 1, 1),
      deadline: day(year, 12, 31),
    },
    {
      title: text("55 unge i Brandkadet i planperioden", "55 young people in Fire cadets during the plan period", "55 شابًا في طلائع الإطفاء خلال فترة الخطة"),
      measure: "UNIQUE_PARTICIPANTS",
      target: 55,
      activityTypeId: ctx.typeId.club,
      startsOn: day(2025, 1, 1),
      deadline: day(2029, 12, 31),
    },
    {
      title: text("23 familier i Familiedage", "23 families in Family days", "23 عائلة في أيام العائلة"),
      measure: "UNIQUE_HOUSEHOLDS",
      target: 23,
      activityTypeId: ctx.typeId["family-course"],
      startsOn: day(year, 1, 1),
      deadline: day(year + 1, 6, 30),
    },
    {
      title: text("12 fællesskabsaktiviteter afholdt inden 2029", "12 community activities held by 2029", "12 نشاطًا مجتمعيًا تُقام قبل 2029"),
      measure: "ACTIVITIES_HELD",
      target: 12,
      effortAreaId: ctx.effortId.sammenhaengskraft,
      startsOn: day(2025, 1, 1),
      deadline: day(2028, 12, 31),
    },
    {
      title: text(`4 unge i lommepengejob i ${year}`, `4 young people in pocket-money jobs in ${year}`, `4 شباب في وظائف مصروف الجيب في ${year}`),
      measure: "YOUTH_EMPLOYED",
      target: 4,
      startsOn: day(year, 1, 1),
      deadline: day(year, 12, 31),
    },
  ];
  const lastQuarterStart = day(
    ctx.today.getUTCMonth() < 3 ? year - 1 : year,
    ctx.today.getUTCMonth() < 3 ? 10 : Math.floor(ctx.today.getUTCMonth() / 3) * 3 - 2,
    1,
  );
  const notes: Prisma.MilestoneNoteCreateManyInput[] = [
    {
      milestoneId: milestoneIds.education,
      periodStart: lastQuarterStart,
      periodEnd: addDays(day(lastQuarterStart.getUTCFullYear(), lastQuarterStart.getUTCMonth() + 4, 1), -1),
      text: "Lektiecaféen er godt besøgt, men sommerlæsningen nåede færre børn end planlagt. Vi samarbejder med skolerne om at nå flere i efteråret.",
      authorId: ctx.staffUserId,
    },
  ];
  return { milestones, notes };
}
