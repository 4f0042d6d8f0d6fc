import { describe, expect, it } from "vitest";
import { countSegments, isGsm7 } from "./segments.ts";

const ar = "م"; // one Arabic letter: one UCS-2 unit
const emoji = "😀"; // outside the Basic Multilingual Plane: a surrogate pair, two units

describe("countSegments (3GPP TS 23.038 / 23.040)", () => {
  it.each([
    // text, encoding, units, segments — read against the limits: GSM 160 alone / 153 a part, UCS-2 70 / 67
    ["", "GSM-7", 0, 1],
    ["a".repeat(160), "GSM-7", 160, 1],
    ["a".repeat(161), "GSM-7", 161, 2],
    ["a".repeat(306), "GSM-7", 306, 2],
    ["a".repeat(307), "GSM-7", 307, 3],
    ["Æble, øl og å: 5 € — nej", "UCS-2", 24, 1], // the em dash is not GSM: the whole text goes UCS-2
    ["Æble, øl og å", "GSM-7", 13, 1], // Danish letters are in the GSM alphabet
    ["€".repeat(80), "GSM-7", 160, 1], // extension table: two septets each
    ["€".repeat(81), "GSM-7", 162, 2],
    ["a" + "€".repeat(76) + "b", "GSM-7", 154, 1],
    // 152 septets, then a two-septet € does not fit the first part's 153: it moves whole to the second
    ["a".repeat(152) + "€" + "a".repeat(10), "GSM-7", 164, 2],
    ["a".repeat(152) + "€" + "a".repeat(152), "GSM-7", 306, 3], // 306 septets would be 2 parts if ESC and € could be split
    [ar.repeat(70), "UCS-2", 70, 1],
    [ar.repeat(71), "UCS-2", 71, 2],
    [ar.repeat(134), "UCS-2", 134, 2],
    [ar.repeat(135), "UCS-2", 135, 3],
    ["a".repeat(70), "GSM-7", 70, 1],
    [emoji.repeat(35), "UCS-2", 70, 1],
    [emoji.repeat(36), "UCS-2", 72, 2],
    // 66 units, then a surrogate pair does not fit the first part's 67: it moves whole to the second
    [ar.repeat(66) + emoji + ar.repeat(66), "UCS-2", 134, 3], // 134 units would be 2 parts if a pair could be split
    [ar.repeat(66) + emoji + ar.repeat(64), "UCS-2", 132, 2],
  ] as const)("%j: %s, %i units, %i SMS", (text, encoding, units, segments) => {
    expect(countSegments(text)).toEqual({ encoding, units, segments });
  });

  it("counts a real Arabic reminder as UCS-2", () => {
    const text = "تذكير: النشاط غدًا الساعة 16:00 في صالة الألعاب. مع أطيب التحيات";
    expect(countSegments(text).encoding).toBe("UCS-2");
    expect(countSegments(text).segments).toBe(1);
    expect(countSegments(text + " " + text).segments).toBe(2);
  });

  it.each([
    ["Hej! Husk madpakke (og 20 kr.) @ klubben #1", true],
    ["Price: [10] {x} ~y | z ^ \\", true],
    ["“quoted”", false],
    ["ç is GSM only as Ç", false],
    ["tab\there", false],
  ])("isGsm7(%j) is %s", (text, expected) => {
    expect(isGsm7(text)).toBe(expected);
  });
});
