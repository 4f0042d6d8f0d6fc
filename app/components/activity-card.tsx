// One activity in the catalogue: its kind (pictogram and name), title, when,
// where, for which ages, the price, and a badge saying how to join. The
// whole card is the link to the activity page (a big target for a thumb).
import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CatalogueCard } from "~/domain/activities/catalogue.server.ts";
import { copenhagenDay } from "~/domain/dates.ts";
import { formatKroner, formatTime } from "~/lib/format.ts";
import { defaultLanguage, isLanguage, type Language } from "~/lib/i18n.ts";
import { formatDayLong } from "./catalogue/format-days.ts";
import { RowIcon, type RowIconName } from "./catalogue/row-icons.tsx";
import { Icon } from "./icons.tsx";
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
  if (minAge !== null && maxAge !== null) return t("ages.range", { min: minAge, max: maxAge });
  if (minAge !== null) return t("ages.from", { min: minAge });
  if (maxAge !== null) return t("ages.to", { max: maxAge });
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

/** Attributes for text that fell back to Danish: screen readers switch voice, and Arabic pages keep it left-to-right. */
function fallbackAttributes(text: { language: Language; fallback: boolean }) {
  return text.fallback ? { lang: text.language, dir: "ltr" as const } : {};
}

function Fact({ icon, label, children }: { icon: RowIconName; label: string; children: ReactNode }) {
  return (
    <div className="flex items-start gap-2">
      <dt className="shrink-0">
        <RowIcon name={icon} className="mt-0.5 size-5 text-brand-700" />
        <span className="sr-only">{label}</span>
      </dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

export function ActivityCard({ card }: { card: CatalogueCard }) {
  const { t, i18n } = useTranslation("activities");
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  const state = badge(card, t, language);
  return (
    <article className="relative flex h-full flex-col gap-3 rounded-xl border-2 border-slate-300 bg-white p-4 shadow-sm hover:border-brand-700 has-[a:focus-visible]:border-brand-700 has-[a:focus-visible]:outline-3 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-brand-700">
      <p className="flex items-center gap-2 text-sm font-semibold text-brand-800">
        <Icon name={card.type.icon} className="size-8 shrink-0 rounded-full bg-brand-50 p-1 text-brand-700" />
        <span {...fallbackAttributes(card.type.name)}>{card.type.name.text}</span>
      </p>
      <h3 className="text-lg leading-snug font-bold">
        <Link
          to={`/activities/${card.slug}`}
          {...fallbackAttributes(card.title)}
          className="text-slate-900 no-underline after:absolute after:inset-0 after:rounded-xl after:content-[''] hover:underline focus-visible:outline-none"
        >
          {card.title.text}
        </Link>
      </h3>
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
      <p className={`self-start rounded-lg border-2 px-3 py-1.5 font-semibold ${tones[state.tone]}`}>
        {state.text}
        {state.detail ? <span className="block text-sm font-normal">{state.detail}</span> : null}
      </p>
    </article>
  );
}
