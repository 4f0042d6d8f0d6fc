// Translatable text stored as {da, en?, ar?}: Danish is required, and a
// missing translation falls back to Danish (the page says so).
import type { Language } from "~/lib/i18n.ts";

export type LocalizedText = { da: string; en?: string; ar?: string };

export function asLocalized(value: unknown): LocalizedText {
  if (value && typeof value === "object" && typeof (value as { da?: unknown }).da === "string") return value as LocalizedText;
  return { da: typeof value === "string" ? value : "" };
}

/** The text in a language, and whether it is the Danish fallback. */
export function pick(value: unknown, language: Language): { text: string; language: Language; fallback: boolean } {
  const text = asLocalized(value);
  const wanted = text[language]?.trim();
  if (wanted) return { text: wanted, language, fallback: false };
  return { text: text.da, language: "da", fallback: language !== "da" };
}

/** The text in a language, Danish where it has none (`pick` says also which it is). */
export const textIn = (value: unknown, language: Language): string => pick(value, language).text;
