// What free text may contain: no control characters (a NUL byte PostgreSQL
// cannot store, a bell nobody typed) — line breaks and tabs only where the
// field has several lines — and how long the texts every form shares may be
// (addresses, phone numbers, return addresses, searches). One rule for every
// form schema; each schema gives its own texts a length too (the fuzz test
// checks that every text field refuses one far too long).
import { z } from "zod";

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

// Direction and invisible characters. A right-to-left override (U+202E) in a
// name shows "evil" as "live" and turns round what follows it on the line:
// staff lists, rosters and files would show a disguised name.
// - Names of people refuse them (withoutInvisibleCharacters): nobody's name
//   needs one, and a name pasted with one is typed again.
// - Free text (notes, descriptions, messages) may hold them — an Arabic
//   writer's phone adds a right-to-left mark where needed — and pages show it
//   isolated (<bdi>, or a block with dir="auto"), so it cannot turn round
//   anything outside it.
// - Files that leave the portal (CSV, xlsx) carry none (forExport): a
//   spreadsheet or text editor shows the raw line.
/** Embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), marks (U+200E, U+200F, U+061C). */
export const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/**
 * Zero-width space and byte-order mark: invisible, they make two names that look alike differ. The zero-width
 * (non-)joiners U+200C/U+200D are not here: Persian and Kurdish names and emoji use them.
 */
export const INVISIBLE = /[\u200B\uFEFF]/;
const UNSEEN = new RegExp(`${BIDI_CONTROL.source}|${INVISIBLE.source}`, "g");

/** The message a name with such a character gets (common.json). */
export const INVISIBLE_CHARACTERS = "common:errors.invisibleCharacters";

/** A zod refine check for names of people: true when the name (if any) has no direction or invisible characters. */
export const withoutInvisibleCharacters = (value: string | undefined | null): boolean => !value || !new RegExp(UNSEEN.source).test(value);

/** Text for a file that leaves the portal: without direction and invisible characters. */
export function forExport(text: string): string {
  return text.replace(UNSEEN, "");
}

/**
 * Text someone typed, put into a sentence (a translation's {{placeholder}}): between a first-strong isolate and a
 * pop-directional isolate, so a direction character inside it cannot reach the sentence around it. In JSX, <bdi>.
 */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}

// ---------------------------------------------------------------- the zod fields every form schema uses

/** The messages a text field gives, as keys of the form's namespace; each namespace has these two. */
export type TextMessages = { tooLong?: string; badCharacters?: string };
type TextOptions = TextMessages & { multiline?: boolean };

/**
 * The one zod field for typed text: trimmed, at most `max` characters, without control characters (line breaks and
 * tabs only when `multiline`). Optional: empty is "" (add .optional() for a field a form may leave out).
 */
export function textField(max: number, options: TextOptions = {}) {
  const { tooLong = "errors.tooLong", badCharacters = "errors.badCharacters", multiline = false } = options;
  return z.string().trim().max(max, { error: tooLong }).refine(withoutControlCharacters(multiline), { error: badCharacters });
}

/** As textField, and not empty: `required` is the message when nothing was typed (or the field is missing). */
export function requiredTextField(max: number, required: string, options: TextOptions = {}) {
  const { tooLong = "errors.tooLong", badCharacters = "errors.badCharacters", multiline = false } = options;
  return z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(max, { error: tooLong })
    .refine(withoutControlCharacters(multiline), { error: badCharacters });
}

/** Markup and template brackets: no one's name holds one (a pasted "<b>Adam</b>" is typed again). */
const NAME_SYMBOLS = /[<>{}]/;

/**
 * A person's name: a required one-line text that also refuses direction and invisible characters, and markup or
 * template brackets.
 */
export function nameField(max: number, required: string, options: TextMessages = {}) {
  const { badCharacters = "errors.badCharacters" } = options;
  return requiredTextField(max, required, options)
    .refine((value) => !NAME_SYMBOLS.test(value), { error: badCharacters })
    .refine(withoutInvisibleCharacters, { error: INVISIBLE_CHARACTERS });
}

/** A name a form may leave empty (a started row makes it required elsewhere): textField plus the name rule. */
export function optionalNameField(max: number, options: TextMessages = {}) {
  const { badCharacters = "errors.badCharacters" } = options;
  return textField(max, options)
    .refine((value) => !NAME_SYMBOLS.test(value), { error: badCharacters })
    .refine(withoutInvisibleCharacters, { error: INVISIBLE_CHARACTERS });
}
