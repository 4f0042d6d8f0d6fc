import { describe, expect, it } from "vitest";
import { suppressCells, suppressOne } from "./suppression.ts";

const values = (cells: ReturnType<typeof suppressCells>) => cells.map((cell) => (cell.kind === "value" ? cell.value : cell.kind));

describe("small-cell suppression", () => {
  it("hides 1–4 and shows 0 and 5 (the boundary)", () => {
    expect(values(suppressCells([0, 1, 4, 5, 6, 1, 2], { partition: false }))).toEqual([0, "small", "small", 5, 6, "small", "small"]);
    expect(suppressOne(4)).toEqual({ kind: "small" });
    expect(suppressOne(5)).toEqual({ kind: "value", value: 5 });
    expect(suppressOne(0)).toEqual({ kind: "value", value: 0 });
  });

  it("takes the threshold as a setting", () => {
    expect(values(suppressCells([9, 10, 11], { partition: false, min: 10 }))).toEqual(["small", 10, 11]);
  });

  it("hides a second cell when one hidden cell could be worked out from the total", () => {
    // 3 + 7 + 12 = 22 shown as total: without a second hidden cell, 3 = 22 − 7 − 12.
    expect(values(suppressCells([3, 12, 7], { partition: true }))).toEqual(["small", 12, "hidden"]);
  });

  it("hides no second cell when two are already hidden, or the total is small anyway", () => {
    expect(values(suppressCells([3, 2, 20], { partition: true }))).toEqual(["small", "small", 20]);
    expect(values(suppressCells([3, 0, 0], { partition: true }))).toEqual(["small", 0, 0]);
  });

  it("never picks a zero cell as the second one (a zero hides nothing)", () => {
    expect(values(suppressCells([0, 2, 0, 8, 30], { partition: true }))).toEqual([0, "small", 0, "hidden", 30]);
  });

  it("leaves a breakdown without small cells alone", () => {
    expect(values(suppressCells([5, 50, 0], { partition: true }))).toEqual([5, 50, 0]);
  });
});
