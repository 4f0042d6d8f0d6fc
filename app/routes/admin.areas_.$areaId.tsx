// Add a housing area ("new") or edit one: code, name, whether it is one of
// the plan's areas, place in lists, and the period it belongs to the plan.
// An area nothing refers to can be deleted; otherwise the page says why not.
import type { z } from "zod";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { Checkbox } from "~/components/ui/choice.tsx";
import { Field } from "~/components/ui/field.tsx";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { deleteHousingArea, housingAreaForEdit, saveHousingArea } from "~/domain/admin/areas.server.ts";
import { AdminError } from "~/domain/admin/errors.server.ts";
import { deleteSchema, housingAreaSchema } from "~/domain/admin/schemas.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";
import { Alert } from "~/components/ui/alert.tsx";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.area ? "admin:areas.editTitle" : "admin:areas.newTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "ADMIN");
  if (params.areaId === "new") return { area: null };
  const area = await housingAreaForEdit(params.areaId ?? "");
  if (!area) throw new Response("Not found", { status: 404 });
  return { area };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "ADMIN");
  const areaId = params.areaId === "new" ? null : (params.areaId ?? "");
  const formData = await request.formData();
  if (formData.get("intent") === "delete") {
    const submission = parseWithZod(formData, { schema: deleteSchema });
    if (submission.status !== "success" || !areaId) throw new Response("Bad request", { status: 400 });
    try {
      await deleteHousingArea(user, areaId);
    } catch (error) {
      if (error instanceof AdminError && error.code === "inUse") return submission.reply({ formErrors: ["errors.areaInUse"] });
      if (error instanceof AdminError && error.code === "notFound") throw new Response("Not found", { status: 404 });
      throw error;
    }
    return redirect("/admin/areas?done=deleted");
  }
  const submission = parseWithZod(formData, { schema: housingAreaSchema });
  if (submission.status !== "success") return submission.reply();
  const value = submission.value;
  try {
    await saveHousingArea(user, areaId, {
      code: value.code,
      name: value.name,
      isPlanArea: value.isPlanArea ?? false,
      sortOrder: value.sortOrder ?? 0,
      activeFrom: value.activeFrom ?? null,
      activeTo: value.activeTo ?? null,
    });
  } catch (error) {
    if (error instanceof AdminError && error.code === "codeTaken") return submission.reply({ fieldErrors: { code: ["errors.codeTaken"] } });
    if (error instanceof AdminError && error.code === "notFound") throw new Response("Not found", { status: 404 });
    throw error;
  }
  return redirect(`/admin/areas?done=${areaId ? "updated" : "created"}`);
}

function DeleteSection() {
  const { t } = useTranslation("admin");
  const language = useLanguage();
  const { area } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  if (!area) return null;
  const errors = result?.initialValue?.intent === "delete" ? result.error?.[""] : undefined;
  const usage = [
    { label: t("areas.usage.people"), count: area.usage.people },
    { label: t("areas.usage.activities"), count: area.usage.activities },
    { label: t("areas.usage.enrolments"), count: area.usage.enrolments },
    { label: t("areas.usage.attendances"), count: area.usage.attendances },
    { label: t("areas.usage.headCounts"), count: area.usage.headCounts },
  ].filter((row) => row.count > 0);
  return (
    <section aria-labelledby="delete-heading" className="space-y-3 rounded-xl border border-slate-200 p-4">
      <h2 id="delete-heading" className="text-xl font-bold">
        {t("areas.deleteHeading")}
      </h2>
      {errors?.length ? <Alert>{errors.map((error) => t(error)).join(" ")}</Alert> : null}
      {usage.length ? (
        <>
          <p>{t("areas.inUse")}</p>
          <ul className="list-disc ps-6">
            {usage.map((row) => (
              <li key={row.label}>
                {row.label}: {formatNumber(row.count, language)}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p>{t("areas.deleteText")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <Button type="submit" variant="secondary" className="w-full sm:w-auto" pending={navigation.state !== "idle"}>
              {t("areas.delete")}
            </Button>
          </Form>
        </>
      )}
    </section>
  );
}

export default function HousingAreaForm() {
  const { t } = useTranslation("admin");
  const { area } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof housingAreaSchema>>({
    lastResult: result?.initialValue?.intent === "delete" ? undefined : result,
    defaultValue: area
      ? {
          code: area.code,
          name: area.name,
          isPlanArea: area.isPlanArea,
          sortOrder: area.sortOrder,
          activeFrom: area.activeFrom ?? "",
          activeTo: area.activeTo ?? "",
        }
      : { isPlanArea: true, sortOrder: 0 },
  });
  const tr = (errors?: string[]) => errors?.map((error) => t(error));
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <p>
        <Link to="/admin/areas" className="inline-flex min-h-11 items-center">
          {t("areas.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{area ? t("areas.editTitle") : t("areas.newTitle")}</h1>
      <FormErrors errors={tr(form.errors)} />
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <Field
          {...getInputProps(fields.code, { type: "text" })}
          id={fields.code.id}
          label={t("code")}
          hint={t("codeHint")}
          autoComplete="off"
          dir="ltr"
          errors={tr(fields.code.errors)}
        />
        <Field
          {...getInputProps(fields.name, { type: "text" })}
          id={fields.name.id}
          label={t("areas.name")}
          hint={t("areas.nameHint")}
          lang="da"
          autoComplete="off"
          errors={tr(fields.name.errors)}
        />
        <div className="pb-6">
          <Checkbox
            id={fields.isPlanArea.id}
            name={fields.isPlanArea.name}
            defaultChecked={fields.isPlanArea.initialValue === "on"}
            label={t("areas.isPlanArea")}
            description={t("areas.isPlanAreaHint")}
          />
        </div>
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field
            {...getInputProps(fields.activeFrom, { type: "date" })}
            id={fields.activeFrom.id}
            label={t("areas.activeFrom")}
            hint={t("areas.activeHint")}
            errors={tr(fields.activeFrom.errors)}
          />
          <Field
            {...getInputProps(fields.activeTo, { type: "date" })}
            id={fields.activeTo.id}
            label={t("areas.activeTo")}
            hint={t("areas.activeHint")}
            errors={tr(fields.activeTo.errors)}
          />
        </div>
        <Field
          {...getInputProps(fields.sortOrder, { type: "number" })}
          id={fields.sortOrder.id}
          label={t("sortOrder")}
          hint={t("sortOrderHint")}
          inputMode="numeric"
          errors={tr(fields.sortOrder.errors)}
        />
        <Button type="submit" className="w-full sm:w-auto" pending={navigation.state !== "idle"}>
          {navigation.state !== "idle" ? t("common:form.pending") : area ? t("save") : t("areas.create")}
        </Button>
      </Form>
      <DeleteSection />
    </div>
  );
}
