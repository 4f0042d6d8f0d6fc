// Bringing in the existing lists: upload a spreadsheet (xlsx or CSV) of
// households and children, or of past participation in one activity; the
// file is kept as a draft while staff check the columns and the preview
// (staff.import.$batchId.tsx). Below: the latest imports.
import type { z } from "zod";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { ErrorText, RadioGroup, SelectField } from "~/components/ui/choice.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { createDraft, listBatches } from "~/domain/register/import/batches.server.ts";
import { ImportError } from "~/domain/register/import/import.server.ts";
import { uploadSchema } from "~/domain/register/import/schemas.ts";
import { reportNames } from "~/domain/reporting/report-names.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDateTime } from "~/lib/format.ts";
import { getLanguage } from "~/lib/i18n.server.ts";
import type { Language } from "~/lib/i18n.ts";
import { pageTitle } from "~/lib/meta.ts";
import { errorTexts } from "~/components/ui/field.tsx";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "import:title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const language = await getLanguage(request);
  const [batches, names] = await Promise.all([listBatches(), reportNames(language)]);
  return { batches, activities: names.activityOptions };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "STAFF");
  const submission = parseWithZod(await request.formData(), { schema: uploadSchema });
  if (submission.status !== "success") return submission.reply({ hideFields: ["file"] });
  const { file, kind, activityId } = submission.value;
  try {
    const batchId = await createDraft({
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name,
      kind,
      activityId: activityId ?? null,
      actorUserId: user.id,
    });
    return redirect(`/staff/import/${batchId}`);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    const field = error.code === "unknownActivity" || error.code === "activityRequired" ? "activityId" : "file";
    return submission.reply({ fieldErrors: { [field]: [`errors.${error.code}`] }, hideFields: ["file"] });
  }
}

export default function ImportStart() {
  const { t, i18n } = useTranslation("import");
  const { batches, activities } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof uploadSchema>>({ lastResult, defaultValue: { kind: "people" } });
  const tr = errorTexts(t);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link to="/staff" className="inline-flex min-h-11 items-center">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <FormErrors errors={tr(form.errors)} />
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="space-y-4 rounded-xl border border-slate-200 p-4">
        <div className="space-y-1">
          <label htmlFor={fields.file.id} className="block font-semibold">
            {t("upload.file")}
          </label>
          <p id={`${fields.file.id}-hint`} className="text-sm text-slate-700">
            {t("upload.fileHint")}
          </p>
          <input
            id={fields.file.id}
            name={fields.file.name}
            type="file"
            accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            aria-describedby={`${fields.file.id}-hint ${fields.file.id}-error`}
            aria-invalid={fields.file.errors?.length ? true : undefined}
            className="block min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white p-2"
          />
          <ErrorText id={fields.file.id} errors={tr(fields.file.errors)} />
        </div>
        <RadioGroup
          id={fields.kind.id}
          name={fields.kind.name}
          legend={t("upload.kind")}
          hint={t("upload.kindHint")}
          defaultValue={fields.kind.initialValue as string | undefined}
          options={[
            { value: "people", label: t("kinds.people") },
            { value: "participation", label: t("kinds.participation") },
          ]}
          errors={tr(fields.kind.errors)}
        />
        <SelectField
          id={fields.activityId.id}
          name={fields.activityId.name}
          defaultValue={fields.activityId.initialValue as string | undefined}
          label={t("upload.activity")}
          hint={t("upload.activityHint")}
          errors={tr(fields.activityId.errors)}
        >
          <option value="">{t("upload.chooseActivity")}</option>
          {activities.map((activity) => (
            <option key={activity.id} value={activity.id}>
              {activity.name}
            </option>
          ))}
        </SelectField>
        <Button type="submit" pending={navigation.state !== "idle"}>
          {t("upload.submit")}
        </Button>
      </Form>

      <section className="space-y-2">
        <h2 className="text-xl font-bold">{t("list.title")}</h2>
        <DataTable
          caption={t("list.title")}
          empty={t("list.empty")}
          columns={[{ label: t("list.file") }, { label: t("list.kind") }, { label: t("list.status") }, { label: t("list.when") }, { label: t("list.result") }]}
          items={batches}
          row={(batch) => (
            <>
              <td className="py-2 pe-3">
                <Link to={`/staff/import/${batch.id}`}>
                  <bdi>{batch.fileName}</bdi>
                </Link>
              </td>
              <td className="py-2 pe-3">{t(`kinds.${batch.kind === "PEOPLE" ? "people" : "participation"}`)}</td>
              <td className="py-2 pe-3">{t(`status.${batch.status}`)}</td>
              <td className="py-2 pe-3">{formatDateTime(new Date(batch.importedAt ?? batch.createdAt), i18n.language as Language)}</td>
              <td className="py-2 pe-3">
                {batch.summary
                  ? t("list.summary", { created: batch.summary.created.people, matched: batch.summary.matched, errors: batch.summary.errors })
                  : null}
              </td>
            </>
          )}
        />
      </section>
    </div>
  );
}
