// The guardian's page, reached by the secret link in a message (no login):
// only what the guardian decides on — who applied, the job, the role, its
// hours, pay, risks and contact, and the work-time rules for the young
// person's age; under 15 the guardian says yes or no here (two POST
// buttons; viewing changes nothing). Once the young person is hired, the
// page holds the written information the employer owes every guardian. No
// shift times or places: a forwarded link must not tell where a child will
// be. After 14 days the link only says that it has expired and whom to ask.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { fallbackAttributes } from "~/components/catalogue/card.tsx";
import { payText } from "~/components/jobs/pay.ts";
import { Button } from "~/components/ui/button.tsx";
import { pick } from "~/domain/activities/text.ts";
import { guardianAnswerSchema } from "~/domain/jobs/application-schemas.ts";
import { copenhagenDay } from "~/domain/dates.ts";
import { answerGuardianConsent, guardianView, isGuardianToken } from "~/domain/jobs/guardian.server.ts";
import { clockText } from "~/domain/jobs/work-time-text.ts";
import { contactDetails } from "~/lib/env.server.ts";
import { formatDateTime, formatDay, formatNumber } from "~/lib/format.ts";
import { isLanguage } from "~/lib/i18n.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage, languageCookie } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "jobs:guardian.pageTitle"), { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const view = await guardianView(params.token ?? "");
  if (!view) notFound();
  const url = new URL(request.url);
  // First visit from the message: show the page in the language the message was written in.
  if (!url.searchParams.has("lng") && isLanguage(view.guardianLanguage) && (await languageCookie.parse(request.headers.get("Cookie"))) == null) {
    if ((await getLanguage(request)) !== view.guardianLanguage) {
      url.searchParams.set("lng", view.guardianLanguage);
      throw redirect(url.pathname + url.search);
    }
  }
  // An expired link says so and whom to ask, and nothing about the child or the job.
  if (view.expired) return { expired: true as const, contact: contactDetails() };
  const language = await getLanguage(request);
  const posting = view.posting;
  return {
    expired: false as const,
    status: view.status,
    consentRequired: view.consentRequired,
    answerAt: view.guardianAnswerAt,
    guardianName: view.guardianName,
    expiresAt: view.expiresAt,
    person: view.person,
    rules: view.rules,
    job: {
      title: pick(posting.title, language),
      description: pick(posting.description, language),
      hoursInfo: pick(posting.hoursInfo, language),
      risks: pick(posting.risks, language),
      // The role staff wrote on hiring is Danish; before that, the kind of job in the reader's language.
      role: view.employment ? { text: view.employment.role, language: "da" as const, fallback: language !== "da" } : pick(posting.type.name, language),
      workPlace: posting.workPlace,
      organisation: posting.organisation?.name ?? null,
      payOre: posting.payOre,
      payUnit: posting.payUnit,
      contact: { name: posting.contactName, phone: posting.contactPhone, email: posting.contactEmail },
    },
    employment: view.employment,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (!isGuardianToken(params.token)) notFound();
  const submission = parseWithZod(await request.formData(), { schema: guardianAnswerSchema });
  if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
  const answer = await answerGuardianConsent(params.token, submission.value.answer);
  if (answer === "notFound") notFound();
  // "expired" too: the page then says that the link has expired.
  return redirect(`/guardian/${params.token}`);
}

type Page = Exclude<ReturnType<typeof useLoaderData<typeof loader>>, { expired: true }>;

function Fact({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-0.5">
      <dt className="font-bold">{title}</dt>
      <dd className="whitespace-pre-line">{children}</dd>
    </div>
  );
}

function JobFacts({ page }: { page: Page }) {
  const { t } = useTranslation("jobs");
  const language = useLanguage();
  const { job, employment } = page;
  return (
    <dl className="space-y-3">
      <Fact title={t("guardian.work")}>
        <span {...fallbackAttributes(job.description)}>{job.description.text}</span>
      </Fact>
      <Fact title={t("guardian.role")}>
        <span {...fallbackAttributes(job.role)}>{job.role.text}</span>
      </Fact>
      <Fact title={t("guardian.hours")}>
        <span {...fallbackAttributes(job.hoursInfo)}>{job.hoursInfo.text}</span>
      </Fact>
      <Fact title={t("guardian.pay")}>{payText(t, job.payOre, job.payUnit, language)}</Fact>
      <Fact title={t("guardian.risks")}>
        <span {...fallbackAttributes(job.risks)}>{job.risks.text}</span>
      </Fact>
      {employment ? <Fact title={t("guardian.start")}>{formatDay(employment.startsOn, language)}</Fact> : null}
      <Fact title={t("guardian.where")}>
        <span lang="da" dir="ltr">
          {job.organisation ? `${job.workPlace} (${job.organisation})` : job.workPlace}
        </span>
      </Fact>
      <Fact title={t("guardian.contact")}>
        <span lang="da">{job.contact.name}</span>
        {job.contact.phone ? (
          <>
            {" · "}
            <a href={`tel:${job.contact.phone}`} dir="ltr" className="inline-flex min-h-11 items-center">
              {job.contact.phone}
            </a>
          </>
        ) : null}
        {job.contact.email ? (
          <>
            {" · "}
            <a href={`mailto:${job.contact.email}`} dir="ltr" className="inline-flex min-h-11 items-center">
              {job.contact.email}
            </a>
          </>
        ) : null}
      </Fact>
    </dl>
  );
}

