// One pocket-money job: what you do, when, the pay, where, with whom, whom
// to ask, the last day to apply — and the way to apply.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/icons.tsx";
import { fallbackAttributes } from "~/components/catalogue/card.tsx";
import { agesText, payText } from "~/components/jobs/pay.ts";
import { ButtonLink } from "~/components/ui/button.tsx";
import { pick } from "~/domain/activities/text.ts";
import { applicationFor } from "~/domain/jobs/applications.server.ts";
import { deadlinePassed, publishedPosting } from "~/domain/jobs/postings.server.ts";
import { getUser } from "~/lib/auth.server.ts";
import { formatDay, formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.title.text);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [language, user] = await Promise.all([getLanguage(request), getUser(request)]);
  const posting = await publishedPosting(params.slug ?? "");
  if (!posting) notFound();
  const applied = user ? await applicationFor(posting.id, user.personId) : null;
  return {
    slug: posting.slug,
    title: pick(posting.title, language),
    type: { icon: posting.type.icon, name: pick(posting.type.name, language) },
    description: pick(posting.description, language),
    hoursInfo: pick(posting.hoursInfo, language),
    season: posting.season ? pick(posting.season, language) : null,
    workPlace: posting.workPlace,
    organisation: posting.organisation?.name ?? null,
    minAge: posting.minAge,
    maxAge: posting.maxAge,
    payOre: posting.payOre,
    payUnit: posting.payUnit,
    positions: posting.positions,
    applicationDeadline: posting.applicationDeadline,
    closed: deadlinePassed(posting.deadlineDate, new Date()),
    contact: { name: posting.contactName, phone: posting.contactPhone, email: posting.contactEmail },
    applied: Boolean(applied),
    // "You sign in with your own number" is for those not signed in yet.
    signedIn: Boolean(user),
  };
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-1">
      <h2 id={id} className="text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default function Posting() {
  const { t } = useTranslation("jobs");
  const language = useLanguage();
  const posting = useLoaderData<typeof loader>();
  return (
    <article className="mx-auto max-w-2xl space-y-5">
      <p>
        <Link to="/jobs" className="inline-flex min-h-11 items-center">
          {t("posting.back")}
        </Link>
      </p>
      <div className="space-y-2">
        <p className="flex items-center gap-2 font-semibold text-brand-800">
          <Icon name={posting.type.icon} className="size-10 shrink-0 rounded-full bg-brand-50 p-1.5 text-brand-700" />
          <span {...fallbackAttributes(posting.type.name)}>{posting.type.name.text}</span>
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl" {...fallbackAttributes(posting.title)}>
          {posting.title.text}
        </h1>
      </div>
      <dl className="grid gap-2 rounded-xl bg-brand-50 p-4 sm:grid-cols-2">
        <div>
          <dt className="font-semibold">{t("posting.pay")}</dt>
          <dd>{payText(t, posting.payOre, posting.payUnit, language)}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("posting.who")}</dt>
          <dd>{agesText(t, posting.minAge, posting.maxAge)}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("posting.positions")}</dt>
          <dd>{formatNumber(posting.positions, language)}</dd>
        </div>
        <div>
          <dt className="font-semibold">{t("posting.deadline")}</dt>
          <dd>{formatDay(posting.applicationDeadline, language)}</dd>
        </div>
        {posting.season ? (
          <div>
            <dt className="font-semibold">{t("posting.season")}</dt>
            <dd {...fallbackAttributes(posting.season)}>{posting.season.text}</dd>
          </div>
        ) : null}
      </dl>
      <ApplyBox />
      <Section id="what" title={t("posting.what")}>
        <p className="whitespace-pre-line" {...fallbackAttributes(posting.description)}>
          {posting.description.text}
        </p>
      </Section>
      <Section id="when" title={t("posting.when")}>
        <p className="whitespace-pre-line" {...fallbackAttributes(posting.hoursInfo)}>
          {posting.hoursInfo.text}
        </p>
      </Section>
      <Section id="where" title={t("posting.where")}>
        <p lang="da" dir="ltr" className="text-start">
          {posting.workPlace}
        </p>
      </Section>
      {posting.organisation ? (
        <Section id="with" title={t("posting.withWhom")}>
          <p lang="da" dir="ltr" className="text-start">
            {posting.organisation}
          </p>
        </Section>
      ) : null}
      <Section id="contact" title={t("posting.contact")}>
        <p lang="da">{posting.contact.name}</p>
        {posting.contact.phone ? (
          <p>
            <a href={`tel:${posting.contact.phone}`} dir="ltr" className="inline-flex min-h-11 items-center">
              {posting.contact.phone}
            </a>
          </p>
        ) : null}
        {posting.contact.email ? (
          <p>
            <a href={`mailto:${posting.contact.email}`} dir="ltr" className="inline-flex min-h-11 items-center">
              {posting.contact.email}
            </a>
          </p>
        ) : null}
      </Section>
    </article>
  );
}

function ApplyBox() {
  const { t } = useTranslation("jobs");
  const posting = useLoaderData<typeof loader>();
  if (posting.applied)
    return (
      <p className="rounded-lg border-2 border-brand-700 bg-white p-3 font-semibold">
        {t("posting.applied")}{" "}
        <Link to="/my/jobs" className="inline-flex min-h-11 items-center">
          {t("posting.seeMyJobs")}
        </Link>
      </p>
    );
  if (posting.closed) return <p className="rounded-lg border-2 border-slate-500 bg-slate-50 p-3 font-semibold">{t("posting.closed")}</p>;
  return (
    <div className="space-y-1">
      <ButtonLink to={`/jobs/${posting.slug}/apply`} className="w-full text-lg sm:w-auto">
        {t("posting.apply")}
      </ButtonLink>
      {posting.signedIn ? null : <p className="text-sm text-slate-700">{t("posting.applyHint")}</p>}
    </div>
  );
}
