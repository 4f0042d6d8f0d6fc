// One job in the list for young people: the kind of job (pictogram), the
// title, where, for which ages, the pay, the season and the last day to
// apply. The whole card is the link to the posting (a big target for a thumb).
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { pick } from "~/domain/activities/text.ts";
import { formatDay } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { RowIcon, type RowIconName } from "../catalogue/row-icons.tsx";
import { Icon } from "../icons.tsx";
import { agesText, fallbackAttributes, payText } from "./pay.ts";

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

export function PostingCard({ posting }: { posting: PostingCardData }) {
  const { t } = useTranslation("jobs");
  const language = useLanguage();
  const title = pick(posting.title, language);
  const type = pick(posting.type.name, language);
  const season = posting.season ? pick(posting.season, language) : null;
  return (
    <article className="relative flex h-full flex-col gap-3 rounded-xl border-2 border-slate-300 bg-white p-4 shadow-sm hover:border-brand-700 has-[a:focus-visible]:border-brand-700 has-[a:focus-visible]:outline-3 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-brand-700">
      <p className="flex items-center gap-2 text-sm font-semibold text-brand-800">
        <Icon name={posting.type.icon} className="size-8 shrink-0 rounded-full bg-brand-50 p-1 text-brand-700" />
        <span {...fallbackAttributes(type)}>{type.text}</span>
      </p>
      <h3 className="text-lg leading-snug font-bold">
        <Link
          to={`/jobs/${posting.slug}`}
          {...fallbackAttributes(title)}
          className="text-slate-900 no-underline after:absolute after:inset-0 after:rounded-xl after:content-[''] hover:underline focus-visible:outline-none"
        >
          {title.text}
        </Link>
      </h3>
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
    </article>
  );
}
