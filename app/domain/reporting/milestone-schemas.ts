// Form schemas of the milestone pages, shared by browser and server (conform
// + zod): a milestone (title in three languages, measure, target, what it
// covers, first day and deadline), its deletion, and a status text for a
// period. Messages are translation keys in locales/<language>/reports.json.
// i18n-namespace: reports
import { z } from "zod";
import { isId } from "~/lib/ids.ts";
import { dayField } from "../date-fields.ts";
import { isRealDay } from "../dates.ts";
import { requiredTextField, textField } from "../text-rules.ts";
import type { Scope } from "./counts.ts";
import { MEASURES } from "./milestones.ts";
import { idField } from "~/lib/ids.ts";

/** "all", or what a milestone counts and its id: "activity:<id>", "programme:<id>", "activityType:<id>", "effortArea:<id>". */
function isSelection(value: string): boolean {
  const match = /^(activity|programme|activityType|effortArea):(.*)$/.exec(value);
  return value === "all" || (match !== null && isId(match[2]));
}

const line = (max: number) => textField(max);

/** Milestones and their status notes: dates of the plan period (dates.ts). */
const day = (required: string) => dayField("plan", required);

export const milestoneSchema = z
  .object({
    title: z.object({
      da: requiredTextField(200, "errors.titleRequired"),
      en: line(200).optional(),
      ar: line(200).optional(),
    }),
    measure: z.enum(MEASURES, { error: "errors.measureRequired" }),
    target: z
      .number({ error: "errors.wholeNumber" })
      .int({ error: "errors.wholeNumber" })
      .min(1, { error: "errors.targetTooSmall" })
      .max(1_000_000, { error: "errors.targetTooLarge" }),
    selection: z.string({ error: "errors.selectionRequired" }).refine(isSelection, { error: "errors.selectionRequired" }),
    startsOn: day("errors.startsOnRequired"),
    deadline: day("errors.deadlineRequired"),
  })
  // Also when a field has failed, so every problem shows at once: the values are read defensively.
  .superRefine(
    (value: Record<string, unknown>, ctx) => {
      const [startsOn, deadline] = [value.startsOn, value.deadline];
      if (typeof startsOn === "string" && typeof deadline === "string" && isRealDay(startsOn) && isRealDay(deadline) && deadline < startsOn)
        ctx.addIssue({ code: "custom", path: ["deadline"], message: "errors.deadlineBeforeStart" });
    },
    { when: () => true },
  );

export const deleteMilestoneSchema = z.object({
  confirm: z.literal("on", { error: "errors.confirmDelete" }),
});

export const milestoneNoteSchema = z
  .object({
    milestoneId: idField(),
    from: day("errors.dateInvalid"),
    to: day("errors.dateInvalid"),
    text: textField(2000, { multiline: true })
      .optional()
      .transform((value) => value ?? ""),
  })
  // A note belongs to a period; one that ends before it begins is no period (the report page refuses it too).
  .refine((value) => value.from <= value.to, { path: ["to"], error: "errors.toBeforeFrom" });

/** "effortArea:<id>" → the scope a milestone covers. */
export function scopeFromSelection(selection: string): Scope {
  if (selection === "all") return {};
  const [kind, id] = selection.split(":", 2) as [string, string];
  if (kind === "activity") return { activityId: id };
  if (kind === "programme") return { programmeId: id };
  if (kind === "activityType") return { activityTypeId: id };
  return { effortAreaId: id };
}

export function selectionFromScope(scope: {
  activityId?: string | null;
  programmeId?: string | null;
  activityTypeId?: string | null;
  effortAreaId?: string | null;
}): string {
  if (scope.activityId) return `activity:${scope.activityId}`;
  if (scope.programmeId) return `programme:${scope.programmeId}`;
  if (scope.activityTypeId) return `activityType:${scope.activityTypeId}`;
  if (scope.effortAreaId) return `effortArea:${scope.effortAreaId}`;
  return "all";
}
