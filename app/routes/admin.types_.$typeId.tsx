// Add an activity type ("new") or edit one: code, name in Danish (required),
// English and Arabic, pictogram, drop-in default and place in lists. A
// type no activity uses can be deleted; otherwise the page says why not.
import type { z } from "zod";
import { getFormProps, getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/icons.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Checkbox, ErrorText } from "~/components/ui/choice.tsx";
import { Field } from "~/components/ui/field.tsx";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { AdminError } from "~/domain/admin/errors.server.ts";
import { activityTypeSchema, deleteSchema, ICON_NAMES } from "~/domain/admin/schemas.ts";
import { activityTypeForEdit, deleteActivityType, saveActivityType } from "~/domain/admin/types.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";
import { Alert } from "~/components/ui/alert.tsx";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.type ? "admin:types.editTitle" : "admin:types.newTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "ADMIN");
  if (params.typeId === "new") return { type: null };
  const type = await activityTypeForEdit(params.typeId ?? "");
  if (!type) throw new Response("Not found", { status: 404 });
  return { type };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "ADMIN");
  const typeId = params.typeId === "new" ? null : (params.typeId ?? "");
  const formData = await request.formData();
  if (formData.get("intent") === "delete") {
    const submission = parseWithZod(formData, { schema: deleteSchema });
    if (submission.status !== "success" || !typeId) throw new Response("Bad request", { status: 400 });
    try {
      await deleteActivityType(user, typeId);
    } catch (error) {
      if (error instanceof AdminError && error.code === "inUse") return submission.reply({ formErrors: ["errors.typeInUse"] });
      if (error instanceof AdminError && error.code === "notFound") throw new Response("Not found", { status: 404 });
      throw error;
    }
    return redirect("/admin/types?done=deleted");
  }
  const submission = parseWithZod(formData, { schema: activityTypeSchema });
  if (submission.status !== "success") return submission.reply();
  const { nameDa, nameEn, nameAr, dropIn, sortOrder, ...rest } = submission.value;
  try {
    await saveActivityType(user, typeId, { ...rest, name: { da: nameDa, en: nameEn, ar: nameAr }, dropIn: dropIn ?? false, sortOrder: sortOrder ?? 0 });
  } catch (error) {
    if (error instanceof AdminError && error.code === "codeTaken") return submission.reply({ fieldErrors: { code: ["errors.codeTaken"] } });
    if (error instanceof AdminError && error.code === "notFound") throw new Response("Not found", { status: 404 });
    throw error;
  }
  return redirect(`/admin/types?done=${typeId ? "updated" : "created"}`);
}

function IconPicker({ field, errors }: { field: FieldMetadata<string | undefined>; errors?: string[] }) {
  const { t } = useTranslation("admin");
  return (
    <fieldset className="space-y-1" aria-describedby={errors?.length ? `${field.id}-error` : undefined}>
      <legend className="font-semibold">{t("types.icon")}</legend>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {ICON_NAMES.map((name) => (
          <label
            key={name}
            className="flex min-h-12 cursor-pointer items-center gap-2 rounded-lg border-2 border-slate-300 px-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
          >
            <input type="radio" name={field.name} value={name} defaultChecked={field.initialValue === name} className="size-5 shrink-0 accent-brand-700" />
            <Icon name={name} className="size-6 shrink-0 text-brand-700" />
            {t(`icons.${name}`)}
          </label>
        ))}
      </div>
      <ErrorText id={field.id} errors={errors} />
    </fieldset>
  );
}

function DeleteSection() {
  const { t } = useTranslation("admin");
  const language = useLanguage();
  const { type } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  if (!type) return null;
  const errors = result?.initialValue?.intent === "delete" ? result.error?.[""] : undefined;
  return (
    <section aria-labelledby="delete-heading" className="space-y-3 rounded-xl border border-slate-200 p-4">
      <h2 id="delete-heading" className="text-xl font-bold">
        {t("types.deleteHeading")}
      </h2>
      {errors?.length ? <Alert>{errors.map((error) => t(error)).join(" ")}</Alert> : null}
      {type.activities > 0 ? (
        <p>{t("types.inUse", { number: formatNumber(type.activities, language) })}</p>
      ) : (
        <>
          <p>{t("types.deleteText")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <Button type="submit" variant="secondary" className="w-full sm:w-auto" pending={navigation.state !== "idle"}>
              {t("types.delete")}
            </Button>
          </Form>
        </>
      )}
    </section>
  );
}

export default function ActivityTypeForm() {
  const { t } = useTranslation("admin");
  const { type } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof activityTypeSchema>>({
    lastResult: result?.initialValue?.intent === "delete" ? undefined : result,
    defaultValue: type
      ? {
          code: type.code,
          nameDa: type.name.da,
          nameEn: type.name.en ?? "",
          nameAr: type.name.ar ?? "",
          icon: type.icon,
          dropIn: type.dropIn,
          sortOrder: type.sortOrder,
        }
      : { sortOrder: 0 },
  });
  const tr = (errors?: string[]) => errors?.map((error) => t(error));
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <p>
        <Link to="/admin/types" className="inline-flex min-h-11 items-center">
          {t("types.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{type ? t("types.editTitle") : t("types.newTitle")}</h1>
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
          {...getInputProps(fields.nameDa, { type: "text" })}
          id={fields.nameDa.id}
          label={t("types.nameDa")}
          lang="da"
          autoComplete="off"
          errors={tr(fields.nameDa.errors)}
        />
        <Field
          {...getInputProps(fields.nameEn, { type: "text" })}
          id={fields.nameEn.id}
          label={t("types.nameEn")}
          hint={t("types.translationHint")}
          lang="en"
          dir="ltr"
          autoComplete="off"
          errors={tr(fields.nameEn.errors)}
        />
        <Field
          {...getInputProps(fields.nameAr, { type: "text" })}
          id={fields.nameAr.id}
          label={t("types.nameAr")}
          hint={t("types.translationHint")}
          lang="ar"
          dir="rtl"
          autoComplete="off"
          errors={tr(fields.nameAr.errors)}
        />
        <IconPicker field={fields.icon} errors={tr(fields.icon.errors)} />
        <div className="pb-6">
          <Checkbox
            id={fields.dropIn.id}
            name={fields.dropIn.name}
            defaultChecked={fields.dropIn.initialValue === "on"}
            label={t("types.dropIn")}
            description={t("types.dropInHint")}
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
          {navigation.state !== "idle" ? t("common:form.pending") : type ? t("save") : t("types.create")}
        </Button>
      </Form>
      <DeleteSection />
    </div>
  );
}