/** The work-time rules for the young person's age today: what a guardian agrees to. Bare numbers under a caption (no number-noun agreement to get wrong in Arabic). */
function Rules({ page }: { page: Page }) {
  const { t } = useTranslation("jobs");
  const language = useLanguage();
  const { rules, person } = page;
  if (!rules || !rules.limits.mayWork) return null;
  const { limits } = rules;
  const hours = (minutes: number) => formatNumber(minutes / 60, language, { maximumFractionDigits: 1 });
  return (
    <section aria-labelledby="rules-heading" className="space-y-2">
      <h2 id="rules-heading" className="text-xl font-bold">
        {t("guardian.rules.title")}
      </h2>
      <p>
        {t("guardian.rules.intro", {
          name: person.firstName,
          age: formatNumber(rules.age, language),
          school: t(rules.inSchool ? "guardian.rules.inSchool" : "guardian.rules.leftSchool"),
        })}
      </p>
      <table className="w-full max-w-md">
        <caption className="text-start font-semibold">{t("guardian.rules.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="text-start">
              {t("guardian.rules.when")}
            </th>
            <th scope="col" className="text-end">
              {t("guardian.rules.perDay")}
            </th>
            <th scope="col" className="text-end">
              {t("guardian.rules.perWeek")}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="border-t border-slate-200">
            <th scope="row" className="py-1 text-start font-normal">
              {t("guardian.rules.schoolDays")}
            </th>
            <td className="py-1 text-end">{hours(limits.schoolDayMinutes)}</td>
            <td className="py-1 text-end">{hours(limits.schoolWeekMinutes)}</td>
          </tr>
          <tr className="border-t border-slate-200">
            <th scope="row" className="py-1 text-start font-normal">
              {t("guardian.rules.freeDays")}
            </th>
            <td className="py-1 text-end">{hours(limits.freeDayMinutes)}</td>
            <td className="py-1 text-end">{hours(limits.freeWeekMinutes)}</td>
          </tr>
        </tbody>
      </table>
      <p>{t("guardian.rules.night", { from: clockText(limits.nightStart, language), to: clockText(limits.nightEnd, language) })}</p>
    </section>
  );
}

function Consent({ page }: { page: Page }) {
  const { t } = useTranslation("jobs");
  const language = useLanguage();
  const { status, consentRequired, answerAt, person } = page;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  if (status === "AWAITING_GUARDIAN")
    return (
      <section aria-labelledby="consent-heading" className="space-y-3 rounded-xl border-2 border-brand-700 p-4">
        <h2 id="consent-heading" className="text-xl font-bold">
          {t("guardian.consentTitle")}
        </h2>
        <p>{t("guardian.consentIntro", { name: person.firstName })}</p>
        {person.birthDate ? <p>{t("guardian.born", { name: person.firstName, date: formatDay(person.birthDate, language) })}</p> : null}
        <Form method="post" className="grid gap-3">
          <Button type="submit" name="answer" value="confirm" className="w-full text-lg" pending={busy}>
            {t("guardian.confirm", { name: person.firstName })}
          </Button>
          <Button type="submit" name="answer" value="decline" variant="secondary" className="w-full" pending={busy}>
            {t("guardian.decline")}
          </Button>
        </Form>
      </section>
    );
  let text: string | null = null;
  if (consentRequired && answerAt) {
    const date = formatDateTime(new Date(answerAt), language);
    text = status === "GUARDIAN_DECLINED" ? t("guardian.declined", { date }) : t("guardian.confirmed", { date, name: person.firstName });
  }
  const state = status === "WITHDRAWN" ? t("guardian.withdrawn") : status === "REJECTED" ? t("guardian.rejected") : null;
  if (!text && !state) return null;
  return (
    <div role="status" className="space-y-1 rounded-lg border-2 border-brand-700 bg-brand-50 p-3 text-lg font-semibold">
      {text ? <p>{text}</p> : null}
      {state ? <p>{state}</p> : null}
    </div>
  );
}

function Expired({ contact }: { contact: { phone: string; email: string } }) {
  const { t } = useTranslation("jobs");
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold">{t("guardian.expiredTitle")}</h1>
      <p className="text-lg">{t("guardian.expiredText")}</p>
      <p>
        {t("guardian.expiredContact")}{" "}
        <a href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`} dir="ltr" className="inline-flex min-h-11 items-center font-semibold">
          {contact.phone}
        </a>
        {" · "}
        <a href={`mailto:${contact.email}`} dir="ltr" className="inline-flex min-h-11 items-center font-semibold">
          {contact.email}
        </a>
      </p>
    </div>
  );
}

export default function GuardianPage() {
  const { t } = useTranslation("jobs");
  const language = useLanguage();
  const data = useLoaderData<typeof loader>();
  if (data.expired) return <Expired contact={data.contact} />;
  const { person, job, employment, guardianName, expiresAt } = data;
  const name = `${person.firstName} ${person.lastName}`.trim();
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <p className="text-lg">{t("guardian.hello", { name: guardianName })}</p>
      <h1 className="text-2xl font-bold">
        {employment ? t("guardian.hiredTitle", { name }) : t("guardian.title", { name })} <span {...fallbackAttributes(job.title)}>{job.title.text}</span>
      </h1>
      <Consent page={data} />
      <section aria-labelledby="job-heading" className="space-y-3">
        <h2 id="job-heading" className="text-xl font-bold">
          {employment ? t("guardian.informationTitle") : t("guardian.jobTitle")}
        </h2>
        {employment ? <p>{t("guardian.informationIntro")}</p> : null}
        <JobFacts page={data} />
      </section>
      <Rules page={data} />
      <p className="text-sm text-slate-700">{t("guardian.expiresAt", { date: formatDay(copenhagenDay(new Date(expiresAt)), language) })}</p>
    </div>
  );
}
