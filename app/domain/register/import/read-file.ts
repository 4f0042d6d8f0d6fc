// Reads a spreadsheet as staff have it into a plain table of text cells:
// xlsx (through exceljs, the one xlsx library the portal already uses for its
// exports), and CSV as Danish Excel writes it — semicolons (or commas, or
// tabs), quoted cells with line breaks, UTF-8 with or without a byte-order
// mark, UTF-16 ("Unicode text"), or Windows-1252 (Excel's "CSV" on a Danish
// Windows: æøå as single bytes). Pure; no database, no HTTP.
import ExcelJS from "exceljs";
import { DomainError } from "../../errors.ts";

/** A sheet as text: the heading row and the rows under it, each with its row number as the spreadsheet shows it. */
export type Table = { headings: string[]; rows: { row: number; cells: string[] }[] };

export type FileProblem = "empty" | "oldExcel" | "unreadable" | "tooManyRows" | "tooManyColumns";

export class FileError extends DomainError<FileProblem> {
  constructor(code: FileProblem) {
    super("import", code);
  }
}

/** More columns than a mapping form can name (list indexes stop at 99, server/request-body.ts). */
export const MAX_COLUMNS = 100;

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/**
 * The text of a CSV file and the encoding it was written in: a byte-order mark decides; without one, bytes that are
 * valid UTF-8 are UTF-8 (plain ASCII is both), anything else is Windows-1252 — a Danish Excel's "CSV (semikolon-
 * separeret)" — whose every byte is a character, so it never fails.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

// Bytes 0x80–0x9F of Windows-1252 (€, curly quotes, dashes, Š, Œ, Ÿ …); the rest is Latin-1. Node's TextDecoder
// ("windows-1252") decodes these as the C1 control characters of Latin-1 instead, so the table is here.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("latin1").decode(bytes).replace(/[\u0080-\u009f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

/** The separator of a CSV text: the one of `;`, `,` and tab found most often in its first line outside quotes (a tie: `;`). */
export function detectDelimiter(text: string): ";" | "," | "\t" {
  const counts = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts]++;
  }
  if (counts["\t"] > counts[";"] && counts["\t"] > counts[","]) return "\t";
  return counts[","] > counts[";"] ? "," : ";";
}

/** The records of a CSV text (RFC 4180: `"` quotes, `""` inside quotes is one quote, line breaks inside quotes kept). */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === "") {
      cell = "";
      quoted = true;
    } else if (char === delimiter) {
      record.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
    } else cell += char;
  }
  if (cell !== "" || record.length) {
    record.push(cell);
    records.push(record);
  }
  return records;
}

/** A table from records: the first row with any text is the headings; empty rows are dropped; row numbers as the sheet shows them. */
export function tableOf(records: string[][], maxRows: number): Table {
  const numbered = records.map((cells, index) => ({ row: index + 1, cells: cells.map((cell) => cell.trim()) })).filter((record) => record.cells.some(Boolean));
  const [head, ...rows] = numbered;
  if (!head) throw new FileError("empty");
  while (head.cells.length && !head.cells.at(-1)) head.cells.pop();
  if (head.cells.length > MAX_COLUMNS) throw new FileError("tooManyColumns");
  if (rows.length > maxRows) throw new FileError("tooManyRows");
  if (!rows.length) throw new FileError("empty");
  const width = head.cells.length;
  return { headings: head.cells, rows: rows.map((record) => ({ row: record.row, cells: Array.from({ length: width }, (_, i) => record.cells[i] ?? "") })) };
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
/** The old binary .xls (OLE compound file): not read; staff save it as xlsx or CSV. */
const isOldExcel = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/** A cell of exceljs as the text the sheet shows (a date as YYYY-MM-DD: Excel keeps dates as days, exceljs as UTC midnight). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value).replace(".", ",");
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ("text" in value) return String(value.text);
  return "";
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new FileError("unreadable");
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) throw new FileError("empty");
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[]; // 1-based: values[0] is empty
    records[rowNumber - 1] = values.slice(1).map((value) => cellText(value));
  });
  return Array.from(records, (record) => record ?? []);
}

/** Reads an uploaded spreadsheet (xlsx or CSV, recognised by its bytes, not its name) into a table of at most `maxRows` rows. */
export async function readSpreadsheet(bytes: Uint8Array, maxRows: number): Promise<Table & { format: "xlsx" | "csv"; encoding: Encoding | null }> {
  if (!bytes.length) throw new FileError("empty");
  if (isOldExcel(bytes)) throw new FileError("oldExcel");
  if (isZip(bytes)) return { ...tableOf(await readXlsx(bytes), maxRows), format: "xlsx", encoding: null };
  const { text, encoding } = decodeText(bytes);
  // eslint-disable-next-line no-control-regex -- a NUL in decoded text means the file is no text at all
  if (/\u0000/.test(text)) throw new FileError("unreadable");
  return { ...tableOf(parseCsv(text), maxRows), format: "csv", encoding };
}
