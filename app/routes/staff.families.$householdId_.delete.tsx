// Staff delete a family's personal data (its deletion request, or the
// programme's own retention rule): a page that says what happens to whom,
// the family's requests, and a confirmation. Names, contact details, notes
// and logins go; participation stays, without names, so reports do not change.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmDeletionForm } from "~/components/confirm-deletion.tsx";
import { Alert, Notice } from "~/components/ui/alert.tsx";
import { pick } from "~/domain/activities/text.ts";
import { anonymiseHousehold, deletionOverview, PrivacyError } from "~/domain/households/personal-data.server.ts";
import { anonymiseSchema } from "~/domain/households/privacy-schemas.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDateTime } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";
import { isId } from "~/lib/ids.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "privacy:staff.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const overview = isId(params.householdId ?? "") ? await deletionOverview(params.householdId!) : null;
  if (!overview) notFound();
  return overview;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "STAFF");
  if (!isId(params.householdId ?? "")) notFound();
  const submission = parseWithZod(await request.formData(), { schema: anonymiseSchema });
  if (submission.status !== "success") return submission.reply();
  try {
    const result = await anonymiseHousehold(params.householdId!, user.id);
    return redirect(`/staff/families/${params.householdId}/delete?done=${result.anonymised}`);
  } catch (error) {
    if (error instanceof PrivacyError && error.code === "notFound") notFound();
    if (error instanceof PrivacyError) return submission.reply({ formErrors: [`errors.${error.code}`] });
    throw error;
  }
}

export default function DeleteFamilyData() {
  const { t } = useTranslation("privacy");
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const language = useLanguage();
  const [params] = useSearchParams();
  const done = params.get("done");
  const remaining = data.members.some((member) => member.outcome === "delete");
  return (
    <div className="space-y-6">
      <p>
        <Link to={`/staff/families/${data.householdId}`} className="inline-flex min-h-11 items-center">
          {t("staff.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("staff.title")}</h1>
      {done ? <Notice>{t("staff.done", { n: Number(done) || 0 })}</Notice> : null}
      <p>
        {data.requests.length
          ? t("staff.requested", { dates: data.requests.map((at) => formatDateTime(new Date(at), language)).join(", ") })
          : t("staff.noRequest")}
      </p>
      <section aria-labelledby="who-heading" className="space-y-3">
        <h2 id="who-heading" className="text-xl font-bold">
          {t("staff.who")}
        </h2>
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
          {data.members.map((member) => (
            <li key={member.id} className="p-3">
              <p className="font-semibold">
                {member.name} <span className="font-normal text-slate-700">· {member.role === "GUARDIAN" ? t("people.guardian") : t("people.child")}</span>
              </p>
              <p className="text-sm">{t(`staff.outcome.${member.outcome}`)}</p>
            </li>
          ))}
        </ul>
        <p className="text-sm text-slate-700">{t("staff.kept")}</p>
      </section>
      {!remaining ? (
        <p className="font-semibold">{t("staff.nothingLeft")}</p>
      ) : (
        <>
          {data.upcomingPlaces.length ? (
            <Alert>
              <p>{t("staff.blocked")}</p>
              <ul className="list-inside list-disc">
                {data.upcomingPlaces.map((place) => (
                  <li key={place.activityId}>
                    <Link to={`/staff/activities/${place.activityId}`}>{pick(place.title, language).text}</Link>
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <ConfirmDeletionForm lastResult={lastResult} />
        </>
      )}
    </div>
  );
}
