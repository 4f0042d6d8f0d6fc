// "Mine job": a young person's applications, each with its timeline, a way
// to withdraw one that is still open, and their jobs (employments) with
// links to shifts and, when written, the reference.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DisclosureMarker } from "~/components/ui/disclosure-marker.tsx";
import { Icon } from "~/components/icons.tsx";
import { fallbackAttributes } from "~/components/catalogue/card.tsx";
import { ApplicationTimeline } from "~/components/jobs/timeline.tsx";
import { Alert, Notice } from "~/components/ui/alert.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { pick } from "~/domain/activities/text.ts";
import { withdrawSchema } from "~/domain/jobs/application-schemas.ts";
import { ApplicationError, myJobs, withdrawApplication } from "~/domain/jobs/applications.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDay } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "jobs:my.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [language, jobs] = await Promise.all([getLanguage(request), myJobs(user.personId)]);
  return {
    applications: jobs.applications.map((application) => ({
      ...application,
      posting: { ...application.posting, title: pick(application.posting.title, language) },
    })),
    employments: jobs.employments.map((employment) => ({
      ...employment,
      posting: { ...employment.posting, title: pick(employment.posting.title, language) },
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: withdrawSchema });
  if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
  const { applicationId } = submission.value;
  try {
    await withdrawApplication({ applicationId, personId: user.personId, byUserId: user.id });
  } catch (error) {
    if (!(error instanceof ApplicationError)) throw error;
    if (error.code === "applicationNotFound") notFound();
    return { error: `errors.${error.code}`, applicationId };
  }
  return redirect("/my/jobs?done=withdrawn");
}

function DoneNotice() {
  const { t } = useTranslation("jobs");
  const [params] = useSearchParams();
  const done = params.get("done");
  if (done !== "awaitingGuardian" && done !== "received" && done !== "withdrawn") return null;
  return <Notice>{t(`my.done.${done}`)}</Notice>;
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function ApplicationItem({ application }: { application: Loaded["applications"][number] }) {
  const { t } = useTranslation("jobs");
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const headingId = `application-${application.id}`;
  return (
    <li>
      <article aria-labelledby={headingId} className="space-y-3 rounded-xl border-2 border-slate-300 p-4">
        <div className="flex items-start gap-3">
          <Icon name={application.posting.type.icon} className="size-10 shrink-0 rounded-full bg-brand-50 p-1.5 text-brand-700" />
          <div className="min-w-0 space-y-1">
            <h3 id={headingId} className="text-lg font-bold">
              <Link to={`/jobs/${application.posting.slug}`} {...fallbackAttributes(application.posting.title)}>
                {application.posting.title.text}
              </Link>
            </h3>
            <p className="inline-block rounded-lg border-2 border-brand-700 bg-brand-50 px-2 py-0.5 font-semibold text-brand-800">
              {t(`status.${application.status}`)}
            </p>
          </div>
        </div>
        <ApplicationTimeline application={application} />
        {reply && reply.applicationId === application.id ? <Alert>{t(reply.error)}</Alert> : null}
        {application.mayWithdraw ? (
          <details className="group">
            <summary className="inline-flex min-h-11 cursor-pointer items-center gap-2 font-semibold text-brand-800">
              <DisclosureMarker />
              {t("my.withdraw")}
            </summary>
            <Form method="post" className="mt-2 space-y-2 rounded-lg border-2 border-red-200 p-3">
              <p>{t("my.withdrawConfirm")}</p>
              <input type="hidden" name="applicationId" value={application.id} />
              <Button type="submit" variant="secondary" className="border-red-700 text-red-900" pending={navigation.state !== "idle"}>
                {t("my.withdrawSubmit")}
              </Button>
            </Form>
          </details>
        ) : null}
      </article>
    </li>
  );
}

function EmploymentItem({ employment }: { employment: Loaded["employments"][number] }) {
  const { t } = useTranslation("jobs");
  const language = useLanguage();
  const headingId = `employment-${employment.id}`;
  const period = employment.endedOn ?? employment.endsOn;
  return (
    <li>
      <article aria-labelledby={headingId} className="space-y-2 rounded-xl border-2 border-brand-700 p-4">
        <h3 id={headingId} className="text-lg font-bold" {...fallbackAttributes(employment.posting.title)}>
          {employment.posting.title.text}
        </h3>
        <p>
          <span lang="da">{employment.role}</span>
        </p>
        <p>
          {period
            ? t("my.period", { from: formatDay(employment.startsOn, language), to: formatDay(period, language) })
            : t("my.since", { from: formatDay(employment.startsOn, language) })}
        </p>
        <div className="flex flex-wrap gap-3">
          <ButtonLink to="/my/shifts" variant="secondary" size="sm">
            {t("my.shifts")}
          </ButtonLink>
          {employment.referenceAt ? (
            <ButtonLink to={`/my/jobs/references/${employment.id}`} variant="secondary" size="sm">
              {t("my.reference")}
            </ButtonLink>
          ) : null}
        </div>
      </article>
    </li>
  );
}

export default function MyJobs() {
  const { t } = useTranslation("jobs");
  const { applications, employments } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("my.title")}</h1>
      <DoneNotice />
      {employments.length > 0 ? (
        <section aria-labelledby="employments-heading" className="space-y-3">
          <h2 id="employments-heading" className="text-xl font-bold">
            {t("my.employments")}
          </h2>
          <ul className="space-y-3">
            {employments.map((employment) => (
              <EmploymentItem key={employment.id} employment={employment} />
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="applications-heading" className="space-y-3">
        <h2 id="applications-heading" className="text-xl font-bold">
          {t("my.applications")}
        </h2>
        {applications.length > 0 ? (
          <ul className="space-y-4">
            {applications.map((application) => (
              <ApplicationItem key={application.id} application={application} />
            ))}
          </ul>
        ) : (
          <div className="space-y-3 rounded-xl border-2 border-dashed border-slate-400 p-5">
            <p className="text-lg font-semibold">{t("my.none")}</p>
            <ButtonLink to="/jobs">{t("my.findJob")}</ButtonLink>
          </div>
        )}
      </section>
      <p>
        <Link to="/my/data" className="inline-flex min-h-11 items-center">
          {t("my.dataLink")}
        </Link>
      </p>
    </div>
  );
}
