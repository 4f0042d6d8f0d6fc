// One job in the list for young people: the kind of job (pictogram), the
// title, where, for which ages, the pay, the season and the last day to
// apply. The whole card is the link to the posting (a big target for a thumb).
import { useTranslation } from "react-i18next";
import { pick } from "~/domain/activities/text.ts";
import { formatDay } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { CardFrame, Fact, fallbackAttributes } from "../catalogue/card.tsx";
import { agesText, payText } from "./pay.ts";

export type PostingCardData = {
  slug: string;
  title?: unknown;
  workPlace: string;
  minAge: number;
  maxAge: number;
  payOre: number;
  payUnit: "HOUR" | "SHIFT";
  season?: unknown;
  applicationDeadline: string;
  type: { name?: unknown; icon: string };
};

export function PostingCard({ posting }: { posting: PostingCardData }) {
  const { t } = useTranslation("jobs");
  const language = useLanguage();
  const title = pick(posting.title, language);
  const type = pick(posting.type.name, language);
  const season = posting.season ? pick(posting.season, language) : null;
  return (
    <CardFrame icon={posting.type.icon} kind={type} title={title} to={`/jobs/${posting.slug}`}>
      <dl className="flex-1 space-y-2">
        <Fact icon="pin" label={t("card.where")}>
          <span lang="da" dir="ltr">
            {posting.workPlace}
          </span>
        </Fact>
        <Fact icon="person" label={t("card.who")}>
          {agesText(t, posting.minAge, posting.maxAge)}
        </Fact>
        <Fact icon="money" label={t("card.pay")}>
          {payText(t, posting.payOre, posting.payUnit, language)}
        </Fact>
        {season ? (
          <Fact icon="clock" label={t("card.season")}>
            <span {...fallbackAttributes(season)}>{season.text}</span>
          </Fact>
        ) : null}
      </dl>
      <p className="self-start rounded-lg border-2 border-brand-700 bg-brand-50 px-3 py-1.5 font-semibold text-brand-800">
        {t("card.deadline", { date: formatDay(posting.applicationDeadline, language) })}
      </p>
    </CardFrame>
  );
}
