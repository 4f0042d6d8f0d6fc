// Add a housing area ("new") or edit one: code, name, whether it is one of
// the plan's areas, place in lists, and the period it belongs to the plan.
// An area nothing refers to can be deleted; otherwise the page says why not.
import type { z } from "zod";
import { getInputProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DeleteSection, EditPageFrame, splitDeleteResult } from "~/components/admin/edit-page.tsx";
import { Checkbox } from "~/components/ui/choice.tsx";
import { errorTexts, Field } from "~/components/ui/field.tsx";
import { deleteHousingArea, housingAreaForEdit, saveHousingArea } from "~/domain/admin/areas.server.ts";
import { editId, loadForEdit, saveOrDelete } from "~/web/admin-edit.server.ts";
import { housingAreaSchema } from "~/domain/admin/schemas.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatNumber } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, data?.area ? "admin:areas.editTitle" : "admin:areas.newTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "ADMIN");
  return { area: await loadForEdit(params.areaId, housingAreaForEdit) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "ADMIN");
  return saveOrDelete(await request.formData(), editId(params.areaId), {
    schema: housingAreaSchema,
    listPath: "/admin/areas",
    inUseError: "errors.areaInUse",
    remove: (areaId) => deleteHousingArea(user, areaId),
    save: (areaId, value) =>
      saveHousingArea(user, areaId, {
        code: value.code,
        name: value.name,
        isPlanArea: value.isPlanArea ?? false,
        sortOrder: value.sortOrder ?? 0,
        activeFrom: value.activeFrom ?? null,
        activeTo: value.activeTo ?? null,
      }),
  });
}

function AreaDeleteSection({ errors }: { errors?: string[] | null }) {
  const { t } = useTranslation("admin");
  const language = useLanguage();
  const { area } = useLoaderData<typeof loader>();
  if (!area) return null;
  const usage = [
    { label: t("areas.usage.people"), count: area.usage.people },
    { label: t("areas.usage.activities"), count: area.usage.activities },
    { label: t("areas.usage.enrolments"), count: area.usage.enrolments },
    { label: t("areas.usage.attendances"), count: area.usage.attendances },
    { label: t("areas.usage.headCounts"), count: area.usage.headCounts },
  ].filter((row) => row.count > 0);
  return (
    <DeleteSection
      heading={t("areas.deleteHeading")}
      errors={errors}
      text={t("areas.deleteText")}
      buttonLabel={t("areas.delete")}
      inUse={
        usage.length ? (
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
        ) : null
      }
    />
  );
}

export default function HousingAreaForm() {
  const { t } = useTranslation("admin");
  const { area } = useLoaderData<typeof loader>();
  const { formResult, deleteErrors } = splitDeleteResult(useActionData<typeof action>());
  const [form, fields] = useForm<z.input<typeof housingAreaSchema>>({
    lastResult: formResult,
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
  const tr = errorTexts(t);
  return (
    <EditPageFrame
      back={{ to: "/admin/areas", label: t("areas.back") }}
      title={area ? t("areas.editTitle") : t("areas.newTitle")}
      form={form}
      code={fields.code}
      sortOrder={fields.sortOrder}
      saveLabel={area ? t("save") : t("areas.create")}
      deleteSection={<AreaDeleteSection errors={deleteErrors} />}
    >
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
    </EditPageFrame>
  );
}
