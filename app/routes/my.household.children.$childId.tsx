// Add a child ("new") or edit one of the household's children.
import type { z } from "zod";
import { getFormProps, getInputProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { areaName } from "~/components/area-name.ts";
import { Button } from "~/components/ui/button.tsx";
import { RadioGroup, SelectField, TextareaField } from "~/components/ui/choice.tsx";
import { choiceProps } from "~/components/ui/conform.ts";
import { errorTexts, Field } from "~/components/ui/field.tsx";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { dateOnly } from "~/domain/dates.ts";
import { MatchChoices } from "~/components/match-choices.tsx";
import { addChild, childNeeds, HouseholdError, householdOf, ownDetails, saveChild } from "~/domain/households/household.server.ts";
import { childSchema, newChildSchema } from "~/domain/households/schemas.ts";
import { requireUser, safeBack } from "~/lib/auth.server.ts";
import { housingAreas, unknownHousingAreas } from "~/domain/households/areas.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data?.child ? "household:child.editTitle" : "household:child.addTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "PARENT");
  const [household, areas] = await Promise.all([householdOf(user), housingAreas()]);
  const own = await ownDetails(user.personId);
  const back = safeBack(request);
  // A new child's form carries a one-time key: sent twice, it adds one child (ADR 015).
  if (params.childId === "new") return { child: null, areas, defaultAreaId: own.housingAreaId, back, key: crypto.randomUUID() };
  const member = household?.members.find((candidate) => candidate.role === "CHILD" && candidate.person.id === params.childId);
  if (!member) notFound();
  const person = member.person;
  return {
    child: {
      firstName: person.firstName,
      lastName: person.lastName,
      birthDate: person.birthDate ? dateOnly(person.birthDate) : "",
      housingAreaId: person.housingAreaId ?? "",
      needs: (await childNeeds(user, person.id)) ?? "",
      photoConsent: person.photoConsent === null ? undefined : person.photoConsent ? "yes" : "no",
      gender: person.gender ?? undefined,
    },
    areas,
    defaultAreaId: own.housingAreaId,
    back,
    key: null,
  };
}

async function add(user: { id: string; personId: string }, formData: FormData) {
  const submission = parseWithZod(formData, { schema: newChildSchema });
  if (submission.status !== "success") return submission.reply();
  if ((await unknownHousingAreas([submission.value.housingAreaId])).size) return submission.reply({ fieldErrors: { housingAreaId: ["errors.areaRequired"] } });
  const { key, choice, ...typed } = submission.value;
  try {
    const result = await addChild(user, { ...typed, photoConsent: typed.photoConsent === "yes" }, { key: key ?? null, choice: choice ?? null });
    if (result.status === "matches")
      return { matches: result.matches, typed: { ...typed, needs: typed.needs ?? "", gender: typed.gender ?? "", ...(key ? { key } : {}) } };
  } catch (error) {
    if (error instanceof HouseholdError && error.code !== "notFound") return submission.reply({ formErrors: [`errors.${error.code}`] });
    if (error instanceof HouseholdError) notFound();
    throw error;
  }
  return null;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "PARENT");
  const formData = await request.formData();
  if (params.childId === "new") {
    const answer = await add(user, formData);
    if (answer) return answer;
    return redirect(safeBack(request) ?? "/my/household");
  }
  const submission = parseWithZod(formData, { schema: childSchema });
  if (submission.status !== "success") return submission.reply();
  if ((await unknownHousingAreas([submission.value.housingAreaId])).size) return submission.reply({ fieldErrors: { housingAreaId: ["errors.areaRequired"] } });
  try {
    await saveChild(user, params.childId!, { ...submission.value, photoConsent: submission.value.photoConsent === "yes" });
  } catch (error) {
    if (error instanceof HouseholdError && error.code !== "notFound") return submission.reply({ formErrors: [`errors.${error.code}`] });
    if (error instanceof HouseholdError) notFound();
    throw error;
  }
  return redirect(safeBack(request) ?? "/my/household");
}

export default function ChildForm() {
  const { t } = useTranslation("household");
  const { child, areas, defaultAreaId, back, key } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const lastResult = data && "matches" in data ? undefined : data;
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof childSchema>>({
    lastResult,
    defaultValue: child ?? { housingAreaId: defaultAreaId ?? "" },
  });
  const tr = errorTexts(t);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <p>
        <Link to={`/my/household${back ? `?back=${encodeURIComponent(back)}` : ""}`} className="inline-flex min-h-11 items-center">
          {t("backToHousehold")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{child ? t("child.editTitle") : t("child.addTitle")}</h1>
      <p className="text-sm text-slate-700">{t("child.privacy")}</p>
      {child ? (
        <p>
          <Link to="contacts" relative="path" className="inline-flex min-h-11 items-center font-semibold">
            {t("contacts.link", { name: child.firstName })}
          </Link>
        </p>
      ) : null}
      <FormErrors errors={tr(form.errors)} />
      {data && "matches" in data ? <MatchChoices id="child-matches" matches={data.matches} hidden={data.typed} /> : null}
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        {key ? <input type="hidden" name="key" value={key} /> : null}
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field
            {...getInputProps(fields.firstName, { type: "text" })}
            id={fields.firstName.id}
            label={t("fields.firstName")}
            autoComplete="off"
            errors={tr(fields.firstName.errors)}
          />
          <Field
            {...getInputProps(fields.lastName, { type: "text" })}
            id={fields.lastName.id}
            label={t("fields.lastName")}
            autoComplete="off"
            errors={tr(fields.lastName.errors)}
          />
        </div>
        <Field
          {...getInputProps(fields.birthDate, { type: "date" })}
          id={fields.birthDate.id}
          label={t("fields.birthDate")}
          hint={t("fields.birthDateHint")}
          errors={tr(fields.birthDate.errors)}
        />
        <SelectField {...choiceProps(fields.gender, tr)} label={t("fields.gender")} hint={t("fields.statisticsHint")}>
          <option value="">{t("fields.genderNotGiven")}</option>
          <option value="FEMALE">{t("fields.genderFemale")}</option>
          <option value="MALE">{t("fields.genderMale")}</option>
          <option value="OTHER">{t("fields.genderOther")}</option>
        </SelectField>
        <SelectField
          id={fields.housingAreaId.id}
          name={fields.housingAreaId.name}
          defaultValue={fields.housingAreaId.initialValue}
          label={t("fields.area")}
          hint={t("fields.areaHint")}
          errors={tr(fields.housingAreaId.errors)}
        >
          <option value="">{t("fields.choose")}</option>
          {areas.map((area) => (
            <option key={area.id} value={area.id}>
              {areaName(area, t)}
            </option>
          ))}
        </SelectField>
        <TextareaField
          {...getTextareaProps(fields.needs)}
          id={fields.needs.id}
          label={t("fields.needs")}
          hint={t("fields.needsHint")}
          errors={tr(fields.needs.errors)}
        />
        <RadioGroup
          {...choiceProps(fields.photoConsent, tr)}
          legend={t("fields.photoConsent")}
          hint={t("fields.photoConsentHint")}
          options={[
            { value: "yes", label: t("fields.yes") },
            { value: "no", label: t("fields.no") },
          ]}
        />
        <Button type="submit" className="w-full sm:w-auto" pending={navigation.state !== "idle"}>
          {navigation.state !== "idle" ? t("common:form.pending") : t("child.save")}
        </Button>
      </Form>
    </div>
  );
}
