// A field people never see and bots fill in: a form posted with it filled is
// answered as if it worked, and nothing is done. Used on the public forms
// that cost something (the sign-in form sends an e-mail or an SMS).
/** Not "website" or "url": password managers and autofill profiles may fill those for a real person. */
export const HONEYPOT_FIELD = "hp_homepage";

export function caughtInHoneypot(form: FormData): boolean {
  const value = form.get(HONEYPOT_FIELD);
  return typeof value === "string" ? value.length > 0 : value !== null;
}
