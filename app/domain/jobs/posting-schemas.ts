// Form schema of the job-posting editor (staff), shared by browser and
// server. Texts are {da, en?, ar?} with Danish required; ages within the
// law's 13–17; pay typed in kroner, stored in øre. Messages carry their
// namespace ("jobs:errors.…") because the shared three-language text field
// translates in the editor's namespace.
// i18n-namespace: jobs
import { z } from "zod";
import { always, num, schemaBuilders, str, type Loose } from "../activities/text-schemas.ts";
import { dayField } from "../date-fields.ts";
import { INVISIBLE_CHARACTERS, withoutInvisibleCharacters } from "../text-rules.ts";

/** Kroner with up to two decimals, comma or point: "45", "52,50". */
const KRONER = /^\d{1,5}([.,]\d{1,2})?$/;

/** Nobody under 13 may be employed; the portal's jobs are for those under 18. */
import { YOUTH_MAX_AGE, YOUTH_MIN_AGE } from "./youth-ages.ts";
import { idField } from "~/lib/ids.ts";

export { YOUTH_MAX_AGE, YOUTH_MIN_AGE };

export const POSTING_STATUSES = ["DRAFT", "PUBLISHED", "CLOSED"] as const;
export const PAY_UNITS = ["HOUR", "SHIFT"] as const;

const builders = schemaBuilders({
  tooLong: "jobs:errors.tooLong",
  badCharacters: "jobs:errors.badCharacters",
  wholeNumber: "jobs:errors.wholeNumber",
  phoneInvalid: "jobs:errors.phoneInvalid",
  emailInvalid: "jobs:errors.emailInvalid",
});
const { requiredText, localized } = builders;
/** No number at all reads as out of range here. */
const wholeNumber = (min: number, max: number, rangeError: string) => builders.wholeNumber(min, max, rangeError, rangeError);

export const postingSchema = z
  .object({
    typeId: idField("jobs:errors.typeRequired"),
    title: localized(120, false, "jobs:errors.titleRequired"),
    description: localized(5000, true, "jobs:errors.descriptionRequired"),
    hoursInfo: localized(1000, true, "jobs:errors.hoursInfoRequired"),
    risks: localized(2000, true, "jobs:errors.risksRequired"),
    season: localized(120, false),
    /** Empty: no partner organisation (the programme itself). */
    organisationId: idField("jobs:errors.organisationUnknown").optional(),
    workPlace: requiredText(160, false, "jobs:errors.workPlaceRequired"),
    minAge: wholeNumber(YOUTH_MIN_AGE, YOUTH_MAX_AGE, "jobs:errors.ageRange"),
    maxAge: wholeNumber(YOUTH_MIN_AGE, YOUTH_MAX_AGE, "jobs:errors.ageRange"),
    /** Kroner as typed; the output is øre. */
    pay: z
      .string({ error: "jobs:errors.payRequired" })
      .trim()
      .min(1, { error: "jobs:errors.payRequired" })
      .refine((value) => KRONER.test(value), { error: "jobs:errors.payInvalid" })
      .transform((value) => Math.round(Number(value.replace(",", ".")) * 100))
      .refine((ore) => ore > 0, { error: "jobs:errors.payInvalid" }),
    payUnit: z.enum(PAY_UNITS, { error: "jobs:errors.payUnitRequired" }),
    positions: wholeNumber(1, 500, "jobs:errors.positionsRange"),
    applicationDeadline: dayField("plan", "jobs:errors.deadlineRequired"),
    status: z.enum(POSTING_STATUSES, { error: "jobs:errors.statusRequired" }),
    /** A person's name: no direction or invisible characters (text-rules.ts). */
    contactName: requiredText(120, false, "jobs:errors.contactNameRequired").refine(withoutInvisibleCharacters, { error: INVISIBLE_CHARACTERS }),
    contactPhone: builders.phone(),
    contactEmail: builders.email(),
  })
  .superRefine((value: Loose, ctx) => {
    const [minAge, maxAge] = [num(value.minAge), num(value.maxAge)];
    if (minAge !== undefined && maxAge !== undefined && minAge > maxAge) ctx.addIssue({ code: "custom", path: ["maxAge"], message: "jobs:errors.ageOrder" });
    const season = (value.season ?? {}) as Loose;
    if (!str(season.da) && (str(season.en) || str(season.ar))) ctx.addIssue({ code: "custom", path: ["season", "da"], message: "jobs:errors.danishFirst" });
    if (!str(value.contactPhone) && !str(value.contactEmail)) {
      ctx.addIssue({ code: "custom", path: ["contactPhone"], message: "jobs:errors.contactRequired" });
    }
  }, always);

export type PostingInput = z.output<typeof postingSchema>;
