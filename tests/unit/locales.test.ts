// Every user-visible string exists in Danish, English and Arabic: the same
// keys, the same {{placeholders}}, and every literal key the code asks for.
// Where a number meets a noun the key has i18next's plural forms (key_one,
// key_other, …): exactly the categories Intl.PluralRules gives each language
// (Danish and English one/other, Arabic zero/one/two/few/many/other).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allNamespaces, languages } from "../../app/lib/i18n.ts";

const root = path.resolve(import.meta.dirname, "../..");
type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const catalogue = Object.fromEntries(
  languages.map((language) => {
    const keys = new Map<string, string>();
    for (const file of fs.readdirSync(path.join(root, "locales", language)).filter((name) => name.endsWith(".json"))) {
      const ns = file.replace(/\.json$/, "");
      const tree = JSON.parse(fs.readFileSync(path.join(root, "locales", language, file), "utf8")) as Tree;
      for (const [key, value] of flatten(tree)) keys.set(`${ns}:${key}`, value);
    }
    return [language, keys];
  }),
) as Record<(typeof languages)[number], Map<string, string>>;

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();

const PLURAL = /_(zero|one|two|few|many|other)$/;
const categories = (language: string) => new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];

/** Keys with plural forms grouped by their base ("staff:age" → {one: …, other: …}); other keys as they are. */
function grouped(keys: Map<string, string>) {
  const plurals = new Map<string, Map<string, string>>();
  const plain = new Map<string, string>();
  for (const [key, text] of keys) {
    const form = PLURAL.exec(key)?.[1];
    if (!form) {
      plain.set(key, text);
      continue;
    }
    const base = key.slice(0, -form.length - 1);
    if (!plurals.has(base)) plurals.set(base, new Map());
    plurals.get(base)!.set(form, text);
  }
  return { plurals, plain };
}
const groups = Object.fromEntries(languages.map((language) => [language, grouped(catalogue[language])])) as Record<
  (typeof languages)[number],
  ReturnType<typeof grouped>
>;
/** The keys a reader of the code sees: plural groups under their base. */
const baseKeys = (language: (typeof languages)[number]) => new Set([...groups[language].plain.keys(), ...groups[language].plurals.keys()]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("locales", () => {
  it("has one file per namespace in every language", () => {
    for (const language of languages) {
      for (const ns of allNamespaces) expect(fs.existsSync(path.join(root, "locales", language, `${ns}.json`)), `${language}/${ns}.json`).toBe(true);
    }
  });

  for (const language of ["en", "ar"] as const) {
    it(`${language} has exactly the Danish keys`, () => {
      const da = baseKeys("da");
      const other = baseKeys(language);
      const missing = [...da].filter((key) => !other.has(key));
      const extra = [...other].filter((key) => !da.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${language} uses the same {{placeholders}} as Danish, and no text is empty`, () => {
      for (const [key, text] of groups.da.plain) {
        const other = groups[language].plain.get(key) ?? "";
        expect(placeholders(other), key).toEqual(placeholders(text));
        expect(other.trim(), key).not.toBe("");
      }
      // Plural forms: "other" has the Danish "other"'s placeholders; another form may leave one out where the
      // word says the number (Arabic "سنتان", two years), but names none that Danish does not.
      for (const [base, forms] of groups.da.plurals) {
        const expected = placeholders(forms.get("other") ?? "");
        for (const [form, text] of groups[language].plurals.get(base) ?? []) {
          const names = placeholders(text);
          if (form === "other") expect(names, `${base}_other`).toEqual(expected);
          else
            expect(
              names.filter((name) => !expected.includes(name)),
              `${base}_${form}`,
            ).toEqual([]);
          expect(text.trim(), `${base}_${form}`).not.toBe("");
        }
      }
    });
  }

  for (const language of languages) {
    it(`${language}: every plural key has exactly the forms Intl.PluralRules("${language}") gives (${categories(language).join(", ")})`, () => {
      const wrong: string[] = [];
      const wanted = [...categories(language)].sort();
      for (const [base, forms] of groups[language].plurals) {
        const have = [...forms.keys()].sort();
        if (have.join() !== wanted.join()) wrong.push(`${base}: ${have.join(", ")}`);
        if (groups[language].plain.has(base)) wrong.push(`${base}: also a plain key`);
      }
      expect(wrong).toEqual([]);
    });
  }

  it("a key the code translates with a count has its plural forms, and a plural key is not asked for without one", () => {
    const wrong: string[] = [];
    for (const file of sourceFiles(path.join(root, "app"))) {
      const source = fs.readFileSync(file, "utf8");
      const ns = /i18n-namespace:\s*(\w+)/.exec(source)?.[1] ?? /(?:useTranslation\(|translator\([^,]+,)\s*"(\w+)"/.exec(source)?.[1] ?? "common";
      for (const match of source.matchAll(/\bt\(\s*"([\w.:-]+)"\s*(,\s*\{[^()]*?\})?\s*\)/g)) {
        const key = match[1]!.includes(":") ? match[1]! : `${ns}:${match[1]}`;
        const counted = /[{,]\s*count\s*[:,}]/.test(match[2] ?? "");
        const plural = groups.da.plurals.has(key);
        if (counted && !plural) wrong.push(`${path.relative(root, file)}: ${key} is given a count but has no plural forms`);
        if (!counted && plural) wrong.push(`${path.relative(root, file)}: ${key} has plural forms but is given no count`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("Arabic plural forms differ where Arabic grammar differs (not one text copied into every form)", () => {
    const copied = [...groups.ar.plurals].filter(([, forms]) => new Set([...forms.values()]).size < 3).map(([base]) => base);
    expect(copied).toEqual([]);
  });

  it("has every literal key the code translates", () => {
    const missing: string[] = [];
    for (const file of sourceFiles(path.join(root, "app"))) {
      const source = fs.readFileSync(file, "utf8");
      const ns = /i18n-namespace:\s*(\w+)/.exec(source)?.[1] ?? /(?:useTranslation\(|translator\([^,]+,)\s*"(\w+)"/.exec(source)?.[1] ?? "common";
      // t("key") calls, and error keys that forms hand to t() later ("errors.…").
      for (const match of [...source.matchAll(/\bt\(\s*"([\w.:-]+)"/g), ...source.matchAll(/"((?:\w+:)?errors\.[\w.]+)"/g)]) {
        const key = match[1]!.includes(":") ? match[1]! : `${ns}:${match[1]}`;
        if (!catalogue.da.has(key) && !groups.da.plurals.has(key)) missing.push(`${path.relative(root, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("the error page shown without translations at hand says what common.json says, in all three languages", async () => {
    const { FALLBACK_ERROR } = await import("../../app/lib/fallback-error.ts");
    for (const [language, title, text] of FALLBACK_ERROR) {
      expect([title, text]).toEqual([catalogue[language].get("common:error.title"), catalogue[language].get("common:error.generic")]);
    }
  });
});
