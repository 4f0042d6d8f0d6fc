// Create a staff or partner account: name, e-mail and/or Danish mobile
// number (the holder signs in with a code sent there), role, organisation.
import type { z } from "zod";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SaveButton } from "~/components/admin/edit-page.tsx";
import { BackLink } from "~/components/admin/page.tsx";
import { RadioGroup, SelectField } from "~/components/ui/choice.tsx";
import { choiceProps } from "~/components/ui/conform.ts";
import { errorTexts, Field } from "~/components/ui/field.tsx";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { AdminError } from "~/domain/admin/errors.server.ts";
import { CREATABLE_ROLES, createAccountSchema } from "~/domain/admin/schemas.ts";
import { createAccount, organisations } from "~/domain/admin/users.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin:users.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "ADMIN");
  return { organisations: await organisations() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "ADMIN");
  const submission = parseWithZod(await request.formData(), { schema: createAccountSchema });
  if (submission.status !== "success") return submission.reply();
  let userId: string;
  try {
    userId = await createAccount(user, { ...submission.value, organisationId: submission.value.organisationId ?? null });
  } catch (error) {
    if (error instanceof AdminError && error.code === "emailTaken") return submission.reply({ fieldErrors: { email: ["errors.emailTaken"] } });
    if (error instanceof AdminError && error.code === "phoneTaken") return submission.reply({ fieldErrors: { phone: ["errors.phoneTaken"] } });
    if (error instanceof AdminError && error.code === "organisationNotFound")
      return submission.reply({ fieldErrors: { organisationId: ["errors.organisationInvalid"] } });
    throw error;
  }
  return redirect(`/admin/users/${userId}?done=created`);
}

export default function NewAccount() {
  const { t } = useTranslation("admin");
  const { organisations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof createAccountSchema>>({
    lastResult,
  });
  const tr = errorTexts(t);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <BackLink to="/admin/users">{t("users.back")}</BackLink>
      <h1 className="text-2xl font-bold">{t("users.newTitle")}</h1>
      <p>{t("users.newLead")}</p>
      <FormErrors errors={tr(form.errors)} />
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field
            {...getInputProps(fields.firstName, { type: "text" })}
            id={fields.firstName.id}
            label={t("users.firstName")}
            autoComplete="off"
            errors={tr(fields.firstName.errors)}
          />
          <Field
            {...getInputProps(fields.lastName, { type: "text" })}
            id={fields.lastName.id}
            label={t("users.lastName")}
            autoComplete="off"
            errors={tr(fields.lastName.errors)}
          />
        </div>
        <Field
          {...getInputProps(fields.email, { type: "email" })}
          id={fields.email.id}
          label={t("users.email")}
          hint={t("users.contactHint")}
          autoComplete="off"
          dir="ltr"
          errors={tr(fields.email.errors)}
        />
        <Field
          {...getInputProps(fields.phone, { type: "tel" })}
          id={fields.phone.id}
          label={t("users.phone")}
          hint={t("users.phoneHint")}
          autoComplete="off"
          inputMode="tel"
          dir="ltr"
          errors={tr(fields.phone.errors)}
        />
        <RadioGroup
          {...choiceProps(fields.role, tr)}
          legend={t("users.role")}
          options={CREATABLE_ROLES.map((role) => ({ value: role, label: t(`common:role.${role}`) }))}
        />
        <SelectField {...choiceProps(fields.organisationId, tr)} label={t("users.organisation")}>
          <option value="">{t("users.noOrganisation")}</option>
          {organisations.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </SelectField>
        <SaveButton label={t("users.create")} />
      </Form>
    </div>
  );
}
