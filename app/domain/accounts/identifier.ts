// What a person types to sign in: an e-mail address or a mobile number.
// Pure; normalises to one canonical form so "20 12 34 56", "+45 20123456"
// and "004520123456" are the same account.
import { formatPhone } from "~/lib/format.ts";

export type Identifier = { kind: "email"; value: string } | { kind: "phone"; value: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits, as some phone keyboards type them, to 0-9. */
export function westernDigits(input: string): string {
  return input.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) & 0xf));
}

export function parseIdentifier(input: string): Identifier | null {
  const trimmed = westernDigits(input).trim();
  if (!trimmed || trimmed.length > 254) return null;
  if (trimmed.includes("@")) {
    const email = trimmed.toLowerCase();
    return EMAIL.test(email) ? { kind: "email", value: email } : null;
  }
  const phone = normalisePhone(trimmed);
  return phone ? { kind: "phone", value: phone } : null;
}

/**
 * E.164, Danish numbers only (+45 and 8 digits, the prefix optional): codes
 * go by SMS, and a foreign number would let anyone run up the SMS bill.
 * Families with a foreign number sign in by e-mail.
 */
export function normalisePhone(input: string): string | null {
  if (!/^[\d\s()+\-.]+$/.test(input)) return null;
  let digits = input.replace(/[\s()\-.]/g, "");
  if (digits.startsWith("00")) digits = `+${digits.slice(2)}`;
  if (/^\d{8}$/.test(digits)) return `+45${digits}`;
  if (/^\+45\d{8}$/.test(digits)) return digits;
  return null;
}

/** For showing back to the person who typed it, e.g. "+45 20 12 34 56". */
export function displayIdentifier(identifier: Identifier): string {
  return identifier.kind === "email" ? identifier.value : formatPhone(identifier.value);
}
