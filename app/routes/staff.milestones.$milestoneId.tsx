// Add a milestone ("new") or edit one: title in Danish (required), English
// and Arabic, the measure, the target, what it covers (everything, an
// effort area, an activity type or one activity), first day and deadline.
// An existing milestone can be deleted after a confirmation.
import type { z } from "zod";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LocalizedTextField } from "~/components/editor/localized-text-field.tsx";
import { SelectionOptions } from "~/components/reports/report-filters.tsx";
import { useAnswered } from "~/components/ui/answered.ts";
import { Button } from "~/components/ui/button.tsx";
import { Checkbox, ErrorText, SelectField } from "~/components/ui/choice.tsx";
import { choiceProps } from "~/components/ui/conform.ts";
import { errorTexts, Field } from "~/components/ui/field.tsx";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { milestoneForEdit } from "~/domain/reporting/milestone-items.server.ts";
import { deleteMilestoneSchema, milestoneSchema, scopeFromSelection } from "~/domain/reporting/milestone-schemas.ts";
import { MEASURES } from "~/domain/reporting/milestones.ts";
import { deleteMilestone, saveMilestone } from "~/domain/reporting/milestones.server.ts";
import { reportNames, scopeName } from "~/domain/reporting/report-names.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data?.milestone ? "reports:milestoneForm.editTitle" : "reports:milestoneForm.newTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const language = await getLanguage(request);
  const milestone = params.milestoneId === "new" ? null : await milestoneForEdit(params.milestoneId ?? "");
  if (params.milestoneId !== "new" && !milestone) notFound();
  const names = await reportNames(language);
  return {
    milestone,
    options: {
      effortAreas: names.effortAreaOptions,
      types: names.typeOptions,
      programmes: names.programmeOptions,
      activities: names.activityOptions,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "STAFF");
  const id = params.milestoneId === "new" ? null : (params.milestoneId ?? "");
  if (id !== null && !(await milestoneForEdit(id))) notFound();
  const formData = await request.formData();
  if (formData.get("intent") === "delete") {
    const submission = parseWithZod(formData, { schema: deleteMilestoneSchema });
    if (submission.status !== "success" || id === null) return { intent: "delete" as const, result: submission.reply() };
    await deleteMilestone(id, user.id);
    return redirect("/staff/milestones?done=deleted");
  }
  const submission = parseWithZod(formData, { schema: milestoneSchema });
  if (submission.status !== "success") return { intent: "save" as const, result: submission.reply() };
  const { selection, title, ...rest } = submission.value;
  // The selection must name something that exists (a hand-made form could send any id).
  if (selection !== "all") {
    const [kind, selectedId] = selection.split(":", 2);
    const names = await reportNames("da");
    if (scopeName(names, { kind: kind!, id: selectedId! }) === null)
      return { intent: "save" as const, result: submission.reply({ fieldErrors: { selection: ["errors.selectionRequired"] } }) };
  }
  const saved = await saveMilestone(
    { ...(id ? { id } : {}), ...rest, title: { da: title.da, en: title.en || undefined, ar: title.ar || undefined }, scope: scopeFromSelection(selection) },
    user.id,
  );
  return redirect(`/staff/milestones?done=${id ? "updated" : "created"}#milestone-${saved}`);
}

function DeleteForm() {
  const { t } = useTranslation("reports");
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof deleteMilestoneSchema>>({
    id: "milestone-delete",
    lastResult: reply?.intent === "delete" ? reply.result : undefined,
  });
  const answered = useAnswered(reply);
  const errors = answered.unless(fields.confirm.name, fields.confirm.errors)?.map((key) => t(key));
  return (
    <section aria-labelledby="delete-heading" className="space-y-2 rounded-xl border-2 border-red-200 p-4">
      <h2 id="delete-heading" className="text-xl font-bold">
        {t("milestoneForm.deleteTitle")}
      </h2>
      <p>{t("milestoneForm.deleteIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-2" onChange={answered.onChange}>
        <input type="hidden" name="intent" value="delete" />
        <Checkbox
          id={fields.confirm.id}
          name={fields.confirm.name}
          label={t("milestoneForm.deleteConfirm")}
          invalid={Boolean(errors?.length)}
          describedBy={errors?.length ? `${fields.confirm.id}-error` : undefined}
        />
        <ErrorText id={fields.confirm.id} errors={errors} />
        <Button type="submit" variant="danger" pending={navigation.state !== "idle"}>
          {t("milestoneForm.delete")}
        </Button>
      </Form>
    </section>
  );
}

export default function MilestoneEditor() {
  const { t } = useTranslation("reports");
  const { milestone, options } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof milestoneSchema>>({
    id: "milestone",
    lastResult: reply?.intent === "save" ? reply.result : undefined,
    defaultValue: milestone ?? { measure: "UNIQUE_PARTICIPANTS", selection: "all" },
  });
  const tr = errorTexts(t);
  return (
    <div className="space-y-6">
      <p>
        <Link to="/staff/milestones" className="inline-flex min-h-11 items-center">
          {t("milestoneForm.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{milestone ? t("milestoneForm.editTitle") : t("milestoneForm.newTitle")}</h1>
      <FormErrors errors={tr(form.errors)} />
      <Form method="post" {...getFormProps(form)} className="space-y-3">
        <input type="hidden" name="intent" value="save" />
        <LocalizedTextField legend={t("milestoneForm.title")} hint={t("milestoneForm.titleHint")} fields={fields.title.getFieldset()} required />
        <SelectField {...choiceProps(fields.measure, tr)} label={t("milestoneForm.measure")}>
          {MEASURES.map((measure) => (
            <option key={measure} value={measure}>
              {t(`milestoneMeasure.${measure}`)}
            </option>
          ))}
        </SelectField>
        <Field
          {...getInputProps(fields.target, { type: "number" })}
          id={fields.target.id}
          label={t("milestoneForm.target")}
          inputMode="numeric"
          min={1}
          className="max-w-xs"
          errors={tr(fields.target.errors)}
        />
        <SelectField {...choiceProps(fields.selection, tr)} label={t("milestoneForm.selection")} hint={t("milestoneForm.selectionHint")}>
          <SelectionOptions options={options} />
        </SelectField>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field
            {...getInputProps(fields.startsOn, { type: "date" })}
            id={fields.startsOn.id}
            label={t("milestoneForm.startsOn")}
            errors={tr(fields.startsOn.errors)}
          />
          <Field
            {...getInputProps(fields.deadline, { type: "date" })}
            id={fields.deadline.id}
            label={t("milestoneForm.deadline")}
            errors={tr(fields.deadline.errors)}
          />
        </div>
        <Button type="submit" pending={navigation.state !== "idle"}>
          {t("milestoneForm.save")}
        </Button>
      </Form>
      {milestone ? <DeleteForm /> : null}
    </div>
  );
}
