// Every zod check without a message of its own (a uuid field, a checkbox that
// got something else, an unknown form intent — input a browser does not send
// but a forged request can) answers with a translated key instead of zod's
// English default, which pages would show as it is (found by the fuzz test).
//
// Installed by a *call* in entry.server.tsx, not by importing this module for
// its side effect: package.json declares `"sideEffects": ["*.css"]` (ADR 010),
// so the compiler drops a bare `import "./zod-errors.ts"` from the server
// build — which it did, and every default message reached the page in English
// while the tests, importing the module directly, saw keys.
import { z } from "zod";

export const INVALID_VALUE = "common:errors.invalidValue";
export const REQUIRED = "common:errors.required";
export const TOO_LONG = "common:errors.tooLong";
export const TOO_MANY = "common:errors.tooMany";
export const OUT_OF_RANGE = "common:errors.outOfRange";

type Issue = { code?: string; input?: unknown; origin?: string; minimum?: unknown };

/**
 * The translation key for a zod issue (every code zod 4 has; an unknown one gets the generic key).
 * Missing and empty answers say "required", too long a text or too many choices say so, a number or
 * date outside its bounds says "outside the allowed range", anything else "cannot be used here".
 */
export function zodIssueKey(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null ? REQUIRED : INVALID_VALUE;
    case "too_small":
      if ((issue.origin === "string" || issue.origin === "array" || issue.origin === "set") && Number(issue.minimum) <= 1) return REQUIRED;
      return issue.origin === "string" || issue.origin === "array" || issue.origin === "set" ? INVALID_VALUE : OUT_OF_RANGE;
    case "too_big":
      if (issue.origin === "string") return TOO_LONG;
      if (issue.origin === "array" || issue.origin === "set" || issue.origin === "file") return TOO_MANY;
      return OUT_OF_RANGE;
    case "invalid_format":
    case "not_multiple_of":
    case "unrecognized_keys":
    case "invalid_union":
    case "invalid_key":
    case "invalid_element":
    case "invalid_value":
    case "custom":
    default:
      return INVALID_VALUE;
  }
}

/** Makes every message zod makes up itself a translation key. Call once at start-up (entry.server.tsx). */
export function translateZodErrors(): void {
  z.config({ customError: (issue) => zodIssueKey(issue as Issue) });
}
