import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv.ts";

describe("CSV", () => {
  it.each(["=1+1", "+45 20 12 34 56", "-2", "@SUM(A1)", "\t=cmd"])("neutralises a cell a spreadsheet would run: %j", (value) => {
    expect(csvCell(value).replace(/^"/, "")).toMatch(/^'/);
  });
  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell('Ali "Ace"; 2')).toBe('"Ali ""Ace""; 2"');
    expect(csvCell("a\nb")).toBe('"a\nb"');
  });
  it("starts with a BOM so Excel reads æøå and Arabic", () => {
    expect(toCsv([["Navn"], ["Søren"]])).toBe("\uFEFFNavn\r\nSøren\r\n");
  });
});
