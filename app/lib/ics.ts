// Calendar files (.ics) as RFC 5545 wants their lines: at most 75 octets
// each, longer ones folded (CRLF and one space). The `ics` package folds at
// 75 *characters*: an Arabic name or a Danish æøå makes a line longer than 75
// bytes, which strict readers cut or refuse. A fold never splits the bytes of
// one character.

const encoder = new TextEncoder();
/** RFC 5545 § 3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break." */
export const ICS_LINE_OCTETS = 75;

/** One content line folded at 75 octets; a continuation starts with a space, which counts. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = ICS_LINE_OCTETS;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = ICS_LINE_OCTETS - 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** A whole calendar folded again at 75 octets (whatever folding it had is undone first). */
export function foldCalendar(text: string): string {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("\r\n")
    .map(foldLine)
    .join("\r\n");
}
