-- AlterTable
ALTER TABLE "Activity" ADD COLUMN     "programmeId" UUID;

-- AlterTable
ALTER TABLE "Milestone" ADD COLUMN     "programmeId" UUID;

-- AlterTable
ALTER TABLE "Person" ADD COLUMN     "birthYear" INTEGER;

-- CreateTable
CREATE TABLE "PersonAreaPeriod" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "personId" UUID NOT NULL,
    "housingAreaId" UUID NOT NULL,
    "validFrom" DATE,
    "validTo" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonAreaPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Programme" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Programme_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PersonAreaPeriod_personId_validFrom_idx" ON "PersonAreaPeriod"("personId", "validFrom");

-- CreateIndex
CREATE INDEX "PersonAreaPeriod_housingAreaId_idx" ON "PersonAreaPeriod"("housingAreaId");

-- CreateIndex
CREATE UNIQUE INDEX "Programme_name_key" ON "Programme"("name");

-- CreateIndex
CREATE INDEX "Activity_programmeId_idx" ON "Activity"("programmeId");

-- CreateIndex
CREATE INDEX "Milestone_programmeId_idx" ON "Milestone"("programmeId");

-- AddForeignKey
ALTER TABLE "PersonAreaPeriod" ADD CONSTRAINT "PersonAreaPeriod_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonAreaPeriod" ADD CONSTRAINT "PersonAreaPeriod_housingAreaId_fkey" FOREIGN KEY ("housingAreaId") REFERENCES "HousingArea"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written (Prisma does not model these): no two periods of a person overlap, no empty period, the trigger that
-- keeps the periods in step with Person.housingAreaId, and the periods built from the areas copied so far.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Today's data: every attendance carries the area on the session's day, every enrolment the area on the day it was made.
-- Per person and day the area of the row written last; a period starts where the area changes (the first one "since
-- always"). Where the person's current area differs from the last one seen, they moved after it: the day after, or
-- the day their record last changed if later.
WITH obs AS (
  SELECT at."personId", (s."startsAt" AT TIME ZONE 'Europe/Copenhagen')::date AS day, at."housingAreaId" AS area, at."markedAt" AS written
  FROM "Attendance" at JOIN "ActivitySession" s ON s."id" = at."sessionId"
  WHERE at."housingAreaId" IS NOT NULL
  UNION ALL
  SELECT e."personId", (e."createdAt" AT TIME ZONE 'Europe/Copenhagen')::date, e."housingAreaId", e."createdAt"
  FROM "Enrolment" e WHERE e."housingAreaId" IS NOT NULL
),
daily AS (SELECT DISTINCT ON ("personId", day) "personId", day, area FROM obs ORDER BY "personId", day, written DESC),
changes AS (
  SELECT "personId", day, area, lag(area) OVER w AS prev, row_number() OVER w AS k
  FROM daily WINDOW w AS (PARTITION BY "personId" ORDER BY day)
),
starts AS (SELECT "personId", CASE WHEN k = 1 THEN NULL ELSE day END AS "from", day, area FROM changes WHERE prev IS DISTINCT FROM area),
observed AS (SELECT "personId", "from", lead(day) OVER (PARTITION BY "personId" ORDER BY day) AS "to", area FROM starts),
last AS (SELECT DISTINCT ON ("personId") "personId", day, area FROM daily ORDER BY "personId", day DESC),
moved AS (
  SELECT p."id" AS "personId", greatest(l.day + 1, (p."updatedAt" AT TIME ZONE 'Europe/Copenhagen')::date) AS "from", p."housingAreaId" AS area
  FROM "Person" p JOIN last l ON l."personId" = p."id"
  WHERE p."housingAreaId" IS NOT NULL AND p."housingAreaId" <> l.area
)
INSERT INTO "PersonAreaPeriod" ("personId", "housingAreaId", "validFrom", "validTo")
SELECT o."personId", o.area, o."from", coalesce(o."to", m."from") FROM observed o LEFT JOIN moved m ON m."personId" = o."personId"
UNION ALL
SELECT "personId", area, "from", NULL FROM moved
UNION ALL
SELECT p."id", p."housingAreaId", NULL, NULL FROM "Person" p
WHERE p."housingAreaId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM obs o WHERE o."personId" = p."id");

ALTER TABLE "PersonAreaPeriod" ADD CONSTRAINT "PersonAreaPeriod_not_empty" CHECK ("validFrom" IS NULL OR "validTo" IS NULL OR "validFrom" < "validTo");
ALTER TABLE "PersonAreaPeriod" ADD CONSTRAINT "PersonAreaPeriod_no_overlap"
  EXCLUDE USING gist ("personId" WITH =, daterange("validFrom", "validTo") WITH &&);

-- A change of Person.housingAreaId without a date (a parent's own details, a staff edit, a new person) is a move
-- today; a new person's first area is "since always". recordMove (area-history.server.ts) writes dated moves itself
-- and sets portal.area_history = 'manual' for its own update.
CREATE FUNCTION "person_area_history"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  today date := (now() AT TIME ZONE 'Europe/Copenhagen')::date;
BEGIN
  IF coalesce(current_setting('portal.area_history', true), '') = 'manual' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF NEW."housingAreaId" IS NOT DISTINCT FROM OLD."housingAreaId" THEN
      RETURN NEW;
    END IF;
    -- A period opened today is replaced; an older open one ends today.
    DELETE FROM "PersonAreaPeriod" WHERE "personId" = NEW."id" AND "validTo" IS NULL AND "validFrom" >= today;
    UPDATE "PersonAreaPeriod" SET "validTo" = today WHERE "personId" = NEW."id" AND "validTo" IS NULL;
    -- Back to the area of the period that ended today: it continues.
    IF NEW."housingAreaId" IS NOT NULL THEN
      UPDATE "PersonAreaPeriod" SET "validTo" = NULL WHERE "personId" = NEW."id" AND "validTo" = today AND "housingAreaId" = NEW."housingAreaId";
      IF FOUND THEN
        RETURN NEW;
      END IF;
    END IF;
  END IF;
  IF NEW."housingAreaId" IS NOT NULL THEN
    INSERT INTO "PersonAreaPeriod" ("personId", "housingAreaId", "validFrom")
    VALUES (NEW."id", NEW."housingAreaId",
            CASE WHEN EXISTS (SELECT 1 FROM "PersonAreaPeriod" WHERE "personId" = NEW."id") THEN today END);
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Person_area_history" AFTER INSERT OR UPDATE OF "housingAreaId" ON "Person"
  FOR EACH ROW EXECUTE FUNCTION "person_area_history"();

-- Walk-ins were given 1 July of their birth year: keep the year alone, which is what was known.
UPDATE "Person" p SET "birthYear" = extract(year FROM p."birthDate")::int, "birthDate" = NULL
WHERE to_char(p."birthDate", 'MM-DD') = '07-01'
  AND EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."entityType" = 'Person' AND a."entityId" = p."id"::text AND a."action" = 'person.createWalkIn');
-- A full birth date wins over a year alone: whoever records the date (a parent, staff correcting it, a young person
-- applying, a merge) need not know that a year was kept, and the two can never disagree.
CREATE FUNCTION "person_birth_year"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."birthDate" IS NOT NULL THEN
    NEW."birthYear" := NULL;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "Person_birth_year" BEFORE INSERT OR UPDATE OF "birthDate", "birthYear" ON "Person"
  FOR EACH ROW EXECUTE FUNCTION "person_birth_year"();
