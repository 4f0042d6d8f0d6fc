// The one text rule (text-rules.ts), line by line: what each field builder takes and what it answers.
import { describe, expect, it } from "vitest";
import { INVISIBLE_CHARACTERS, nameField, optionalNameField, requiredTextField, textField } from "./text-rules.ts";

/** The first message a field gives for a value, or the value it keeps. */
function answer(field: { safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: { message: string }[] } } }, value: unknown) {
  const result = field.safeParse(value);
  return result.success ? { ok: result.data } : { error: result.error!.issues[0]!.message };
}

describe("textField, requiredTextField, nameField", () => {
  const line = textField(10);
  const paragraph = textField(10, { multiline: true });
  const required = requiredTextField(10, "errors.titleRequired");
  const own = requiredTextField(10, "errors.motivationRequired", { tooLong: "errors.motivationTooLong", multiline: true });
  const name = nameField(10, "errors.nameRequired");
  const optionalName = optionalNameField(10);

  it.each([
    // field, typed, answer (the field itself last)
    ["line", "  Ali  ", { ok: "Ali" }, line],
    ["line", "", { ok: "" }, line],
    ["line", "a".repeat(10), { ok: "a".repeat(10) }, line],
    ["line", "a".repeat(11), { error: "errors.tooLong" }, line],
    ["line", "a\nb", { error: "errors.badCharacters" }, line],
    ["line", "a\tb", { error: "errors.badCharacters" }, line],
    ["line", "a\u0000b", { error: "errors.badCharacters" }, line],
    ["line", "a\u007fb", { error: "errors.badCharacters" }, line],
    ["line", "<b>{x}</b>", { ok: "<b>{x}</b>" }, line], // shown escaped, never refused for its characters
    ["line", "مرحبا\u200F", { ok: "مرحبا\u200F" }, line], // free text may hold a direction mark
    ["paragraph", "a\nb\tc", { ok: "a\nb\tc" }, paragraph],
    ["paragraph", "a\r\nb", { ok: "a\r\nb" }, paragraph],
    ["paragraph", "a\u0007b", { error: "errors.badCharacters" }, paragraph],
    ["required", "   ", { error: "errors.titleRequired" }, required],
    ["required", undefined, { error: "errors.titleRequired" }, required],
    ["required", 5, { error: "errors.titleRequired" }, required],
    ["required", " x ", { ok: "x" }, required],
    ["own messages", "a".repeat(11), { error: "errors.motivationTooLong" }, own],
    ["own messages", "a\nb", { ok: "a\nb" }, own],
    ["name", "Muhammad", { ok: "Muhammad" }, name],
    ["name", "ليلى", { ok: "ليلى" }, name],
    ["name", "evil\u202Egnp", { error: INVISIBLE_CHARACTERS }, name],
    ["name", "Ali\u200B", { error: INVISIBLE_CHARACTERS }, name],
    ["name", "Ali\nAli", { error: "errors.badCharacters" }, name],
    ["name", "", { error: "errors.nameRequired" }, name],
    ["name", "<b>Ad</b>", { error: "errors.badCharacters" }, name],
    ["name", "Ali {x}", { error: "errors.badCharacters" }, name],
    ["optional name", "", { ok: "" }, optionalName],
    ["optional name", "Adam<", { error: "errors.badCharacters" }, optionalName],
    ["optional name", "Adam\u2066", { error: INVISIBLE_CHARACTERS }, optionalName],
  ] as const)("%s: %j → %j", (_label, typed, expected, field) => {
    expect(answer(field, typed)).toEqual(expected);
  });
});
