-- CreateTable
CREATE TABLE "ReportAttendanceMonth" (
    "id" BIGSERIAL NOT NULL,
    "personId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "housingAreaId" UUID,
    "firstPresentAt" TIMESTAMPTZ(3),
    "presentCount" INTEGER NOT NULL,
    "markedCount" INTEGER NOT NULL,

    CONSTRAINT "ReportAttendanceMonth_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportAttendanceMonth_activityId_month_idx" ON "ReportAttendanceMonth"("activityId", "month");

-- CreateIndex
CREATE INDEX "ReportAttendanceMonth_month_idx" ON "ReportAttendanceMonth"("month");

-- CreateIndex
CREATE INDEX "ReportAttendanceMonth_personId_activityId_month_idx" ON "ReportAttendanceMonth"("personId", "activityId", "month");


-- Hand-written (Prisma does not model these): the functions and triggers that keep "ReportAttendanceMonth" current
-- for every writer — marking attendance, walk-ins, the import and its undo, the register's merge, cancelling or moving
-- a session, deleting a person or an activity, and every change of area history (a dated move, a correction, the
-- Person trigger of ADR 016). docs/decisions/022-report-facts.md.

-- The Copenhagen month (its first day) of an instant.
CREATE FUNCTION "report_month"(instant timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_trunc('month', instant AT TIME ZONE 'Europe/Copenhagen')::date
$$;

-- Recomputes the facts of the given person × activity × month keys from the rows (parallel arrays).
CREATE FUNCTION "report_refresh_attendance"(persons uuid[], activities uuid[], months date[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality(persons), 0) = 0 THEN
    RETURN;
  END IF;
  -- One refresher at a time until commit: a transaction that refreshes the same keys waits, and its statements then
  -- see what the first one committed (READ COMMITTED takes a snapshot per statement), so no fact misses a row and no
  -- key gets two rows. Attendance writes are short; nothing on the sign-up path takes this lock.
  PERFORM pg_advisory_xact_lock(hashtext('ReportAttendanceMonth'));
  DELETE FROM "ReportAttendanceMonth" f
  USING (SELECT DISTINCT * FROM unnest(persons, activities, months) AS k(person, activity, month)) k
  WHERE f."personId" = k.person AND f."activityId" = k.activity AND f."month" = k.month;
  INSERT INTO "ReportAttendanceMonth" ("personId", "activityId", "month", "housingAreaId", "firstPresentAt", "presentCount", "markedCount")
  SELECT at."personId", s."activityId", k.month, ap."housingAreaId",
         min(s."startsAt") FILTER (WHERE at."present"), count(*) FILTER (WHERE at."present"), count(*)
  FROM (SELECT DISTINCT * FROM unnest(persons, activities, months) AS k(person, activity, month)) k
  JOIN "ActivitySession" s ON s."activityId" = k.activity AND s."cancelledAt" IS NULL
    AND s."startsAt" >= (k.month::timestamp AT TIME ZONE 'Europe/Copenhagen')
    AND s."startsAt" < ((k.month + interval '1 month') AT TIME ZONE 'Europe/Copenhagen')
  JOIN "Attendance" at ON at."sessionId" = s."id" AND at."personId" = k.person
  LEFT JOIN "PersonAreaPeriod" ap ON ap."personId" = at."personId"
    AND (ap."validFrom" IS NULL OR ap."validFrom" <= (s."startsAt" AT TIME ZONE 'Europe/Copenhagen')::date)
    AND (ap."validTo" IS NULL OR ap."validTo" > (s."startsAt" AT TIME ZONE 'Europe/Copenhagen')::date)
  GROUP BY at."personId", s."activityId", k.month, ap."housingAreaId";
END
$$;

-- Every fact anew from the rows (the migration's backfill; after a bulk load with the triggers disabled).
CREATE FUNCTION "report_rebuild_attendance"() RETURNS void LANGUAGE plpgsql AS $$
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
END
$$;

-- Attendance written, changed (present/absent, a merge moving it to the kept person) or deleted: its person ×
-- activity × month.
CREATE FUNCTION "report_attendance_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p uuid[];
  a uuid[];
  m date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(k.person), array_agg(k.activity), array_agg(k.month) INTO p, a, m FROM (
      SELECT DISTINCT r."personId" AS person, s."activityId" AS activity, "report_month"(s."startsAt") AS month
      FROM new_rows r JOIN "ActivitySession" s ON s."id" = r."sessionId") k;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(k.person), array_agg(k.activity), array_agg(k.month) INTO p, a, m FROM (
      SELECT DISTINCT r."personId" AS person, s."activityId" AS activity, "report_month"(s."startsAt") AS month
      FROM (SELECT "sessionId", "personId" FROM old_rows UNION SELECT "sessionId", "personId" FROM new_rows) r
      JOIN "ActivitySession" s ON s."id" = r."sessionId") k;
  ELSE
    -- A session's own deletion (cascading here) has already removed it: "report_session_changed" refreshes those.
    SELECT array_agg(k.person), array_agg(k.activity), array_agg(k.month) INTO p, a, m FROM (
      SELECT DISTINCT r."personId" AS person, s."activityId" AS activity, "report_month"(s."startsAt") AS month
      FROM old_rows r JOIN "ActivitySession" s ON s."id" = r."sessionId") k;
  END IF;
  PERFORM "report_refresh_attendance"(p, a, m);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Attendance_report_insert" AFTER INSERT ON "Attendance"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_attendance_changed"();
CREATE TRIGGER "Attendance_report_update" AFTER UPDATE ON "Attendance"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_attendance_changed"();
CREATE TRIGGER "Attendance_report_delete" AFTER DELETE ON "Attendance"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_attendance_changed"();

-- A session cancelled or restored, moved to another time or activity, or deleted (with its activity too): the
-- facts of its activity × month, before and after.
CREATE FUNCTION "report_session_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p uuid[];
  a uuid[];
  m date[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT array_agg(k.person), array_agg(k.activity), array_agg(k.month) INTO p, a, m FROM (
      SELECT DISTINCT at."personId" AS person, c.activity, c.month
      FROM (SELECT o."id", o."activityId" AS activity, "report_month"(o."startsAt") AS month
            FROM old_rows o JOIN new_rows n ON n."id" = o."id"
            WHERE o."startsAt" IS DISTINCT FROM n."startsAt" OR o."cancelledAt" IS DISTINCT FROM n."cancelledAt"
               OR o."activityId" IS DISTINCT FROM n."activityId"
            UNION
            SELECT n."id", n."activityId", "report_month"(n."startsAt")
            FROM old_rows o JOIN new_rows n ON n."id" = o."id"
            WHERE o."startsAt" IS DISTINCT FROM n."startsAt" OR o."cancelledAt" IS DISTINCT FROM n."cancelledAt"
               OR o."activityId" IS DISTINCT FROM n."activityId") c
      JOIN "Attendance" at ON at."sessionId" = c."id") k;
  ELSE
    SELECT array_agg(k.person), array_agg(k.activity), array_agg(k.month) INTO p, a, m FROM (
      SELECT DISTINCT f."personId" AS person, f."activityId" AS activity, f."month"
      FROM (SELECT DISTINCT "activityId", "report_month"("startsAt") AS month FROM old_rows) o
      JOIN "ReportAttendanceMonth" f ON f."activityId" = o."activityId" AND f."month" = o.month) k;
  END IF;
  PERFORM "report_refresh_attendance"(p, a, m);
  RETURN NULL;
END
$$;

CREATE TRIGGER "ActivitySession_report_update" AFTER UPDATE ON "ActivitySession"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_session_changed"();
CREATE TRIGGER "ActivitySession_report_delete" AFTER DELETE ON "ActivitySession"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_session_changed"();

-- A person's area history changed (a dated move, a correction, a merge adopting the other's history, a new person):
-- all their facts, since a period can reach back to any month.
CREATE FUNCTION "report_area_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  people uuid[];
  p uuid[];
  a uuid[];
  m date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT "personId") INTO people FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(DISTINCT x) INTO people FROM (SELECT "personId" AS x FROM old_rows UNION SELECT "personId" FROM new_rows) r;
  ELSE
    SELECT array_agg(DISTINCT "personId") INTO people FROM old_rows;
  END IF;
  SELECT array_agg(k.person), array_agg(k.activity), array_agg(k.month) INTO p, a, m FROM (
    SELECT at."personId" AS person, s."activityId" AS activity, "report_month"(s."startsAt") AS month
    FROM "Attendance" at JOIN "ActivitySession" s ON s."id" = at."sessionId" WHERE at."personId" = ANY (people)
    UNION
    SELECT f."personId", f."activityId", f."month" FROM "ReportAttendanceMonth" f WHERE f."personId" = ANY (people)) k;
  PERFORM "report_refresh_attendance"(p, a, m);
  RETURN NULL;
END
$$;

CREATE TRIGGER "PersonAreaPeriod_report_insert" AFTER INSERT ON "PersonAreaPeriod"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_area_changed"();
CREATE TRIGGER "PersonAreaPeriod_report_update" AFTER UPDATE ON "PersonAreaPeriod"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_area_changed"();
CREATE TRIGGER "PersonAreaPeriod_report_delete" AFTER DELETE ON "PersonAreaPeriod"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "report_area_changed"();

-- Today's attendance.
SELECT "report_rebuild_attendance"();
