// How many SMS a text costs. An SMS carries 140 bytes: 160 characters of the
// GSM 03.38 alphabet (7 bits each), or 70 UTF-16 code units (UCS-2) when one
// character is outside it — an Arabic letter, an emoji (two units, a surrogate
// pair), a curly quote. A longer text is split into concatenated parts, each
// losing 6 bytes to its header: 153 GSM characters or 67 UCS-2 units a part.
// A part never splits a character: an extension-table character (two GSM
// septets: ESC + the character) or a surrogate pair that does not fit moves
// whole to the next part, so the count is what the network bills. Pure.
// Sources: 3GPP TS 23.038 §6.2.1 (the alphabet and its extension table), TS 23.040 §9.2.3.24.1 (concatenation).

/** The GSM 03.38 default alphabet (one septet each). ESC (0x1B) is left out: it only introduces the extension table. */
const GSM_BASIC = new Set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
/** The extension table: each costs two septets (ESC + the character). \f is its form feed. */
const GSM_EXTENSION = new Set("\f^{}\\[~]|€");

export type SmsEncoding = "GSM-7" | "UCS-2";

/** The limits a part has, by encoding: alone, and as one of several (concatenated). */
export const SEGMENT_LIMITS: Record<SmsEncoding, { single: number; concatenated: number }> = {
  "GSM-7": { single: 160, concatenated: 153 },
  "UCS-2": { single: 70, concatenated: 67 },
};

/** Whether the whole text fits the GSM alphabet (basic or extension table). */
export function isGsm7(text: string): boolean {
  for (const char of text) if (!GSM_BASIC.has(char) && !GSM_EXTENSION.has(char)) return false;
  return true;
}

export type SegmentCount = {
  encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes. */
  units: number;
  /** SMS billed: at least 1 (an empty text is still one message). */
  segments: number;
};

/** The SMS a text takes: encoding, length in its units, and parts. */
export function countSegments(text: string): SegmentCount {
  const encoding: SmsEncoding = isGsm7(text) ? "GSM-7" : "UCS-2";
  // Each character's cost in units: GSM 1 or 2 (extension table); UCS-2 1, or 2 for a surrogate pair (emoji).
  const costs = [...text].map((char) => (encoding === "GSM-7" ? (GSM_EXTENSION.has(char) ? 2 : 1) : char.length));
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const { single, concatenated } = SEGMENT_LIMITS[encoding];
  if (units <= single) return { encoding, units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > concatenated) {
      segments++;
      used = 0;
    }
    used += cost;
  }
  return { encoding, units, segments };
}
