// The route side of errors, in one place: "not found", ids from the URL, and
// a domain refusal turned into a form reply. Domain code never imports this.
import { DomainError } from "~/domain/errors.ts";
import { parseId } from "~/lib/ids.ts";

/** Ends the request with 404. */
export function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

/** The value, or a 404 when there is none (Epic Stack's invariantResponse, for the one case we need). */
export function found<T>(value: T | null | undefined | false): T {
  if (value === null || value === undefined || value === false) notFound();
  return value;
}

/** A row id from the URL, or 404 when the segment cannot be one. */
export function requireId(param: string | undefined): string {
  return found(parseId(param));
}

type Replyable<R> = { reply: (options: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => R };

/**
 * A domain refusal as the form's reply: `errors.<code>` on its field, or on
 * the form. Codes in `pageGone` mean the page's own thing is gone: 404.
 * Anything that is not a DomainError is rethrown.
 */
export function replyToRefusal<R>(error: unknown, submission: Replyable<R>, options: { pageGone?: readonly string[] } = {}): R {
  if (!(error instanceof DomainError)) throw error;
  if (options.pageGone?.includes(error.code)) notFound();
  return submission.reply(error.field ? { fieldErrors: { [error.field]: [error.key] } } : { formErrors: [error.key] });
}

/** A domain refusal as route data (the page words it); codes in `pageGone` become a 404, non-refusals are rethrown. */
export function refusal<E extends DomainError>(error: unknown, type: new (...args: never[]) => E, options: { pageGone?: readonly string[] } = {}): E {
  if (!(error instanceof type)) throw error;
  if (options.pageGone?.includes(error.code)) notFound();
  return error;
}
