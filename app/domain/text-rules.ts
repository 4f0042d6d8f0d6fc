// What free text may contain: no control characters (a NUL byte PostgreSQL
// cannot store, a bell nobody typed) — line breaks and tabs only where the
// field has several lines — and how long the texts every form shares may be
// (addresses, phone numbers, return addresses, searches). One rule for every
// form schema; each schema gives its own texts a length too (the fuzz test
// checks that every text field refuses one far too long).
/* eslint-disable no-control-regex -- control characters are what these find */
export const LINE_CONTROL = /[\u0000-\u001f\u007f]/;
export const TEXT_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/* eslint-enable no-control-regex */

/** The longest e-mail address (RFC 5321 allows 254 characters in a path). */
export const EMAIL_MAX = 254;
/** The longest phone number as typed, spaces, "+45" or Arabic-Indic digits and all ("+45 20 12 34 56" is 15). */
export const PHONE_MAX = 30;
/** The longest return address (a page's path and query) a form carries along; a longer one is dropped. */
export const RETURN_PATH_MAX = 2_000;
/** The longest search text a list page looks for (and shows back in its search field). */
export const SEARCH_MAX = 100;

/** A zod refine check: true when the text (if any) has no control characters (multiline: line breaks and tabs allowed). */
export const withoutControlCharacters =
  (multiline = false) =>
  (value: string | undefined | null): boolean =>
    !value || !(multiline ? TEXT_CONTROL : LINE_CONTROL).test(value);
