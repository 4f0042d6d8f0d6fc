// Every user-visible string exists in Danish, English and Arabic: the same
// keys, the same {{placeholders}}, and every literal key the code asks for.
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
      const missing = [...catalogue.da.keys()].filter((key) => !catalogue[language].has(key));
      const extra = [...catalogue[language].keys()].filter((key) => !catalogue.da.has(key));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it(`${language} uses the same {{placeholders}} as Danish, and no text is empty`, () => {
      for (const [key, text] of catalogue.da) {
        const other = catalogue[language].get(key) ?? "";
        expect(placeholders(other), key).toEqual(placeholders(text));
        expect(other.trim(), key).not.toBe("");
      }
    });
  }

  it("uses no plural-suffixed keys: Arabic needs six plural forms, so counts are phrased as 'label: n'", () => {
    const plural = [...catalogue.da.keys()].filter((key) => /_(zero|one|two|few|many|other)$/.test(key));
    expect(plural).toEqual([]);
  });

  it("has every literal key the code translates", () => {
    const missing: string[] = [];
    for (const file of sourceFiles(path.join(root, "app"))) {
      const source = fs.readFileSync(file, "utf8");
      const ns = /i18n-namespace:\s*(\w+)/.exec(source)?.[1] ?? /(?:useTranslation\(|translator\([^,]+,)\s*"(\w+)"/.exec(source)?.[1] ?? "common";
      // t("key") calls, and error keys that forms hand to t() later ("errors.…").
      for (const match of [...source.matchAll(/\bt\(\s*"([\w.:-]+)"/g), ...source.matchAll(/"((?:\w+:)?errors\.[\w.]+)"/g)]) {
        const key = match[1]!.includes(":") ? match[1]! : `${ns}:${match[1]}`;
        if (!catalogue.da.has(key)) missing.push(`${path.relative(root, file)}: ${key}`);
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
