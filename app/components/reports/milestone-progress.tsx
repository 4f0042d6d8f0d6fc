// A milestone's progress: value of target in words and as a bar, and the
// judgement as a word with a symbol ("Nået", "På sporet", "Bagud") — never by
// colour alone. Used on the report, the print page and the milestone list.
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { MilestoneItem } from "~/domain/reporting/milestone-items.server.ts";
import { formatDay, formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import type { Language } from "~/lib/i18n.ts";

const BADGE: Record<MilestoneItem["judgement"], { symbol: string; className: string }> = {
  reached: { symbol: "✓", className: "border-green-800 bg-green-50 text-green-900" },
  onTrack: { symbol: "→", className: "border-brand-700 bg-brand-50 text-brand-800" },
  behind: { symbol: "!", className: "border-red-800 bg-red-50 text-red-900" },
};

export function JudgementBadge({ judgement }: { judgement: MilestoneItem["judgement"] }) {
  const { t } = useTranslation("reports");
  const badge = BADGE[judgement];
  return (
    <span className={`inline-flex items-center gap-1 rounded-full border-2 px-3 py-0.5 text-sm font-bold ${badge.className}`}>
      <span aria-hidden="true">{badge.symbol}</span>
      <span>{t(`judgement.${judgement}`)}</span>
    </span>
  );
}

/** The milestone's title as a heading, its judgement beside it. */
export function MilestoneTitle({ milestone, headingLevel = 3 }: { milestone: MilestoneItem; headingLevel?: 3 | 4 }) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Heading className="text-lg font-bold" lang={milestone.title.language}>
        {milestone.title.text}
      </Heading>
      <JudgementBadge judgement={milestone.judgement} />
    </div>
  );
}

/** "12 of 40 participants (30 %)": the value of the target, in words. */
export function progressText(milestone: MilestoneItem, t: TFunction<"reports">, language: Language): string {
  const share = Math.min(1, milestone.value / milestone.target);
  return t("milestone.progress", {
    value: formatNumber(milestone.value, language),
    target: formatNumber(milestone.target, language),
    measure: t(`milestoneMeasure.${milestone.measure}`),
    percent: formatNumber(share, language, { style: "percent", maximumFractionDigits: 0 }),
  });
}

export function MilestoneProgress({ milestone, headingLevel = 3 }: { milestone: MilestoneItem; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation("reports");
  const language = useLanguage();
  const share = Math.min(1, milestone.value / milestone.target);
  return (
    <div className="space-y-2">
      <MilestoneTitle milestone={milestone} headingLevel={headingLevel} />
      <p>{progressText(milestone, t, language)}</p>
      <div className="h-3 w-full max-w-md overflow-hidden rounded-full border border-slate-500 bg-white" aria-hidden="true">
        {/* An SVG width, not a style attribute: the CSP allows no inline styles. Mirrored in Arabic. */}
        <svg className="block h-full w-full rtl:-scale-x-100" preserveAspectRatio="none">
          <rect width={`${Math.round(share * 100)}%`} height="100%" className="fill-brand-700" />
        </svg>
      </div>
      <p className="text-sm text-slate-700">
        {milestone.judgement === "reached"
          ? t("milestone.reachedText")
          : t("milestone.expected", { expected: formatNumber(milestone.expectedByNow, language) })}{" "}
        {t("milestone.window", { from: formatDay(milestone.startsOn, language), deadline: formatDay(milestone.deadline, language) })}{" "}
        {milestone.scope.name ? (
          <>
            {t(`milestoneScope.${milestone.scope.kind}`)}: <span lang={milestone.scope.name.language}>{milestone.scope.name.text}</span>
          </>
        ) : (
          t("milestoneScope.all")
        )}
      </p>
    </div>
  );
}
