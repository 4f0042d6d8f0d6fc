import { describe, expect, it } from "vitest";
import { cellText, cellValue, labelText, monthLabel } from "./report-labels.ts";

const t = (key: string, params?: Record<string, unknown>) => (params ? `${key}:${JSON.stringify(params)}` : key);

describe("report labels and cells", () => {
  it("name months with Intl in the reader's language", () => {
    expect(monthLabel("2026-07", "da")).toBe("juli 2026");
    expect(monthLabel("2026-12", "en")).toBe("December 2026");
    expect(labelText({ key: "month", params: { month: "2026-01" } }, t, "da")).toBe("januar 2026");
  });

  it("use names as they are and translate keys", () => {
    expect(labelText({ text: "Vangdalen" }, t, "da")).toBe("Vangdalen");
    expect(labelText({ key: "ageBand", params: { band: "6-12" } }, t, "da")).toBe('ageBand:{"band":"6-12"}');
  });

  it("show suppressed cells as <5 and .., and keep numbers numbers in a spreadsheet", () => {
    expect(cellText({ kind: "value", value: 1234 }, "da", 5)).toBe("1.234");
    expect(cellText({ kind: "small" }, "ar", 5)).toBe("<5");
    expect(cellText({ kind: "hidden" }, "da", 5)).toBe("..");
    expect(cellValue({ kind: "value", value: 0 }, 5)).toBe(0);
    expect(cellValue({ kind: "small" }, 10)).toBe("<10");
  });
});
