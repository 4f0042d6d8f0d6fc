// Register a family on its behalf (no login): a guardian with a phone or
// e-mail, and up to four children.
import type { z } from "zod";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { SelectField } from "~/components/ui/choice.tsx";
import { errorTexts, Field } from "~/components/ui/field.tsx";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { MatchChoices } from "~/components/match-choices.tsx";
import { AssistedError, createHouseholdOnBehalf } from "~/domain/households/assisted.server.ts";
import { assistedHouseholdSchema } from "~/domain/households/schemas.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { RateLimitedError } from "~/lib/rate-limit.server.ts";
import { housingAreas, unknownHousingAreas } from "~/domain/households/areas.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { AreaOptions } from "~/components/area-select.tsx";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff:families.new");

const CHILD_ROWS = 4;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ["STAFF", "PARTNER"]);
  return {
    areas: await housingAreas(),
    // The form's one-time key: sent twice (a double tap), it registers one family (ADR 015).
    key: crypto.randomUUID(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, ["STAFF", "PARTNER"]);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: assistedHouseholdSchema });
  if (submission.status !== "success") return submission.reply();
  const { firstName, lastName, phone, email, language, housingAreaId, children = [], key } = submission.value;
  const unknown = await unknownHousingAreas([housingAreaId, ...children.map((row) => row?.housingAreaId)]);
  if (unknown.size) {
    const fieldErrors: Record<string, string[]> = {};
    if (housingAreaId && unknown.has(housingAreaId)) fieldErrors.housingAreaId = ["household:errors.areaRequired"];
    children.forEach((row, i) => {
      if (row?.housingAreaId && unknown.has(row.housingAreaId)) fieldErrors[`children[${i}].housingAreaId`] = ["household:errors.areaRequired"];
    });
    return submission.reply({ fieldErrors });
  }
  const rows = children.filter((row): row is NonNullable<typeof row> & { firstName: string; lastName: string; birthDate: string } =>
    Boolean(row?.firstName && row.lastName && row.birthDate),
  );
  const result = await createHouseholdOnBehalf(
    {
      guardian: { firstName, lastName, phone, email: email ?? null, language, housingAreaId: housingAreaId ?? null },
      children: rows.map((row) => ({
        firstName: row.firstName,
        lastName: row.lastName,
        birthDate: row.birthDate,
        housingAreaId: row.housingAreaId ?? housingAreaId ?? null,
        choice: row.choice ?? null,
      })),
    },
    user,
    key ?? crypto.randomUUID(),
  ).catch((error: unknown) => {
    if (error instanceof RateLimitedError) return null;
    if (error instanceof AssistedError) return "notOffered" as const;
    throw error;
  });
  if (!result) return submission.reply({ formErrors: ["household:errors.tooManyFamiliesToday"] });
  if (result === "notOffered") return submission.reply({ formErrors: ["household:errors.formExpired"] });
  if (result.status === "matches") {
    // "Is it this child?" for the first child with likely matches; everything typed (and earlier answers) goes along.
    const row = rows[result.child]!;
    const index = children.indexOf(row);
    const typed = Object.fromEntries(
      [...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[0] !== `children[${index}].choice`),
    );
    return { matches: result.matches, typed, choiceField: `children[${index}].choice` };
  }
  return redirect(`/staff/families/${result.householdId}?done=created`);
}

export default function NewFamily() {
  const { t } = useTranslation("staff");
  const { t: th } = useTranslation("household");
  const { areas, key } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const lastResult = data && "matches" in data ? undefined : data;
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof assistedHouseholdSchema>>({
    lastResult,
    defaultValue: { language: "da", children: Array.from({ length: CHILD_ROWS }, () => ({})) },
  });
  const tr = errorTexts(th);
  const rows = fields.children.getFieldList();
  const areaOptions = <AreaOptions areas={areas} empty={th("fields.choose")} />;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p>
        <Link to="/staff/families" className="inline-flex min-h-11 items-center">
          {t("families.title")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("families.new")}</h1>
      <p className="text-sm text-slate-700">{t("families.newIntro")}</p>
      <FormErrors errors={tr(form.errors)} />
      {data && "matches" in data ? <MatchChoices id="child-matches" matches={data.matches} hidden={data.typed} name={data.choiceField} /> : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4" hidden={Boolean(data && "matches" in data)}>
        <input type="hidden" name="key" value={key} />
        <fieldset className="space-y-1 rounded-xl border border-slate-200 p-3">
          <legend className="px-1 text-lg font-bold">{t("families.guardian")}</legend>
          <div className="grid gap-x-3 sm:grid-cols-2">
            <Field
              {...getInputProps(fields.firstName, { type: "text" })}
              id={fields.firstName.id}
              label={th("fields.firstName")}
              autoComplete="off"
              errors={tr(fields.firstName.errors)}
            />
            <Field
              {...getInputProps(fields.lastName, { type: "text" })}
              id={fields.lastName.id}
              label={th("fields.lastName")}
              autoComplete="off"
              errors={tr(fields.lastName.errors)}
            />
            <Field
              {...getInputProps(fields.phone, { type: "tel" })}
              id={fields.phone.id}
              label={th("fields.phone")}
              hint={th("fields.phoneHint")}
              dir="ltr"
              errors={tr(fields.phone.errors)}
            />
            <Field
              {...getInputProps(fields.email, { type: "email" })}
              id={fields.email.id}
              label={t("families.email")}
              dir="ltr"
              errors={tr(fields.email.errors)}
            />
          </div>
          <SelectField
            id={fields.language.id}
            name={fields.language.name}
            defaultValue={fields.language.initialValue}
            label={t("families.language")}
            hint={t("families.languageHint")}
          >
            <option value="da">Dansk</option>
            <option value="en">English</option>
            <option value="ar">العربية</option>
          </SelectField>
          <SelectField id={fields.housingAreaId.id} name={fields.housingAreaId.name} defaultValue={fields.housingAreaId.initialValue} label={th("fields.area")}>
            {areaOptions}
          </SelectField>
        </fieldset>
        {rows.map((row, index) => {
          const child = row.getFieldset();
          return (
            <fieldset key={row.key} className="space-y-1 rounded-xl border border-slate-200 p-3">
              <legend className="px-1 font-bold">{t("families.child", { number: index + 1 })}</legend>
              <div className="grid gap-x-3 sm:grid-cols-2">
                <Field
                  {...getInputProps(child.firstName, { type: "text" })}
                  id={child.firstName.id}
                  label={th("fields.firstName")}
                  autoComplete="off"
                  errors={tr(child.firstName.errors)}
                />
                <Field
                  {...getInputProps(child.lastName, { type: "text" })}
                  id={child.lastName.id}
                  label={th("fields.lastName")}
                  autoComplete="off"
                  errors={tr(child.lastName.errors)}
                />
                <Field
                  {...getInputProps(child.birthDate, { type: "date" })}
                  id={child.birthDate.id}
                  label={th("fields.birthDate")}
                  errors={tr(child.birthDate.errors)}
                />
                <SelectField
                  id={child.housingAreaId.id}
                  name={child.housingAreaId.name}
                  defaultValue={child.housingAreaId.initialValue}
                  label={th("fields.area")}
                  hint={t("families.sameArea")}
                >
                  {areaOptions}
                </SelectField>
              </div>
            </fieldset>
          );
        })}
        <Button type="submit" className="w-full sm:w-auto" pending={navigation.state !== "idle"}>
          {t("families.create")}
        </Button>
      </Form>
    </div>
  );
}
