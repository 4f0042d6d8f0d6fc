// Add an activity type ("new") or edit one: code, name in Danish (required),
// English and Arabic, pictogram, drop-in default and place in lists. A
// type no activity uses can be deleted; otherwise the page says why not.
import type { z } from "zod";
import { getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/icons.tsx";
import { DeleteSection, EditPageFrame, splitDeleteResult } from "~/components/admin/edit-page.tsx";
import { Checkbox, ErrorText } from "~/components/ui/choice.tsx";
import { errorTexts, Field } from "~/components/ui/field.tsx";
import { editId, loadForEdit, saveOrDelete } from "~/web/admin-edit.server.ts";
import { ICON_NAMES } from "~/domain/activities/icon-names.ts";
import { activityTypeSchema } from "~/domain/admin/schemas.ts";
import { activityTypeForEdit, deleteActivityType, saveActivityType } from "~/domain/admin/types.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.type ? "admin:types.editTitle" : "admin:types.newTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "ADMIN");
  return { type: await loadForEdit(params.typeId, activityTypeForEdit) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "ADMIN");
  return saveOrDelete(await request.formData(), editId(params.typeId), {
    schema: activityTypeSchema,
    listPath: "/admin/types",
    inUseError: "errors.typeInUse",
    remove: (typeId) => deleteActivityType(user, typeId),
    save: (typeId, { nameDa, nameEn, nameAr, dropIn, sortOrder, ...rest }) =>
      saveActivityType(user, typeId, { ...rest, name: { da: nameDa, en: nameEn, ar: nameAr }, dropIn: dropIn ?? false, sortOrder: sortOrder ?? 0 }),
  });
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

function TypeDeleteSection({ errors }: { errors?: string[] | null }) {
  const { t } = useTranslation("admin");
  const language = useLanguage();
  const { type } = useLoaderData<typeof loader>();
  if (!type) return null;
  return (
    <DeleteSection
      heading={t("types.deleteHeading")}
      errors={errors}
      text={t("types.deleteText")}
      buttonLabel={t("types.delete")}
      inUse={type.activities > 0 ? <p>{t("types.inUse", { number: formatNumber(type.activities, language) })}</p> : null}
    />
  );
}

export default function ActivityTypeForm() {
  const { t } = useTranslation("admin");
  const { type } = useLoaderData<typeof loader>();
  const { formResult, deleteErrors } = splitDeleteResult(useActionData<typeof action>());
  const [form, fields] = useForm<z.input<typeof activityTypeSchema>>({
    lastResult: formResult,
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
  const tr = errorTexts(t);
  return (
    <EditPageFrame
      back={{ to: "/admin/types", label: t("types.back") }}
      title={type ? t("types.editTitle") : t("types.newTitle")}
      form={form}
      code={fields.code}
      sortOrder={fields.sortOrder}
      saveLabel={type ? t("save") : t("types.create")}
      deleteSection={<TypeDeleteSection errors={deleteErrors} />}
    >
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
    </EditPageFrame>
  );
}
