// Applying for a pocket-money job: signed in with one's own number or
// e-mail (not signed in: to sign-in and back here). Under 15 a parent is
// asked to consent; the young person follows the application on /my/jobs.
// A recorded birth date is shown, not asked, and a guardian the household
// names is not asked for either (the schema follows what is known).
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApplicationForm } from "~/components/jobs/application-form.tsx";
import { fallbackAttributes } from "~/components/catalogue/card.tsx";
import { agesText } from "~/components/jobs/pay.ts";
import { Alert } from "~/components/ui/alert.tsx";
import { pick } from "~/domain/activities/text.ts";
import { applicationSchemaFor } from "~/domain/jobs/application-schemas.ts";
import { ApplicationError, applicantState, applicationFor, applicationFormFacts, applicationKnown, applyForJob } from "~/domain/jobs/applications.server.ts";
import { deadlinePassed, publishedPosting } from "~/domain/jobs/postings.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDay } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "jobs:apply.title", data?.title.text);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const posting = await publishedPosting(params.slug ?? "");
  if (!posting) notFound();
  const [language, state, earlier, form] = await Promise.all([
    getLanguage(request),
    applicantState(user),
    applicationFor(posting.id, user.personId),
    applicationFormFacts(user.personId),
  ]);
  const blocked =
    state === "guardianAccount" || state === "notYoungPerson"
      ? state
      : earlier
        ? "alreadyApplied"
        : deadlinePassed(posting.deadlineDate, new Date())
          ? "deadlinePassed"
          : null;
  return {
    slug: posting.slug,
    title: pick(posting.title, language),
    minAge: posting.minAge,
    maxAge: posting.maxAge,
    applicationDeadline: posting.applicationDeadline,
    blocked,
    defaults: form.person,
    areas: form.areas,
    known: form.known,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const known = await applicationKnown(user.personId);
  const submission = parseWithZod(await request.formData(), { schema: applicationSchemaFor(known) });
  if (submission.status !== "success") return submission.reply();
  const posting = await publishedPosting(params.slug ?? "");
  if (!posting) notFound();
  try {
    const result = await applyForJob({ postingId: posting.id, user, values: submission.value });
    return redirect(`/my/jobs?done=${result.status === "AWAITING_GUARDIAN" ? "awaitingGuardian" : "received"}`);
  } catch (error) {
    if (!(error instanceof ApplicationError)) throw error;
    const message = `errors.${error.code}`;
    return submission.reply(error.field ? { fieldErrors: { [error.field]: [message] } } : { formErrors: [message] });
  }
}

export default function Apply() {
  const { t } = useTranslation("jobs");
  const language = useLanguage();
  const { slug, title, minAge, maxAge, applicationDeadline, blocked, defaults, areas, known } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p>
        <Link to={`/jobs/${slug}`} className="inline-flex min-h-11 items-center">
          {t("apply.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {t("apply.title")}: <span {...fallbackAttributes(title)}>{title.text}</span>
      </h1>
      <p>
        {agesText(t, minAge, maxAge)} · {t("card.deadline", { date: formatDay(applicationDeadline, language) })}
      </p>
      {blocked ? (
        <Alert>
          <p>{t(`errors.${blocked}`)}</p>
          {blocked === "alreadyApplied" ? <Link to="/my/jobs">{t("posting.seeMyJobs")}</Link> : null}
        </Alert>
      ) : (
        <>
          <p>{t("apply.intro")}</p>
          <ApplicationForm lastResult={lastResult} defaultValue={defaults} areas={areas} known={known} pending={navigation.state !== "idle"} />
        </>
      )}
    </div>
  );
}
