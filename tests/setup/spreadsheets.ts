// Spreadsheets of existing participants as the programme has them, for the
// import's tests and its benchmark: families of one to three children with a
// guardian and a phone number, Danish and Arabic/Somali/Turkish names in
// Latin letters, dates written the Danish way — and the mess: rows typed
// twice, impossible dates, names that are already in the register.

const FIRST = ["Adam", "Sara", "Mohamed", "Amina", "Yusuf", "Fatima", "Søren", "Ærø", "Åse", "Zeynep", "Hodan", "Emil", "Ida", "Omar", "Layla", "Ahmed"];
const LAST = ["Jensen", "Ali", "Hansen", "Yilmaz", "Abdi", "Nielsen", "Øster", "Hussein", "Kaya", "Møller", "Farah", "Pedersen"];
const GUARDIAN = ["Fatima", "Hassan", "Mette", "Aisha", "Lars", "Khadija", "Mehmet", "Hanne"];

export type SheetOptions = {
  rows: number;
  /** Every n-th row is typed again further down (a duplicate within the file). 0: none. */
  duplicateEvery?: number;
  /** Every n-th row has an impossible date (31-02-…). 0: none. */
  badDateEvery?: number;
  areas: string[];
  /** A number making the names and phones of this file differ from another's. */
  seed?: number;
};

export type SheetRow = string[];
export const SHEET_HEADINGS = ["Fornavn", "Efternavn", "Fødselsdato", "Køn", "Boligområde", "Forælder", "Forælder telefon", "E-mail"];

/** The rows (without headings) and how many duplicates and bad dates they hold. */
export function childrenSheet(options: SheetOptions): { rows: SheetRow[]; duplicates: number; badDates: number } {
  const seed = options.seed ?? 1;
  const rows: SheetRow[] = [];
  let duplicates = 0;
  let badDates = 0;
  let family = 0;
  let child = 0;
  while (rows.length < options.rows) {
    const index = rows.length;
    if (options.duplicateEvery && index > 0 && index % options.duplicateEvery === 0) {
      const earlier = rows[index - Math.ceil(options.duplicateEvery / 2)]!;
      // Not a row that is itself refused: it must be the same person, spelled the same.
      if (!earlier[2]!.startsWith("31-02")) {
        rows.push([...earlier]);
        duplicates++;
        continue;
      }
    }
    if (child === 0) family++;
    const lastName = `${LAST[family % LAST.length]}${family}s${seed}`;
    const first = `${FIRST[(index * 7) % FIRST.length]}${index}`;
    const year = 2010 + (index % 10);
    const bad = options.badDateEvery && index % options.badDateEvery === options.badDateEvery - 1;
    if (bad) badDates++;
    const date = bad ? `31-02-${year}` : `${String((index % 28) + 1).padStart(2, "0")}-${String((index % 12) + 1).padStart(2, "0")}-${year}`;
    const phone = `${20000000 + seed * 100000 + family}`;
    rows.push([
      first,
      lastName,
      date,
      index % 2 ? "Pige" : "Dreng",
      options.areas[family % options.areas.length]!,
      `${GUARDIAN[family % GUARDIAN.length]} ${lastName}`,
      `${phone.slice(0, 2)} ${phone.slice(2, 4)} ${phone.slice(4, 6)} ${phone.slice(6)}`,
      family % 3 === 0 ? `familie${family}.${seed}@example.dk` : "",
    ]);
    child = (child + 1) % (1 + (family % 3));
  }
  return { rows, duplicates, badDates };
}

/** A semicolon CSV as Danish Excel saves it: CRLF line ends, cells quoted when they must be. */
export function toDanishCsv(headings: string[], rows: SheetRow[]): string {
  const cell = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  return [headings, ...rows].map((row) => row.map(cell).join(";")).join("\r\n") + "\r\n";
}

/** Text in Windows-1252 (every character of the test files is in it). */
export function windows1252(text: string): Uint8Array {
  const high = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";
  return Uint8Array.from(
    [...text].map((char) => {
      const code = char.charCodeAt(0);
      const index = high.indexOf(char);
      if (index >= 0 && (code > 0xff || (code >= 0x80 && code <= 0x9f))) return 0x80 + index;
      if (code > 0xff) throw new Error(`Not in Windows-1252: ${char}`);
      return code;
    }),
  );
}
