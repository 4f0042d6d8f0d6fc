// The one logger. One line per event: JSON in production (for the log
// collector), "level event key=value" in development. Every line written
// while a request is handled carries its request id (X-Request-Id, also
// sent back to the browser), so the lines of one request can be found.
// Never log personal data: no names, e-mail addresses, phone numbers,
// codes, query strings or form values — ids and counts only. Errors are
// logged by name, code and first line; outside production with the stack.
import { AsyncLocalStorage } from "node:async_hooks";

type Level = "info" | "warn" | "error";
export type LogFields = Record<string, string | number | boolean | null | undefined>;

// On globalThis: the HTTP server (server/app.ts) and the app's build are separate module graphs.
const state = globalThis as unknown as { __requestContext?: AsyncLocalStorage<{ requestId: string }> };
const context = (state.__requestContext ??= new AsyncLocalStorage<{ requestId: string }>());

export function withRequestId<T>(requestId: string, run: () => T): T {
  return context.run({ requestId }, run);
}

export function currentRequestId(): string | undefined {
  return context.getStore()?.requestId;
}

const json = () => process.env.NODE_ENV === "production" || process.env.LOG_FORMAT === "json";

/** One log line: `event` names what happened ("request", "job.failed", …); fields are ids, counts and codes. */
export function log(level: Level, event: string, fields: LogFields = {}): void {
  const line = { time: new Date().toISOString(), level, event, requestId: currentRequestId(), ...fields };
  const stream = level === "info" ? process.stdout : process.stderr;
  if (json()) {
    stream.write(`${JSON.stringify(line)}\n`);
    return;
  }
  const rest = Object.entries({ requestId: line.requestId, ...fields })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${value}`)
    .join(" ");
  stream.write(`[${level}] ${event}${rest ? ` ${rest}` : ""}\n`);
}

/**
 * What of an error may be logged: its name, code and first line (database
 * errors can quote the values of a query on later lines); the stack outside
 * production.
 */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  return {
    error: error.name,
    code: typeof code === "string" ? code : undefined,
    message: error.message
      .split("\n")
      .find((part) => part.trim() !== "")
      ?.slice(0, 200),
    stack: process.env.NODE_ENV === "production" ? undefined : error.stack,
  };
}

/** Addresses whose next segment is a secret (an offer, a guardian's answer, a household's calendar feed). */
const SECRET_IN_PATH = /^\/(offers|guardian|calendar)\/[^/]+/;

/** A path as it may be logged: without the secret in an offer, guardian or calendar link. */
export function loggablePath(path: string): string {
  return path.replace(SECRET_IN_PATH, "/$1/:token");
}
