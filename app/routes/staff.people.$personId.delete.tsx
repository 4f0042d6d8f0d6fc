// Staff delete the personal data of one person in no household — a young
// person with their own login who asked for it (/my/data). Someone in a
// household is deleted with the family (staff.families.$householdId_.delete).
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConfirmDeletionForm } from "~/components/confirm-deletion.tsx";
import { Notice } from "~/components/ui/alert.tsx";
import { anonymisePerson, personDeletionOverview, PrivacyError } from "~/domain/households/personal-data.server.ts";
import { anonymiseSchema } from "~/domain/households/privacy-schemas.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDateTime } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";
import { isId } from "~/lib/ids.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "privacy:staff.person.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const overview = isId(params.personId ?? "") ? await personDeletionOverview(params.personId!) : null;
  if (!overview) notFound();
  return overview;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "STAFF");
  if (!isId(params.personId ?? "")) notFound();
  const submission = parseWithZod(await request.formData(), { schema: anonymiseSchema });
  if (submission.status !== "success") return submission.reply();
  try {
    const result = await anonymisePerson(params.personId!, user.id);
    return redirect(`/staff/people/${params.personId}/delete?done=${result.anonymised}`);
  } catch (error) {
    if (error instanceof PrivacyError && error.code === "notFound") notFound();
    if (error instanceof PrivacyError) return submission.reply({ formErrors: [`staff.person.${error.code}Error`] });
    throw error;
  }
}

export default function DeletePersonData() {
  const { t } = useTranslation("privacy");
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const language = useLanguage();
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <div className="space-y-6">
      <p>
        <Link to="/staff" className="inline-flex min-h-11 items-center">
          {t("staff.person.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("staff.person.title")}</h1>
      {done ? <Notice>{t("staff.done", { n: Number(done) || 0 })}</Notice> : null}
      <p>
        {data.requests.length
          ? t("staff.person.requested", { dates: data.requests.map((at) => formatDateTime(new Date(at), language)).join(", ") })
          : t("staff.person.noRequest")}
      </p>
      <p className="font-semibold">
        <bdi>{data.name}</bdi> · {t(`staff.outcome.${data.outcome}`)}
      </p>
      {data.householdId ? (
        <p>
          {t("staff.person.inHousehold")} <Link to={`/staff/families/${data.householdId}/delete`}>{t("staff.title")}</Link>
        </p>
      ) : data.outcome !== "delete" ? (
        <p className="font-semibold">{t("staff.person.nothingLeft")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t("staff.person.kept")}</p>
          <ConfirmDeletionForm lastResult={lastResult} />
        </>
      )}
    </div>
  );
}
