// Add a programme ("new") or edit one: its name (unique, compared without regard to case); merge it into another
// programme (its activities and milestones move there, and it is gone: two spellings of one programme become one);
// delete it when nothing uses it, otherwise the page says what does.
import type { z } from "zod";
import { parseWithZod } from "@conform-to/zod/v4";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DeleteSection, SaveButton, splitDeleteResult } from "~/components/admin/edit-page.tsx";
import { BackLink } from "~/components/admin/page.tsx";
import { Button } from "~/components/ui/button.tsx";
import { SelectField } from "~/components/ui/choice.tsx";
import { errorTexts, Field } from "~/components/ui/field.tsx";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { AdminError } from "~/domain/admin/errors.server.ts";
import { deleteProgramme, mergeProgramme, programmeForEdit, saveProgramme } from "~/domain/admin/programmes.server.ts";
import { mergeProgrammeSchema, programmeSchema } from "~/domain/admin/schemas.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";
import { editId, loadForEdit, saveOrDelete } from "~/web/admin-edit.server.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data?.programme ? "admin:programmes.editTitle" : "admin:programmes.newTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "ADMIN");
  return { programme: await loadForEdit(params.programmeId, programmeForEdit) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "ADMIN");
  const formData = await request.formData();
  const id = editId(params.programmeId);
  if (formData.get("intent") === "merge") {
    const submission = parseWithZod(formData, { schema: mergeProgrammeSchema });
    if (submission.status !== "success") return submission.reply();
    if (!id) notFound();
    try {
      await mergeProgramme(user, id, submission.value.into);
    } catch (error) {
      // This programme gone (a 404), or the one chosen gone meanwhile (say so beside the choice).
      if (error instanceof AdminError && error.code === "notFound") {
        if (!(await programmeForEdit(id))) notFound();
        return submission.reply({ fieldErrors: { into: ["errors.mergeTargetRequired"] } });
      }
      throw error;
    }
    return redirect(`/admin/programmes?done=merged`);
  }
  return saveOrDelete(formData, id, {
    schema: programmeSchema,
    listPath: "/admin/programmes",
    inUseError: "errors.programmeInUse",
    taken: { field: "name", error: "errors.programmeTaken" },
    remove: (programmeId) => deleteProgramme(user, programmeId),
    save: (programmeId, value) => saveProgramme(user, programmeId, value),
  });
}

function MergeSection({ result }: { result?: ReturnType<typeof useActionData<typeof action>> }) {
  const { t } = useTranslation("admin");
  const navigation = useNavigation();
  const { programme } = useLoaderData<typeof loader>();
  const [form, fields] = useForm<z.input<typeof mergeProgrammeSchema>>({ id: "merge", lastResult: result });
  if (!programme) return null;
  const tr = errorTexts(t);
  return (
    <section aria-labelledby="merge-heading" className="space-y-3 rounded-xl border border-slate-200 p-4">
      <h2 id="merge-heading" className="text-xl font-bold">
        {t("programmes.mergeHeading")}
      </h2>
      {programme.others.length ? (
        <Form method="post" {...getFormProps(form)} className="space-y-2">
          <p>{t("programmes.mergeText", { name: programme.name })}</p>
          <input type="hidden" name="intent" value="merge" />
          <SelectField id={fields.into.id} name={fields.into.name} label={t("programmes.mergeInto")} errors={tr(fields.into.errors)} defaultValue="">
            <option value="">{t("programmes.choose")}</option>
            {programme.others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.name}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary" className="w-full sm:w-auto" pending={navigation.state !== "idle"}>
            {t("programmes.merge")}
          </Button>
        </Form>
      ) : (
        <p>{t("programmes.noOthers")}</p>
      )}
    </section>
  );
}

export default function ProgrammeForm() {
  const { t } = useTranslation("admin");
  const language = useLanguage();
  const { programme } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const merging = result?.initialValue?.intent === "merge";
  const { formResult, deleteErrors } = splitDeleteResult(merging ? undefined : result);
  const [form, fields] = useForm<z.input<typeof programmeSchema>>({ lastResult: formResult, defaultValue: programme ? { name: programme.name } : {} });
  const tr = errorTexts(t);
  const inUse =
    programme && (programme.activities > 0 || programme.milestones > 0) ? (
      <p>{t("programmes.inUse", { activities: formatNumber(programme.activities, language), milestones: formatNumber(programme.milestones, language) })}</p>
    ) : null;
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <BackLink to="/admin/programmes">{t("programmes.back")}</BackLink>
      <h1 className="text-2xl font-bold">{programme ? t("programmes.editTitle") : t("programmes.newTitle")}</h1>
      <FormErrors errors={tr(form.errors)} />
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <Field
          {...getInputProps(fields.name, { type: "text" })}
          id={fields.name.id}
          label={t("programmes.name")}
          hint={t("programmes.nameHint")}
          autoComplete="off"
          errors={tr(fields.name.errors)}
        />
        <SaveButton label={programme ? t("save") : t("programmes.create")} />
      </Form>
      {programme ? (
        <>
          <MergeSection result={merging ? result : undefined} />
          <DeleteSection
            heading={t("programmes.deleteHeading")}
            errors={deleteErrors}
            text={t("programmes.deleteText")}
            buttonLabel={t("programmes.delete")}
            inUse={inUse}
          />
        </>
      ) : null}
    </div>
  );
}
