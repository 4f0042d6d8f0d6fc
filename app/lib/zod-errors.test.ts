import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { INVALID_VALUE, OUT_OF_RANGE, REQUIRED, TOO_LONG, TOO_MANY, translateZodErrors, zodIssueKey } from "./zod-errors.ts";

const root = path.resolve(import.meta.dirname, "../..");

function message(schema: z.ZodType, input: unknown): { code: string; message: string } {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`${JSON.stringify(input)} was accepted`);
  const issue = result.error.issues[0]!;
  return { code: issue.code, message: issue.message };
}

beforeAll(() => translateZodErrors());

describe("zod's own messages become translation keys", () => {
  // One row per issue code zod 4 can produce (node_modules/zod/v4/core/errors.d.ts), with the schema that makes it.
  it.each(
    (
      [
        ["invalid_type", "a checkbox that got a word", z.boolean(), "yes", INVALID_VALUE],
        ["invalid_type", "a field left out", z.string(), undefined, REQUIRED],
        ["invalid_type", "a number that got letters", z.number(), "abc", INVALID_VALUE],
        ["too_small", "an empty text that must have one character", z.string().min(1), "", REQUIRED],
        ["too_small", "an empty list that needs one choice", z.array(z.string()).min(1), [], REQUIRED],
        ["too_small", "a text shorter than 3", z.string().min(3), "ab", INVALID_VALUE],
        ["too_small", "a number below its minimum", z.number().min(1), 0, OUT_OF_RANGE],
        ["too_small", "a date before its minimum", z.date().min(new Date("2020-01-01")), new Date("2019-01-01"), OUT_OF_RANGE],
        ["too_big", "a text too long", z.string().max(3), "abcd", TOO_LONG],
        ["too_big", "too many choices", z.array(z.string()).max(1), ["a", "b"], TOO_MANY],
        ["too_big", "too many in a set", z.set(z.string()).max(1), new Set(["a", "b"]), TOO_MANY],
        ["too_big", "a number above its maximum", z.number().max(10), 11, OUT_OF_RANGE],
        ["invalid_format", "not a uuid", z.string().uuid(), "abc", INVALID_VALUE],
        ["invalid_format", "not an e-mail address", z.string().email(), "abc", INVALID_VALUE],
        ["invalid_format", "not matching a pattern", z.string().regex(/^\d+$/), "abc", INVALID_VALUE],
        ["not_multiple_of", "not a multiple", z.number().multipleOf(5), 7, INVALID_VALUE],
        ["unrecognized_keys", "a key the form does not have", z.strictObject({ a: z.string() }), { a: "x", b: "y" }, INVALID_VALUE],
        ["invalid_union", "no option fits", z.union([z.number(), z.boolean()]), "abc", INVALID_VALUE],
        ["invalid_union", "an unknown form intent", z.discriminatedUnion("intent", [z.object({ intent: z.literal("a") })]), { intent: "b" }, INVALID_VALUE],
        ["invalid_key", "a record key that is not allowed", z.record(z.string().regex(/^a/), z.string()), { b: "x" }, INVALID_VALUE],
        ["invalid_key", "a map key that is not allowed", z.map(z.object({ a: z.string() }), z.number()), new Map([[{}, 1]]), INVALID_VALUE],
        ["invalid_element", "a map value that is not allowed", z.map(z.object({}), z.number()), new Map([[{}, "x"]]), INVALID_VALUE],
        ["invalid_value", "not one of an enum", z.enum(["da", "en"]), "fr", INVALID_VALUE],
        ["invalid_value", "not the literal", z.literal("save"), "delete", INVALID_VALUE],
        ["custom", "a refinement without a message", z.string().refine(() => false), "x", INVALID_VALUE],
      ] as const
    ).map(([code, what, schema, input, key]) => ({ code, what, schema, input, key })),
  )("$code ($what) → $key", ({ code, schema, input, key }) => {
    expect(message(schema as z.ZodType, input)).toEqual({ code, message: key });
  });

  it("covers every code zod's issue type names, and gives an unknown one the generic key", () => {
    const declared = fs.readFileSync(path.join(root, "node_modules/zod/v4/core/errors.d.ts"), "utf8");
    const codes = [...new Set([...declared.matchAll(/readonly code: "(\w+)"/g)].map((match) => match[1]!))].sort();
    expect(codes).toEqual(
      [
        "custom",
        "invalid_element",
        "invalid_format",
        "invalid_key",
        "invalid_type",
        "invalid_union",
        "invalid_value",
        "not_multiple_of",
        "too_big",
        "too_small",
        "unrecognized_keys",
      ].sort(),
    );
    for (const code of codes) expect(zodIssueKey({ code })).toMatch(/^common:errors\.\w+$/);
    expect(zodIssueKey({ code: "some_future_code" })).toBe(INVALID_VALUE);
  });

  it("leaves a schema's own message alone", () => {
    expect(message(z.string({ error: "errors.nameRequired" }), undefined).message).toBe("errors.nameRequired");
  });

  it("uses keys that exist in Danish, English and Arabic", () => {
    for (const language of ["da", "en", "ar"]) {
      const errors = (JSON.parse(fs.readFileSync(path.join(root, "locales", language, "common.json"), "utf8")) as { errors: Record<string, string> }).errors;
      for (const key of [INVALID_VALUE, REQUIRED, TOO_LONG, TOO_MANY, OUT_OF_RANGE])
        expect(errors[key.replace("common:errors.", "")], `${language} ${key}`).toBeTruthy();
    }
  });

  it("is installed by a call, never by an import for its effect alone, which the build drops (package.json sideEffects)", () => {
    // The class of the bug: a module imported only for what it does at import time is left out of the server build.
    const sideEffects = (JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { sideEffects: string[] }).sideEffects;
    const kept = (file: string) => sideEffects.some((pattern) => pattern.startsWith("*.") && file.endsWith(pattern.slice(1)));
    const bare: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "generated") walk(full);
        } else if (/\.tsx?$/.test(entry.name)) {
          for (const match of fs.readFileSync(full, "utf8").matchAll(/^import\s+["']([^"']+)["'];?$/gm))
            if (!kept(match[1]!)) bare.push(`${path.relative(root, full)}: ${match[0]}`);
        }
      }
    };
    walk(path.join(root, "app"));
    expect(bare).toEqual([]);
    expect(fs.readFileSync(path.join(root, "app/entry.server.tsx"), "utf8")).toMatch(/^translateZodErrors\(\);$/m);
  });
});
