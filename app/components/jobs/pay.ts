// Pay in words for the reader's language: "45 kr. i timen", "150 kr. pr. vagt".
// i18n-namespace: jobs
import type { TFunction } from "i18next";
import { formatKroner } from "~/lib/format.ts";
import type { Language } from "~/lib/i18n.ts";

export function payText(t: TFunction<"jobs">, payOre: number, payUnit: "HOUR" | "SHIFT", language: Language): string {
  return payUnit === "HOUR" ? t("pay.HOUR", { amount: formatKroner(payOre, language) }) : t("pay.SHIFT", { amount: formatKroner(payOre, language) });
}

/** "13–17 år" */
export function agesText(t: TFunction<"jobs">, minAge: number, maxAge: number): string {
  return t("card.ages", { min: minAge, max: maxAge, count: maxAge });
}
