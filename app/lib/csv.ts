// CSV for spreadsheets (Excel in Danish: semicolon-separated, UTF-8 with a
// byte-order mark). Cells that a spreadsheet would run as a formula
// (=, +, -, @, tab, carriage return at the start) are neutralised with a
// leading apostrophe: exported names must never execute. Direction and
// invisible characters are left out of every text cell, here and in the xlsx
// files (forExport, text-rules.ts): a disguised name stays plain in a file.
import { forExport } from "~/domain/text-rules.ts";

const FORMULA = /^[=+\-@\t\r]/;

/** A row for an xlsx sheet: its text cells without direction and invisible characters. */
export function exportRow<T>(row: readonly T[]): (T | string)[] {
  return row.map((cell) => (typeof cell === "string" ? forExport(cell) : cell));
}

// Numbers are written as Danish Excel reads them in a semicolon file: with a decimal comma and no thousands
// separator. "2.1" there is 2 January (or text), "2,1" is two point one (issue 19, defect 7). A number is never a
// formula, so a negative one keeps its minus.
export function csvCell(value: unknown): string {
  if (typeof value === "number" && Number.isFinite(value)) return String(value).replace(".", ",");
  let text = forExport(value === null || value === undefined ? "" : String(value));
  if (FORMULA.test(text)) text = `'${text}`;
  return /[;"\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}
