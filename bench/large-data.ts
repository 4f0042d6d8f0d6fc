// The large data set for benchmarks (issues 7 and 8): five years of a busy
// programme on top of the demo data — 3,000 households with 6,000
// residents, 200 activities with 100 sessions each (20,000), 25 people at
// every session (500,000 attendances), 40 enrolments on each activity that
// takes sign-ups, and head-counts at the events. Written with set-based SQL
// (generate_series), deterministic (fixed random seed), in about a minute.
//
// The five years are the plan period 2025–2029 and every session has its
// attendance, so the whole-plan-period report is the worst case.
//
// `scale` multiplies the programme's size, not its years: households (people)
// and activities (so sessions, attendance and sign-ups) × scale over the same
// five years — scale 2 ≈ 1M attendances, scale 10 ≈ 5M (issue 21).
import pg from "pg";

export const LARGE = { households: 3000, activities: 200, sessionsPerActivity: 100, attendeesPerSession: 25, pool: 60, enrolmentsPerActivity: 40 };

/** Adds the large data set to a migrated, demo-seeded database, unless it is there already. Returns false when it was. */
export async function addLargeDataSet(url: string, log: (line: string) => void = console.log, scale = 1): Promise<boolean> {
  const households = LARGE.households * scale;
  const activities = LARGE.activities * scale;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Activity" WHERE "slug" LIKE 'bench-%'`);
    if (rows[0]!.n > 0) return false;
    const step = async (label: string, sql: string) => {
      const started = performance.now();
      const result = await client.query(sql);
      log(`  ${label}: ${result.rowCount ?? 0} rows, ${Math.round(performance.now() - started)} ms`);
    };
    await client.query("BEGIN");
    await client.query("SELECT setseed(0.42)");
    await step(
      "households",
      `CREATE TEMP TABLE bench_household ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS id,
              (SELECT array_agg("id" ORDER BY "sortOrder") FROM "HousingArea")[1 + (n % (SELECT count(*) FROM "HousingArea"))::int] AS area
       FROM generate_series(0, ${households - 1}) n`,
    );
    await step("household rows", `INSERT INTO "Household" ("id", "updatedAt") SELECT id, now() FROM bench_household`);
    // Two residents per household: a guardian (no birth date, like the real data) and a child or young person.
    await step(
      "people",
      `CREATE TEMP TABLE bench_person ON COMMIT DROP AS
       SELECT row_number() OVER (ORDER BY h.n, k) - 1 AS n, gen_random_uuid() AS id, h.id AS household, h.area, k = 0 AS guardian
       FROM bench_household h, generate_series(0, 1) k`,
    );
    await step(
      "person rows",
      `INSERT INTO "Person" ("id", "firstName", "lastName", "birthDate", "gender", "housingAreaId", "updatedAt")
       SELECT id, 'Bench' || n, 'Resident',
              CASE WHEN guardian THEN NULL ELSE DATE '2008-01-01' + (random() * 6000)::int END,
              (ARRAY['FEMALE', 'MALE']::"Gender"[])[1 + (n % 2)::int], area, now()
       FROM bench_person`,
    );
    await step(
      "household members",
      `INSERT INTO "HouseholdMember" ("householdId", "personId", "role")
       SELECT household, id, CASE WHEN guardian THEN 'GUARDIAN'::"HouseholdRole" ELSE 'CHILD'::"HouseholdRole" END FROM bench_person`,
    );
    await step(
      "activities",
      `CREATE TEMP TABLE bench_activity ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS id,
              (SELECT array_agg("id" ORDER BY "sortOrder") FROM "ActivityType")[1 + (n % (SELECT count(*) FROM "ActivityType"))::int] AS type,
              (SELECT array_agg("id" ORDER BY "sortOrder") FROM "EffortArea")[1 + (n % (SELECT count(*) FROM "EffortArea"))::int] AS effort,
              n % 2 = 0 AS sign_up
       FROM generate_series(0, ${activities - 1}) n`,
    );
    await step(
      "activity rows",
      `INSERT INTO "Activity" ("id", "slug", "typeId", "effortAreaId", "status", "title", "description", "place", "capacity", "requiresSignUp", "updatedAt")
       SELECT id, 'bench-' || n, type, effort, 'PUBLISHED', jsonb_build_object('da', 'Aktivitet ' || n), jsonb_build_object('da', 'Beskrivelse'),
              'Fælleshuset', CASE WHEN sign_up THEN ${LARGE.enrolmentsPerActivity} END, sign_up, now()
       FROM bench_activity`,
    );
    // 100 sessions per activity spread over 2025–2029 (every 18 days, each activity on its own weekday offset).
    await step(
      "sessions",
      `CREATE TEMP TABLE bench_session ON COMMIT DROP AS
       SELECT a.n AS activity_n, k, a.id AS activity, gen_random_uuid() AS id,
              (TIMESTAMP '2025-01-06 15:00' + make_interval(days => k * 18 + (a.n % 14))) AT TIME ZONE 'Europe/Copenhagen' AS starts
       FROM bench_activity a, generate_series(0, ${LARGE.sessionsPerActivity - 1}) k`,
    );
    await step(
      "session rows",
      `INSERT INTO "ActivitySession" ("id", "activityId", "startsAt", "endsAt") SELECT id, activity, starts, starts + interval '2 hours' FROM bench_session`,
    );
    // Each activity has a pool of 60 regulars (pools of neighbouring activities overlap, so people take part in
    // several activities); 25 of them come to each session, 90 % marked present.
    // A bulk load: the report's triggers (ADR 022) would refresh the facts key by key; they are switched off for this
    // one statement and the facts rebuilt from the rows at the end, as after any bulk load.
    await client.query(`ALTER TABLE "Attendance" DISABLE TRIGGER "Attendance_report_insert"`);
    await step(
      "attendances",
      `INSERT INTO "Attendance" ("sessionId", "personId", "present", "enrolled", "housingAreaId", "markedAt")
       SELECT s.id, p.id, random() < 0.9, false, p.area, s.starts
       FROM bench_session s, generate_series(0, ${LARGE.attendeesPerSession - 1}) j
       JOIN LATERAL (SELECT id, area FROM bench_person
                     WHERE n = (s.activity_n * 30 + ((s.k * 7 + j * 59) % ${LARGE.pool})) % ${households * 2}) p ON true`,
    );
    await client.query(`ALTER TABLE "Attendance" ENABLE TRIGGER "Attendance_report_insert"`);
    await step("report facts", `SELECT "report_rebuild_attendance"()`);
    await step(
      "sign-ups",
      `CREATE TEMP TABLE bench_signup ON COMMIT DROP AS
       SELECT a.id AS activity, p.id AS person, p.household, gen_random_uuid() AS id, j,
              (SELECT g.id FROM bench_person g WHERE g.household = p.household AND g.guardian) AS guardian,
              (TIMESTAMP '2024-12-01 12:00' + make_interval(days => j)) AT TIME ZONE 'Europe/Copenhagen' AS at
       FROM bench_activity a, generate_series(0, ${LARGE.enrolmentsPerActivity + 9}) j
       JOIN LATERAL (SELECT id, household FROM bench_person WHERE n = (a.n * 30 + j) % ${households * 2}) p ON true
       WHERE a.sign_up`,
    );
    await step(
      "sign-up rows",
      `INSERT INTO "SignUp" ("id", "activityId", "householdId", "idempotencyKey", "consentPersonId", "consentAt", "consentVersion", "createdAt")
       SELECT id, activity, household, 'bench-' || id, guardian, at, 'bench', at FROM bench_signup`,
    );
    // 40 places, 10 on the waiting list; every tenth place cancelled a year in.
    await step(
      "enrolments",
      `INSERT INTO "Enrolment" ("signUpId", "activityId", "personId", "householdId", "status", "housingAreaId", "createdAt", "confirmedAt", "waitlistedAt", "cancelledAt", "cancelReason")
       SELECT s.id, s.activity, s.person, s.household,
              CASE WHEN s.j >= ${LARGE.enrolmentsPerActivity} THEN 'WAITING' WHEN s.j % 10 = 9 THEN 'CANCELLED' ELSE 'CONFIRMED' END::"EnrolmentStatus",
              p."housingAreaId", s.at,
              CASE WHEN s.j < ${LARGE.enrolmentsPerActivity} THEN s.at END,
              CASE WHEN s.j >= ${LARGE.enrolmentsPerActivity} THEN s.at END,
              CASE WHEN s.j < ${LARGE.enrolmentsPerActivity} AND s.j % 10 = 9 THEN s.at + interval '1 year' END,
              CASE WHEN s.j < ${LARGE.enrolmentsPerActivity} AND s.j % 10 = 9 THEN 'BY_GUARDIAN'::"CancelReason" END
       FROM bench_signup s JOIN "Person" p ON p.id = s.person`,
    );
    await step(
      "head-counts",
      `INSERT INTO "HeadCount" ("sessionId", "housingAreaId", "adults", "children", "updatedAt")
       SELECT s.id, (SELECT "id" FROM "HousingArea" ORDER BY "sortOrder" LIMIT 1), 20 + s.k % 7, 30 + s.k % 11, now()
       FROM bench_session s WHERE s.activity_n % 20 = 0`,
    );
    await client.query("COMMIT");
    await client.query("ANALYZE");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
