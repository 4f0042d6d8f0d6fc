// The report's filters from the page's GET query (also used by the print
// page and the exports, so they show the same selection): which period,
// which activities, exact or shared numbers. A bad value never breaks the
// page: it is reported as a translated error and its default is used.
// i18n-namespace: reports
import { z } from "zod";
import { DATE_ERRORS } from "../date-fields.ts";
import { copenhagenDay, dayProblem } from "../dates.ts";
import type { Scope } from "./counts.ts";
import { periodContaining, previousPeriod, PERIOD_KINDS, periodDays, type Period, type PeriodKind } from "./period.ts";
import type { Mode } from "./report-tables.ts";
import { isId } from "~/lib/ids.ts";

export const SCOPE_KINDS = ["all", "activity", "programme", "activityType", "effortArea"] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];
export const WHICH = ["previous", "current"] as const;

/** The longest custom period: the plan period and some slack. */
const MAX_DAYS = 366 * 6;

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));
/** Report periods: dates of the plan period (dates.ts). */
const optionalDay = optionalText.superRefine((value, ctx) => {
  const problem = value === undefined ? null : dayProblem(value, "plan");
  if (problem) ctx.addIssue({ code: "custom", message: problem === "invalid" ? DATE_ERRORS.invalid : DATE_ERRORS.range.plan });
});

export const reportQuerySchema = z
  .object({
    kind: z.enum(PERIOD_KINDS, { error: "errors.periodInvalid" }).default("quarter"),
    which: z.enum(WHICH, { error: "errors.periodInvalid" }).default("previous"),
    day: optionalDay,
    from: optionalDay,
    to: optionalDay,
    scope: z.enum(SCOPE_KINDS, { error: "errors.scopeInvalid" }).default("all"),
    scopeId: optionalText.refine((value) => value === undefined || isId(value), { error: "errors.scopeIdInvalid" }),
    mode: z.enum(["exact", "shared"], { error: "errors.modeInvalid" }).default("exact"),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "custom") {
      if (!value.from) ctx.addIssue({ code: "custom", path: ["from"], message: "errors.fromRequired" });
      if (!value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "errors.toRequired" });
      if (value.from && value.to && value.to < value.from) ctx.addIssue({ code: "custom", path: ["to"], message: "errors.toBeforeFrom" });
      else if (value.from && value.to && periodDays({ from: value.from, to: value.to }) > MAX_DAYS)
        ctx.addIssue({ code: "custom", path: ["to"], message: "errors.periodTooLong" });
    }
    if (value.scope !== "all" && !value.scopeId) ctx.addIssue({ code: "custom", path: ["scopeId"], message: "errors.scopeIdRequired" });
  });

export type ReportQuery = {
  kind: PeriodKind;
  which: (typeof WHICH)[number];
  /** The day the shortcuts count from (default: today). */
  day: string;
  period: Period;
  scope: { kind: ScopeKind; id: string | null };
  mode: Mode;
  /** The values as typed, for the form. */
  values: Record<string, string>;
  /** Field → translation keys (namespace `reports`); the period or selection fell back to its default. */
  errors: Record<string, string[]>;
};

const FIELDS = ["kind", "which", "day", "from", "to", "scope", "scopeId", "mode"] as const;

/** The period a kind and a day give; "previous" is the one before the day's (plan and custom have none). */
export function periodFor(kind: PeriodKind, which: (typeof WHICH)[number], day: string, custom?: Period): Period {
  if (kind === "custom") return custom!;
  if (kind === "plan") return periodContaining("plan", day);
  return which === "previous" ? previousPeriod(kind, day) : periodContaining(kind, day);
}

