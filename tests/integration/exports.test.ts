// Spreadsheet exports never carry a formula from what people typed (issue 9,
// formula injection): a name like =HYPERLINK(…) is a text cell in the xlsx
// and starts with an apostrophe in the CSV.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toXlsx } from "../../app/domain/jobs/hours-export.server.ts";
import { toCsv } from "../../app/lib/csv.ts";

const TYPED = ['=HYPERLINK("http://evil.example","klik")', "+45 20 12 34 56", "-1+1", "@SUM(A1:A9)"];

describe("formula injection", () => {
  it("writes typed text into xlsx as text cells, never as formulas", async () => {
    const file = await toXlsx([["Navn", "Timer"], ...TYPED.map((name) => [name, 2])], "Timer");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file);
    const sheet = workbook.worksheets[0]!;
    TYPED.forEach((name, i) => {
      const cell = sheet.getCell(i + 2, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(name);
      expect(cell.formula).toBeUndefined();
    });
  });

  it("neutralises the same text in CSV with a leading apostrophe", () => {
    const lines = toCsv(TYPED.map((name) => [name]))
      .replace("\uFEFF", "")
      .trim()
      .split("\r\n");
    expect(lines.map((line) => line.replace(/^"/, "")[0])).toEqual(TYPED.map(() => "'"));
  });
});
