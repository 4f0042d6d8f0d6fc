// CSV for spreadsheets (Excel in Danish: semicolon-separated, UTF-8 with a
// byte-order mark). Cells that a spreadsheet would run as a formula
// (=, +, -, @, tab, carriage return at the start) are neutralised with a
// leading apostrophe: exported names must never execute.
const FORMULA = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[;"\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(";")).join("\r\n")}\r\n`;
}