/** Reads the filters; anything invalid is named in `errors` and replaced by its default. */
export function parseReportQuery(params: URLSearchParams, now = new Date()): ReportQuery {
  const raw: Record<string, string> = {};
  for (const field of FIELDS) {
    const value = params.get(field);
    if (value !== null) raw[field] = value;
  }
  // The form's one select sends "effortArea:<id>" (a select per kind would need JavaScript).
  const selection = params.get("selection");
  if (selection !== null && raw.scope === undefined) {
    const [kind, id] = selection.split(":", 2);
    raw.scope = kind ?? "";
    if (id !== undefined) raw.scopeId = id;
  }
  const today = copenhagenDay(now);
  const parsed = reportQuerySchema.safeParse(raw);
  const errors: Record<string, string[]> = {};
  if (parsed.success) {
    const value = parsed.data;
    const day = value.day ?? today;
    const custom = value.kind === "custom" ? { from: value.from!, to: value.to! } : undefined;
    return {
      kind: value.kind,
      which: value.which,
      day,
      period: periodFor(value.kind, value.which, day, custom),
      scope: value.scope === "all" ? { kind: "all", id: null } : { kind: value.scope, id: value.scopeId! },
      mode: value.mode,
      values: raw,
      errors,
    };
  }
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "kind");
    (errors[field] ??= []).push(/^(errors\.|common:)/.test(issue.message) ? issue.message : "errors.periodInvalid");
  }
  // Fall back field by field: a bad selection keeps a good period and the other way round.
  const periodBroken = ["kind", "which", "day", "from", "to"].some((field) => errors[field]);
  const scopeBroken = ["scope", "scopeId"].some((field) => errors[field]);
  const kind: PeriodKind = periodBroken ? "quarter" : (raw.kind as PeriodKind);
  const which = periodBroken ? "previous" : ((raw.which as (typeof WHICH)[number] | undefined) ?? "previous");
  const day = periodBroken ? today : raw.day?.trim() || today;
  const custom = kind === "custom" ? { from: raw.from!.trim(), to: raw.to!.trim() } : undefined;
  const mode: Mode = errors.mode ? "exact" : raw.mode === "shared" ? "shared" : "exact";
  return {
    kind,
    which,
    day,
    period: periodFor(kind, which, day, custom),
    scope: scopeBroken || !raw.scope || raw.scope === "all" ? { kind: "all", id: null } : { kind: raw.scope as ScopeKind, id: raw.scopeId!.trim() },
    mode,
    values: raw,
    errors,
  };
}

export function scopeOf(scope: ReportQuery["scope"]): Scope {
  if (scope.kind === "activity") return { activityId: scope.id! };
  if (scope.kind === "programme") return { programmeId: scope.id! };
  if (scope.kind === "activityType") return { activityTypeId: scope.id! };
  if (scope.kind === "effortArea") return { effortAreaId: scope.id! };
  return {};
}

/** What the period fields show again: kind, previous/current and a day only if one was typed; from–to only for a custom period. */
export function periodValues(query: ReportQuery) {
  return {
    kind: query.kind,
    which: query.which,
    day: query.values.day?.trim() ? query.day : "",
    from: query.kind === "custom" ? query.period.from : "",
    to: query.kind === "custom" ? query.period.to : "",
  };
}

/** The value of the form's selection select: "all" or "<kind>:<id>". */
export const selectionValue = (scope: ReportQuery["scope"]) => (scope.kind === "all" ? "all" : `${scope.kind}:${scope.id}`);

/** The query string of a report (for the print page and the export links). */
export function reportSearch(query: Pick<ReportQuery, "kind" | "which" | "day" | "period" | "scope">, mode?: Mode): string {
  const params = new URLSearchParams();
  params.set("kind", query.kind);
  if (query.kind === "custom") {
    params.set("from", query.period.from);
    params.set("to", query.period.to);
  } else if (query.kind !== "plan") {
    params.set("which", query.which);
    params.set("day", query.day);
  }
  params.set("scope", query.scope.kind);
  if (query.scope.id) params.set("scopeId", query.scope.id);
  if (mode) params.set("mode", mode);
  return params.toString();
}
