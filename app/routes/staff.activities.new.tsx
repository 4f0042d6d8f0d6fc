// A new activity (staff and admins): the whole form; it is saved as a draft,
// and the next step adds its dates.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActivityForm } from "~/components/editor/activity-form.tsx";
import { activitySchema } from "~/domain/activities/editor-schemas.ts";
import { createActivity, EditorError, editorOptions, newActivityFormValues } from "~/domain/activities/editor.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "editor:new.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  return { options: await editorOptions(), defaults: newActivityFormValues() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "STAFF");
  const submission = parseWithZod(await request.formData(), { schema: activitySchema });
  if (submission.status !== "success") return submission.reply();
  try {
    const created = await createActivity({ values: submission.value, actorUserId: user.id });
    return redirect(`/staff/activities/${created.id}/sessions?done=created`);
  } catch (error) {
    if (error instanceof EditorError && error.field) return submission.reply({ fieldErrors: { [error.field]: [`errors.${error.code}`] } });
    throw error;
  }
}

export default function NewActivity() {
  const { t } = useTranslation("editor");
  const { options, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p>
        <Link to="/staff" className="inline-flex min-h-11 items-center">
          {t("backToStaff")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("new.title")}</h1>
      <p>{t("new.intro")}</p>
      <ActivityForm
        id="activity-new"
        lastResult={lastResult}
        defaultValue={defaults}
        options={options}
        submitLabel={t("new.submit")}
        pending={navigation.state !== "idle"}
      />
    </div>
  );
}
