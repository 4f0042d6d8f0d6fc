import { describe, expect, it } from "vitest";
import { csvCell, exportRow, toCsv } from "./csv.ts";

describe("CSV", () => {
  it.each(["=1+1", "+45 20 12 34 56", "-2", "@SUM(A1)", "\t=cmd"])("neutralises a cell a spreadsheet would run: %j", (value) => {
    expect(csvCell(value).replace(/^"/, "")).toMatch(/^'/);
  });
  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell('Ali "Ace"; 2')).toBe('"Ali ""Ace""; 2"');
    expect(csvCell("a\nb")).toBe('"a\nb"');
  });
  it.each([
    ["\u202Eevil", "evil"],
    ["Ali\u200F \u2066Ace\u2069", "Ali Ace"],
    ["a\u200Bb\uFEFF", "ab"],
    ["\u061Cمرحبا", "مرحبا"],
    ["\u202E=1+1", "'=1+1"],
    ["سارة\u200C", "سارة\u200C"],
  ])("leaves direction and invisible characters out of a cell: %j → %j", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
  it("leaves them out of an xlsx row's text cells, numbers untouched", () => {
    expect(exportRow(["\u202Eevil", 45, null])).toEqual(["evil", 45, null]);
  });
  // What Danish Excel (decimal comma, ";" as list separator) makes of a cell: "2.1" is a date (2 January),
  // "2,1" the number 2.1.
  it.each([
    [2.1, "2,1"],
    [12.25, "12,25"],
    [0.5, "0,5"],
    [45, "45"],
    [1234.5, "1234,5"],
    [-2.5, "-2,5"],
  ])("writes the number %d as Danish Excel reads a number: %s", (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
  it("a payroll row: hours and kroner as Danish numbers, text as text", () => {
    expect(toCsv([["Ali", "2012-05-01", 45.5, 2.1, 95.55]])).toBe("\uFEFFAli;2012-05-01;45,5;2,1;95,55\r\n");
  });
  it("starts with a BOM so Excel reads æøå and Arabic", () => {
    expect(toCsv([["Navn"], ["Søren"]])).toBe("\uFEFFNavn\r\nSøren\r\n");
  });
});
