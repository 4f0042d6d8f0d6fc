// A new job posting (staff and admins). Saved with the status chosen in the
// form (a draft by default); every save is audited.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostingForm } from "~/components/jobs/posting-form.tsx";
import { postingSchema } from "~/domain/jobs/posting-schemas.ts";
import { createPosting, PostingError, postingEditorOptions } from "~/domain/jobs/postings.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "jobs:editor.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  return { options: await postingEditorOptions() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "STAFF");
  const submission = parseWithZod(await request.formData(), { schema: postingSchema });
  if (submission.status !== "success") return submission.reply();
  try {
    const created = await createPosting({ values: submission.value, actorUserId: user.id });
    return redirect(`/staff/jobs/${created.id}/edit?done=created`);
  } catch (error) {
    if (error instanceof PostingError && error.field) return submission.reply({ fieldErrors: { [error.field]: [`errors.${error.code}`] } });
    throw error;
  }
}

export default function NewPosting() {
  const { t } = useTranslation("jobs");
  const { options } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p>
        <Link to="/staff/jobs" className="inline-flex min-h-11 items-center">
          {t("editor.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("editor.newTitle")}</h1>
      <PostingForm
        id="posting-new"
        lastResult={lastResult}
        defaultValue={{ minAge: "13", maxAge: "17", payUnit: "HOUR", status: "DRAFT", positions: "1" }}
        options={options}
        submitLabel={t("editor.create")}
        pending={navigation.state !== "idle"}
      />
    </div>
  );
}
