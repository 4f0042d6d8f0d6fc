// Issue 19, defect 12 and the last item: the Arabic of the reference and contract texts (and the staff's reference
// form) names no gender. "الشاب" alone is a young man, "مولود" born (m.), "عمل {{name}}" he worked, "فقط تعال"
// come (to one boy). The gender-neutral forms: "الشخص الشاب", verbal nouns ("سبق لـ{{name}} العمل"), the plural.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => JSON.parse(readFileSync(path.join(root, "locales/ar", file), "utf8")) as Record<string, Record<string, string>>;
const MASCULINE = [/(?<!لشخص )الشاب(?!ة|ات)/, /مولود/, /^عمل \{\{name\}\}/, /قام بها/, /أنهى/, /توظيفه/, /ما زال الشاب/, /فقط تعال/, /^بدأ /];

describe("Arabic texts about a young person name no gender", () => {
  const hiring = read("hiring.json");
  const texts = [
    ...["referenceDoc", "contractDoc", "reference"].flatMap((section) => Object.entries(hiring[section]!).map(([key, text]) => [`${section}.${key}`, text])),
    ["application.inSchool", hiring.application!.inSchool!],
    ["hire.inSchool", hiring.hire!.inSchool!],
    ["activities:badge.dropIn", read("activities.json").badge!.dropIn],
  ] as [string, string][];
  it.each(texts)("%s", (_key, text) => {
    for (const pattern of MASCULINE) expect(text).not.toMatch(pattern);
  });
});

// The same for every text that speaks of the young person in the hiring, shifts and jobs pages: "الشاب" alone
// (a young man), "شابًا" (a young man, as object), "ضعه" (put him), "يمكنه" (he can), "توظيفه" (to hire him).
const ABOUT_HIM = [/(?<!لشخص )الشاب(?!ة|ات)/, /(?<!شخصًا )شابًا/, /ضعه/, /يمكنه/, /توظيفه/, /ميلاده/];

function strings(value: unknown, at: string): [string, string][] {
  if (typeof value === "string") return [[at, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => strings(inner, at ? `${at}.${key}` : key));
}

describe("Arabic texts of the hiring, shifts and jobs pages say 'the young person', not 'the young man'", () => {
  const texts = ["hiring", "shifts", "jobs"].flatMap((ns) => strings(read(`${ns}.json`), "").map(([key, text]) => [`${ns}:${key}`, text] as [string, string]));
  it.each(texts)("%s", (_key, text) => {
    for (const pattern of ABOUT_HIM) expect(text).not.toMatch(pattern);
  });
});
