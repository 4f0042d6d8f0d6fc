// One activity in the catalogue: its kind (pictogram and name), title, when,
// where, for which ages, the price, and a badge saying how to join. The
// whole card is the link to the activity page (a big target for a thumb).
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { CatalogueCard } from "~/domain/activities/catalogue.server.ts";
import { copenhagenDay } from "~/domain/dates.ts";
import { formatKroner, formatTime } from "~/lib/format.ts";
import { defaultLanguage, isLanguage, type Language } from "~/lib/i18n.ts";
import { formatDayLong } from "./catalogue/format-days.ts";
import { CardFrame, Fact } from "./catalogue/card.tsx";
import { ScheduleSummary } from "./schedule-summary.tsx";

type T = TFunction<"activities">;
type Tone = "good" | "waiting" | "dropIn" | "neutral";

const tones: Record<Tone, string> = {
  good: "border-brand-700 bg-brand-50 text-brand-800",
  waiting: "border-amber-700 bg-amber-50 text-amber-900",
  dropIn: "border-sky-800 bg-sky-50 text-sky-900",
  neutral: "border-slate-500 bg-slate-50 text-slate-800",
};

function ageText(minAge: number | null, maxAge: number | null, t: T): string {
  if (minAge !== null && maxAge !== null) return t("ages.range", { min: minAge, max: maxAge, count: maxAge });
  if (minAge !== null) return t("ages.from", { min: minAge, count: minAge });
  if (maxAge !== null) return t("ages.to", { max: maxAge, count: maxAge });
  return t("ages.all");
}

function placesText(card: CatalogueCard, t: T): string {
  const left = card.placesLeft ?? 0;
  if (card.capacityUnit === "HOUSEHOLD") return left === 1 ? t("badge.familyPlaceLeft") : t("badge.familyPlacesLeft", { number: left });
  return left === 1 ? t("badge.placeLeft") : t("badge.placesLeft", { number: left });
}

/** How a family can join, in a few words. */
function badge(card: CatalogueCard, t: T, language: Language): { text: string; detail?: string; tone: Tone } {
  switch (card.signUpState) {
    case "dropIn":
      return { text: t("badge.dropIn"), tone: "dropIn" };
    case "notOpenYet": {
      const opensAt = new Date(card.signUpOpensAt!);
      return { text: t("badge.opensAt", { date: formatDayLong(copenhagenDay(opensAt), language), time: formatTime(opensAt, language) }), tone: "neutral" };
    }
    case "closed":
      return { text: t("badge.closed"), tone: "neutral" };
    case "open":
      if (card.placesLeft === null) return { text: t("badge.open"), tone: "good" };
      if (card.placesLeft > 0) return { text: placesText(card, t), tone: "good" };
      return { text: t("badge.waitingList"), detail: card.waiting > 0 ? t("badge.waitingCount", { number: card.waiting }) : undefined, tone: "waiting" };
  }
}

export function ActivityCard({ card }: { card: CatalogueCard }) {
  const { t, i18n } = useTranslation("activities");
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  const state = badge(card, t, language);
  return (
    <CardFrame icon={card.type.icon} kind={card.type.name} title={card.title} to={`/activities/${card.slug}`}>
      <dl className="flex-1 space-y-2">
        <Fact icon="clock" label={t("card.when")}>
          <ScheduleSummary summary={card.schedule} />
        </Fact>
        <Fact icon="pin" label={t("card.where")}>
          <span lang="da" dir="ltr">
            {card.place}
          </span>
        </Fact>
        <Fact icon="person" label={t("card.ages")}>
          {ageText(card.minAge, card.maxAge, t)}
        </Fact>
        <Fact icon="money" label={t("card.price")}>
          {card.priceOre === 0 ? t("card.free") : formatKroner(card.priceOre, language)}
        </Fact>
      </dl>
      {/* A status, not a control: a coloured bar at the start, no frame (a framed box read as a button: issue 19, defect 14). */}
      <p data-badge={state.tone} className={`self-start rounded-e-md border-s-4 px-3 py-1 text-sm font-semibold ${tones[state.tone]}`}>
        {state.text}
        {state.detail ? <span className="block text-sm font-normal">{state.detail}</span> : null}
      </p>
    </CardFrame>
  );
}
