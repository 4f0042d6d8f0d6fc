-- CreateTable
CREATE TABLE "ReportAttendanceYear" (
    "id" BIGSERIAL NOT NULL,
    "personId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "housingAreaId" UUID,
    "firstPresentAt" TIMESTAMPTZ(3),
    "presentCount" INTEGER NOT NULL,
    "markedCount" INTEGER NOT NULL,
    "months" INTEGER NOT NULL,

    CONSTRAINT "ReportAttendanceYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportActivityMonth" (
    "activityId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "presentCount" INTEGER NOT NULL,

    CONSTRAINT "ReportActivityMonth_pkey" PRIMARY KEY ("activityId","month")
);

-- CreateIndex
CREATE INDEX "ReportAttendanceYear_activityId_year_idx" ON "ReportAttendanceYear"("activityId", "year");

-- CreateIndex
CREATE INDEX "ReportAttendanceYear_year_idx" ON "ReportAttendanceYear"("year");

-- CreateIndex
CREATE INDEX "ReportAttendanceYear_personId_activityId_year_idx" ON "ReportAttendanceYear"("personId", "activityId", "year");

-- CreateIndex
CREATE INDEX "ReportActivityMonth_month_idx" ON "ReportActivityMonth"("month");


-- Hand-written: the year facts and the activity × month attendances are refreshed with the month facts, by the same
-- triggers (20261207182222_report_attendance_facts), from the month facts just written. ADR 022.
CREATE OR REPLACE FUNCTION "report_refresh_attendance"(persons uuid[], activities uuid[], months date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(persons), 0) = 0 THEN
    RETURN;
  END IF;
  -- One refresher at a time until commit: a transaction that refreshes the same keys waits, and its statements then
  -- see what the first one committed (READ COMMITTED takes a snapshot per statement), so no fact misses a row and no
  -- key gets two rows. Attendance writes are short; nothing on the sign-up path takes this lock.
  PERFORM pg_advisory_xact_lock(hashtext('ReportAttendanceMonth'));
  CREATE TEMP TABLE IF NOT EXISTS report_keys (person uuid, activity uuid, month date) ON COMMIT DELETE ROWS;
  TRUNCATE report_keys;
  INSERT INTO report_keys SELECT DISTINCT * FROM unnest(persons, activities, months);
  ANALYZE report_keys;
  DELETE FROM "ReportAttendanceMonth" f USING report_keys k
  WHERE f."personId" = k.person AND f."activityId" = k.activity AND f."month" = k.month;
  INSERT INTO "ReportAttendanceMonth" ("personId", "activityId", "month", "housingAreaId", "firstPresentAt", "presentCount", "markedCount")
  SELECT at."personId", s."activityId", k.month, ap."housingAreaId",
         min(s."startsAt") FILTER (WHERE at."present"), count(*) FILTER (WHERE at."present"), count(*)
  FROM report_keys k
  JOIN "ActivitySession" s ON s."activityId" = k.activity AND s."cancelledAt" IS NULL
    AND s."startsAt" >= (k.month::timestamp AT TIME ZONE 'Europe/Copenhagen')
    AND s."startsAt" < ((k.month + interval '1 month') AT TIME ZONE 'Europe/Copenhagen')
  JOIN "Attendance" at ON at."sessionId" = s."id" AND at."personId" = k.person
  LEFT JOIN "PersonAreaPeriod" ap ON ap."personId" = at."personId"
    AND (ap."validFrom" IS NULL OR ap."validFrom" <= (s."startsAt" AT TIME ZONE 'Europe/Copenhagen')::date)
    AND (ap."validTo" IS NULL OR ap."validTo" > (s."startsAt" AT TIME ZONE 'Europe/Copenhagen')::date)
  GROUP BY at."personId", s."activityId", k.month, ap."housingAreaId";
  -- The years of those keys, from the month facts.
  DELETE FROM "ReportAttendanceYear" y USING (SELECT DISTINCT person, activity, extract(year FROM month)::int AS year FROM report_keys) k
  WHERE y."personId" = k.person AND y."activityId" = k.activity AND y."year" = k.year;
  INSERT INTO "ReportAttendanceYear" ("personId", "activityId", "year", "housingAreaId", "firstPresentAt", "presentCount", "markedCount", "months")
  SELECT f."personId", f."activityId", k.year, f."housingAreaId", min(f."firstPresentAt"), sum(f."presentCount"), sum(f."markedCount"),
         coalesce(bit_or(1 << (12 - extract(month FROM f."month")::int)) FILTER (WHERE f."presentCount" > 0), 0)
  FROM (SELECT DISTINCT person, activity, extract(year FROM month)::int AS year FROM report_keys) k
  JOIN "ReportAttendanceMonth" f ON f."personId" = k.person AND f."activityId" = k.activity
    AND f."month" >= make_date(k.year, 1, 1) AND f."month" < make_date(k.year + 1, 1, 1)
  GROUP BY 1, 2, 3, 4;
  -- The activity × month attendances of those keys.
  DELETE FROM "ReportActivityMonth" am USING (SELECT DISTINCT activity, month FROM report_keys) k
  WHERE am."activityId" = k.activity AND am."month" = k.month;
  INSERT INTO "ReportActivityMonth" ("activityId", "month", "presentCount")
  SELECT f."activityId", f."month", sum(f."presentCount")
  FROM (SELECT DISTINCT activity, month FROM report_keys) k
  JOIN "ReportAttendanceMonth" f ON f."activityId" = k.activity AND f."month" = k.month
  GROUP BY 1, 2;
END
$$;

CREATE OR REPLACE FUNCTION "report_rebuild_attendance"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('ReportAttendanceMonth'));
  DELETE FROM "ReportAttendanceMonth";
  INSERT INTO "ReportAttendanceMonth" ("personId", "activityId", "month", "housingAreaId", "firstPresentAt", "presentCount", "markedCount")
  SELECT at."personId", s."activityId", "report_month"(s."startsAt"), ap."housingAreaId",
         min(s."startsAt") FILTER (WHERE at."present"), count(*) FILTER (WHERE at."present"), count(*)
  FROM "Attendance" at JOIN "ActivitySession" s ON s."id" = at."sessionId" AND s."cancelledAt" IS NULL
  LEFT JOIN "PersonAreaPeriod" ap ON ap."personId" = at."personId"
    AND (ap."validFrom" IS NULL OR ap."validFrom" <= (s."startsAt" AT TIME ZONE 'Europe/Copenhagen')::date)
    AND (ap."validTo" IS NULL OR ap."validTo" > (s."startsAt" AT TIME ZONE 'Europe/Copenhagen')::date)
  GROUP BY 1, 2, 3, 4;
  DELETE FROM "ReportAttendanceYear";
  INSERT INTO "ReportAttendanceYear" ("personId", "activityId", "year", "housingAreaId", "firstPresentAt", "presentCount", "markedCount", "months")
  SELECT "personId", "activityId", extract(year FROM "month")::int, "housingAreaId", min("firstPresentAt"), sum("presentCount"), sum("markedCount"),
         coalesce(bit_or(1 << (12 - extract(month FROM "month")::int)) FILTER (WHERE "presentCount" > 0), 0)
  FROM "ReportAttendanceMonth" GROUP BY 1, 2, 3, 4;
  DELETE FROM "ReportActivityMonth";
  INSERT INTO "ReportActivityMonth" ("activityId", "month", "presentCount")
  SELECT "activityId", "month", sum("presentCount") FROM "ReportAttendanceMonth" GROUP BY 1, 2;
END
$$;

SELECT "report_rebuild_attendance"();
