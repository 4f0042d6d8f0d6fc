// The one id rule. Every key in the database is a UUID made by PostgreSQL;
// a value that is not one cannot name a row, so it is "not found" before any
// query (and never reaches `::uuid` in SQL, where it would be an error).
import { z } from "zod";

const UUID_TEXT = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const UUID = new RegExp(`^${UUID_TEXT}$`, "i");

/** Whether `value` can be a row id. */
export function isId(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

/** The id, or null when `value` cannot be one. */
export function parseId(value: unknown): string | null {
  return isId(value) ? value : null;
}

/** A form or query field that must hold a row id; `error` is the translation key shown when it is missing or not one. */
export const idField = (error?: string) => (error ? z.string({ error }).regex(UUID, { error }) : z.string().regex(UUID));

/** `text` with every id in it replaced by `by` (a path as a label for metrics: "/staff/sessions/:id"). */
export function replaceIds(text: string, by: string): string {
  return text.replace(new RegExp(UUID_TEXT, "gi"), by);
}
