// The guardian's page, reached by the secret link in a message (no login):
// who applied, the job, its hours, pay, risks and contact; under 15 the
// guardian says yes or no here (two POST buttons; viewing changes nothing).
// Once the young person is hired, the page holds the written information
// the employer owes every guardian, the upcoming shifts and the confirmed
// hours per month.
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
import { answerGuardianConsent, guardianView, isGuardianToken } from "~/domain/jobs/guardian.server.ts";
import { formatDate, formatDateTime, formatDay, formatNumber, formatTime, formatMonth } from "~/lib/format.ts";
import { isLanguage } from "~/lib/i18n.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage, languageCookie } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "jobs:guardian.pageTitle"), { name: "robots", content: "noindex" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const view = await guardianView(params.token ?? "");
  if (!view) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  // First visit from the message: show the page in the language the message was written in.
  if (!url.searchParams.has("lng") && isLanguage(view.guardianLanguage) && (await languageCookie.parse(request.headers.get("Cookie"))) == null) {
    if ((await getLanguage(request)) !== view.guardianLanguage) {
      url.searchParams.set("lng", view.guardianLanguage);
      throw redirect(url.pathname + url.search);
    }
  }
  const language = await getLanguage(request);
  const posting = view.posting;
  return {
    status: view.status,
    consentRequired: view.consentRequired,
    answerAt: view.guardianAnswerAt,
    guardianName: view.guardianName,
    appliedAt: view.createdAt,
    person: view.person,
    job: {
      title: pick(posting.title, language),
      description: pick(posting.description, language),
      hoursInfo: pick(posting.hoursInfo, language),
      risks: pick(posting.risks, language),
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
  if (!isGuardianToken(params.token)) throw new Response("Not found", { status: 404 });
  const parsed = guardianAnswerSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const answer = await answerGuardianConsent(params.token, parsed.data.answer);
  if (answer === "notFound") throw new Response("Not found", { status: 404 });
  return redirect(`/guardian/${params.token}`);
}

function Fact({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="space-y-0.5">
      <dt className="font-bold">{title}</dt>
      <dd className="whitespace-pre-line">{children}</dd>
    </div>
  );
}

function JobFacts() {
  const { t } = useTranslation("jobs");
  const language = useLanguage();
  const { job, employment } = useLoaderData<typeof loader>();
  return (
    <dl className="space-y-3">
      <Fact title={t("guardian.work")}>
        <span {...fallbackAttributes(job.description)}>{job.description.text}</span>
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

function Consent() {
  const { t } = useTranslation("jobs");
  const language = useLanguage();
  const { status, consentRequired, answerAt, person } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  if (status === "AWAITING_GUARDIAN")
    return (
      <section aria-labelledby="consent-heading" className="space-y-3 rounded-xl border-2 border-brand-700 p-4">
        <h2 id="consent-heading" className="text-xl font-bold">
          {t("guardian.consentTitle")}
        </h2>
        <p>{t("guardian.consentIntro", { name: person.firstName })}</p>
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

function Shifts() {
  const { t } = useTranslation("jobs");
  const language = useLanguage();
  const { employment } = useLoaderData<typeof loader>();
  if (!employment) return null;
  return (
    <>
      <section aria-labelledby="shifts-heading" className="space-y-2">
        <h2 id="shifts-heading" className="text-xl font-bold">
          {t("guardian.upcomingShifts")}
        </h2>
        {employment.upcoming.length === 0 ? (
          <p>{t("guardian.noShifts")}</p>
        ) : (
          <ul className="space-y-1">
            {employment.upcoming.map((shift) => (
              <li key={shift.id} className="rounded-lg bg-slate-50 p-2">
                {t("guardian.shift", {
                  date: formatDate(new Date(shift.startsAt), language),
                  from: formatTime(new Date(shift.startsAt), language),
                  to: formatTime(new Date(shift.endsAt), language),
                })}
                {" · "}
                <span lang="da">{shift.place}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="hours-heading" className="space-y-2">
        <h2 id="hours-heading" className="text-xl font-bold">
          {t("guardian.confirmedHours")}
        </h2>
        {employment.confirmedMinutesByMonth.length === 0 ? (
          <p>{t("guardian.noHours")}</p>
        ) : (
          <table className="w-full max-w-sm text-start">
            <thead>
              <tr>
                <th scope="col" className="text-start">
                  {t("guardian.month")}
                </th>
                <th scope="col" className="text-end">
                  {t("guardian.hoursColumn")}
                </th>
              </tr>
            </thead>
            <tbody>
              {employment.confirmedMinutesByMonth.map((row) => (
                <tr key={row.month} className="border-t border-slate-200">
                  <td className="py-1">{formatMonth(row.month, language)}</td>
                  <td className="py-1 text-end">{formatNumber(row.minutes / 60, language, { maximumFractionDigits: 2 })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

export default function GuardianPage() {
  const { t } = useTranslation("jobs");
  const { person, job, employment, guardianName } = useLoaderData<typeof loader>();
  const name = `${person.firstName} ${person.lastName}`.trim();
  return (
    <div className="mx-auto max-w-2xl space-y-5">
      <p className="text-lg">{t("guardian.hello", { name: guardianName })}</p>
      <h1 className="text-2xl font-bold">
        {employment ? t("guardian.hiredTitle", { name }) : t("guardian.title", { name })} <span {...fallbackAttributes(job.title)}>{job.title.text}</span>
      </h1>
      <Consent />
      <section aria-labelledby="job-heading" className="space-y-3">
        <h2 id="job-heading" className="text-xl font-bold">
          {employment ? t("guardian.informationTitle") : t("guardian.jobTitle")}
        </h2>
        {employment ? <p>{t("guardian.informationIntro")}</p> : null}
        <JobFacts />
      </section>
      <Shifts />
    </div>
  );
}
