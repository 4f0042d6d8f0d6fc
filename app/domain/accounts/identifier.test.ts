import { describe, expect, it } from "vitest";
import { displayIdentifier, normalisePhone, parseIdentifier } from "./identifier.ts";

describe("parseIdentifier", () => {
  it.each([
    ["Sofie@Example.DK", { kind: "email", value: "sofie@example.dk" }],
    ["  a.b+c@randers.dk ", { kind: "email", value: "a.b+c@randers.dk" }],
    ["20 12 34 56", { kind: "phone", value: "+4520123456" }],
    ["+45 20 12 34 56", { kind: "phone", value: "+4520123456" }],
    ["0045-20123456", { kind: "phone", value: "+4520123456" }],
    ["٢٠ ١٢ ٣٤ ٥٦", { kind: "phone", value: "+4520123456" }],
    ["۲۰۱۲۳۴۵۶", { kind: "phone", value: "+4520123456" }],
  ])("reads %j", (input, expected) => {
    expect(parseIdentifier(input)).toEqual(expected);
  });

  it.each([
    "",
    "   ",
    "sofie@",
    "@example.dk",
    "sofie@example",
    "1234567",
    "123456789",
    "+45 2012345",
    "+45 201234567",
    "20-12-34-5a",
    `${"a".repeat(250)}@x.dk`,
    "(+46) 70 123 45 67",
    "+882 1234 5678",
  ])("refuses %j", (input) => {
    expect(parseIdentifier(input)).toBeNull();
  });

  it("needs exactly 8 digits for a Danish number", () => {
    expect(normalisePhone("2012345")).toBeNull();
    expect(normalisePhone("20123456")).toBe("+4520123456");
    expect(normalisePhone("201234567")).toBeNull();
  });

  it("shows a Danish number back in groups of two", () => {
    expect(displayIdentifier({ kind: "phone", value: "+4520123456" })).toBe("+45 20 12 34 56");
  });
});
