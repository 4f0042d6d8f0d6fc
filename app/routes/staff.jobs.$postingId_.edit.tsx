// Edit a job posting (staff and admins): texts, terms, status. Every change
// is audited with the fields before and after.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostingForm } from "~/components/jobs/posting-form.tsx";
import { Notice } from "~/components/ui/alert.tsx";
import { pick } from "~/domain/activities/text.ts";
import { postingSchema } from "~/domain/jobs/posting-schemas.ts";
import { PostingError, postingEditorOptions, postingForEditing, updatePosting } from "~/domain/jobs/postings.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "jobs:editor.editTitle", data?.title.text);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const [posting, options, language] = await Promise.all([postingForEditing(params.postingId ?? ""), postingEditorOptions(), getLanguage(request)]);
  if (!posting) notFound();
  return { posting, options, title: pick(posting.title, language) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "STAFF");
  const submission = parseWithZod(await request.formData(), { schema: postingSchema });
  if (submission.status !== "success") return submission.reply();
  try {
    await updatePosting({ postingId: params.postingId ?? "", values: submission.value, actorUserId: user.id });
    return redirect(`/staff/jobs/${params.postingId}/edit?done=saved`);
  } catch (error) {
    if (error instanceof PostingError && error.code === "postingNotFound") notFound();
    if (error instanceof PostingError && error.field) return submission.reply({ fieldErrors: { [error.field]: [`errors.${error.code}`] } });
    throw error;
  }
}

export default function EditPosting() {
  const { t } = useTranslation("jobs");
  const { posting, options, title } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <nav aria-label={t("staff.navLabel")}>
        <ul className="flex flex-wrap gap-x-4">
          <li>
            <Link to="/staff/jobs" className="inline-flex min-h-11 items-center">
              {t("editor.back")}
            </Link>
          </li>
          <li>
            <Link to={`/staff/jobs/${posting.id}`} className="inline-flex min-h-11 items-center">
              {t("staff.applications")}
            </Link>
          </li>
          <li>
            <Link to={`/staff/jobs/${posting.id}/shifts`} className="inline-flex min-h-11 items-center">
              {t("staff.shifts")}
            </Link>
          </li>
          {posting.status === "PUBLISHED" ? (
            <li>
              <Link to={`/jobs/${posting.slug}`} className="inline-flex min-h-11 items-center">
                {t("staff.publicPage")}
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <h1 className="text-2xl font-bold">
        {t("editor.editTitle")}: <span lang={title.language}>{title.text}</span>
      </h1>
      {done === "created" || done === "saved" ? <Notice>{t(`editor.done.${done}`)}</Notice> : null}
      <PostingForm
        id="posting-edit"
        lastResult={lastResult}
        defaultValue={posting.values}
        options={options}
        submitLabel={t("editor.save")}
        pending={navigation.state !== "idle"}
      />
    </div>
  );
}
