// The one error type of the domain. A domain function that refuses throws a
// DomainError: a code, the namespace whose `errors.<code>` words it, and
// optionally the form field it belongs to. The route side turns it into a
// reply in one place (app/lib/http.server.ts); the domain never sees HTTP.

export class DomainError<Code extends string = string> extends Error {
  constructor(
    /** The locale namespace whose `errors.<code>` says what went wrong. */
    readonly namespace: string,
    readonly code: Code,
    /** The form field the refusal belongs to, if any. */
    readonly field?: string,
  ) {
    super(code);
    this.name = "DomainError";
  }

  /** The translation key, relative to the namespace. */
  get key(): string {
    return `errors.${this.code}`;
  }
}

/** Whether `error` is a refusal with this code (any namespace when none is given). */
export function isRefusal(error: unknown, code?: string, namespace?: string): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code) && (namespace === undefined || error.namespace === namespace);
}
