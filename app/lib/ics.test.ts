import { createEvent } from "ics";
import { describe, expect, it } from "vitest";
import { foldCalendar, foldLine } from "./ics.ts";

const octets = (text: string) => new TextEncoder().encode(text).length;
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

describe("ics lines at 75 octets (RFC 5545 § 3.1), issue 19 defect 14", () => {
  it("an Arabic title is folded by bytes, never inside a character, and unfolds to the same text", () => {
    const title = "ملعب الأطفال الصيفي في حي فيستربرو – ليلى، يوسف، مريم وعبد الرحمن";
    const { value } = createEvent({ start: Date.UTC(2027, 0, 14, 15), startInputType: "utc", duration: { hours: 2 }, title, productId: "x" });
    const folded = foldCalendar(value!);
    const lines = folded.split("\r\n");
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    // Each physical line is whole UTF-8: no replacement character when decoded alone.
    for (const line of lines) expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(line))).toBe(line);
    expect(unfold(folded)).toContain(`SUMMARY:${title}`);
    expect(folded.split("\r\n").filter((line) => line.startsWith(" ")).length).toBeGreaterThan(0);
  });

  it("folds at exactly 75 octets, a continuation's space counting; æøå take two", () => {
    const line = `SUMMARY:${"a".repeat(67)}æøå${"b".repeat(80)}`;
    const parts = foldLine(line).split("\r\n");
    expect(octets(parts[0]!)).toBe(75);
    expect(parts.slice(1).every((part) => part.startsWith(" ") && octets(part) <= 75)).toBe(true);
    expect(parts.map((part, i) => (i ? part.slice(1) : part)).join("")).toBe(line);
    // A two-byte letter that would end at octet 76 moves to the next line whole.
    expect(foldLine(`${"a".repeat(74)}ø`).split("\r\n")).toEqual(["a".repeat(74), " ø"]);
  });

  it("a short line is left alone", () => {
    expect(foldCalendar("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")).toBe("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
  });
});
