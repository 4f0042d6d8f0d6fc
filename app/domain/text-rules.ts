// What free text may contain: no control characters (a NUL byte PostgreSQL
// cannot store, a bell nobody typed) — line breaks and tabs only where the
// field has several lines. One rule for every form schema.
/* eslint-disable no-control-regex -- control characters are what these find */
export const LINE_CONTROL = /[\u0000-\u001f\u007f]/;
export const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/* eslint-enable no-control-regex */

/** A zod refine check: true when the text (if any) has no control characters (multiline: line breaks and tabs allowed). */
export const withoutControlCharacters =
  (multiline = false) =>
  (value: string | undefined | null): boolean =>
    !value || !(multiline ? TEXT_CONTROL : LINE_CONTROL).test(value);
