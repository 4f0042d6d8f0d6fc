-- Names of people hold no direction or invisible characters (app/domain/text-rules.ts): a right-to-left override in a
-- name disguised it, and what followed it, in staff lists, rosters and files. The forms refuse them from now on; the
-- names stored before lose them here. Data only, no change to the schema.
UPDATE "Person"
SET "firstName" = regexp_replace("firstName", '[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]', '', 'g'),
    "lastName" = regexp_replace("lastName", '[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]', '', 'g')
WHERE "firstName" ~ '[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]'
   OR "lastName" ~ '[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]';

UPDATE "JobApplication"
SET "guardianName" = regexp_replace("guardianName", '[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]', '', 'g')
WHERE "guardianName" ~ '[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]';

UPDATE "Activity"
SET "contactName" = regexp_replace("contactName", '[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]', '', 'g')
WHERE "contactName" ~ '[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]';

UPDATE "JobPosting"
SET "contactName" = regexp_replace("contactName", '[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]', '', 'g')
WHERE "contactName" ~ '[\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]';
