// One account for admins: its role and organisation, and disabling or
// enabling it. An admin's own account shows why its role and status are
// not theirs to change; the server refuses it too.
import type { z } from "zod";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/admin/page.tsx";
import { Button } from "~/components/ui/button.tsx";
import { SelectField } from "~/components/ui/choice.tsx";
import { choiceProps } from "~/components/ui/conform.ts";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { AdminError } from "~/domain/admin/errors.server.ts";
import { type accountRoleSchema, accountSchema, ROLES } from "~/domain/admin/schemas.ts";
import { accountForAdmin, changeRole, organisations, setDisabled } from "~/domain/admin/users.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDateTime } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";
import { Alert, Notice } from "~/components/ui/alert.tsx";
import { notFound } from "~/web/http.server.ts";
import { errorTexts } from "~/components/ui/field.tsx";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "admin:users.editTitle", data?.account.name || undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "ADMIN");
  const [account, choices] = await Promise.all([accountForAdmin(params.userId ?? ""), organisations()]);
  if (!account) notFound();
  return { account, organisations: choices, self: account.id === user.id };
}

const errorKeys = {
  selfDemote: "errors.selfDemote",
  selfDisable: "errors.selfDisable",
  organisationNotFound: "errors.organisationInvalid",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "ADMIN");
  const submission = parseWithZod(await request.formData(), { schema: accountSchema });
  if (submission.status !== "success") return submission.reply();
  const input = submission.value;
  try {
    if (input.intent === "role") await changeRole(user, params.userId ?? "", { role: input.role, organisationId: input.organisationId ?? null });
    else await setDisabled(user, params.userId ?? "", input.disabled === "yes");
  } catch (error) {
    if (error instanceof AdminError && error.code === "notFound") notFound();
    if (error instanceof AdminError && error.code in errorKeys) return submission.reply({ formErrors: [errorKeys[error.code as keyof typeof errorKeys]] });
    throw error;
  }
  return submission.reply({ resetForm: false });
}

function Details() {
  const { t } = useTranslation("admin");
  const language = useLanguage();
  const { account } = useLoaderData<typeof loader>();
  const rows: [string, string, "ltr" | undefined][] = [
    [t("users.email"), account.email ?? t("users.notGiven"), account.email ? "ltr" : undefined],
    [t("users.phone"), account.phone ?? t("users.notGiven"), account.phone ? "ltr" : undefined],
    [t("users.createdAt"), formatDateTime(new Date(account.createdAt), language), undefined],
    [t("users.lastSignInLabel"), account.lastSignInAt ? formatDateTime(new Date(account.lastSignInAt), language) : t("users.neverSignedIn"), undefined],
    [
      t("users.status"),
      account.disabledAt ? t("users.disabledSince", { date: formatDateTime(new Date(account.disabledAt), language) }) : t("users.active"),
      undefined,
    ],
  ];
  return (
    <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200">
      {rows.map(([label, value, dir]) => (
        <div key={label} className="flex flex-wrap justify-between gap-2 p-3">
          <dt className="font-semibold">{label}</dt>
          <dd dir={dir} className="break-all">
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function RoleForm() {
  const { t } = useTranslation("admin");
  const { account, organisations, self } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const mine = lastResult?.initialValue?.intent === "role";
  const [form, fields] = useForm<z.input<typeof accountRoleSchema>>({
    id: "role",
    lastResult: mine ? lastResult : undefined,
    defaultValue: { intent: "role", role: account.role, organisationId: account.organisationId ?? "" },
  });
  const tr = errorTexts(t);
  return (
    <section aria-labelledby="role-heading" className="space-y-3 rounded-xl border border-slate-200 p-4">
      <h2 id="role-heading" className="text-xl font-bold">
        {t("users.roleHeading")}
      </h2>
      <FormErrors errors={tr(form.errors)} />
      {mine && lastResult?.status === "success" ? <Notice>{t("saved")}</Notice> : null}
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <input type="hidden" name="intent" value="role" />
        {self ? (
          <>
            <input type="hidden" name={fields.role.name} value={account.role} />
            <p className="rounded-lg bg-slate-100 p-3">{t("users.selfRole", { role: t(`common:role.${account.role}`) })}</p>
          </>
        ) : (
          <SelectField {...choiceProps(fields.role, tr)} label={t("users.role")} hint={t("users.roleHint")}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`common:role.${role}`)}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField {...choiceProps(fields.organisationId, tr)} label={t("users.organisation")}>
          <option value="">{t("users.noOrganisation")}</option>
          {organisations.map((organisation) => (
            <option key={organisation.id} value={organisation.id}>
              {organisation.name}
            </option>
          ))}
        </SelectField>
        <Button type="submit" className="w-full sm:w-auto" pending={navigation.state !== "idle"}>
          {t("users.saveRole")}
        </Button>
      </Form>
    </section>
  );
}

function StatusForm() {
  const { t } = useTranslation("admin");
  const { account, self } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const mine = lastResult?.initialValue?.intent === "status";
  const errors = mine ? lastResult?.error?.[""] : undefined;
  const disabled = account.disabledAt !== null;
  return (
    <section aria-labelledby="status-heading" className="space-y-3 rounded-xl border border-slate-200 p-4">
      <h2 id="status-heading" className="text-xl font-bold">
        {t("users.statusHeading")}
      </h2>
      {errors?.length ? <Alert>{errors.map((error) => t(error)).join(" ")}</Alert> : null}
      {mine && lastResult?.status === "success" ? <Notice>{disabled ? t("users.disabledNow") : t("users.enabledNow")}</Notice> : null}
      {self ? (
        <p className="rounded-lg bg-slate-100 p-3">{t("users.selfDisable")}</p>
      ) : (
        <>
          <p>{disabled ? t("users.enableText") : t("users.disableText")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="disabled" value={disabled ? "no" : "yes"} />
            <Button type="submit" variant={disabled ? "primary" : "secondary"} className="w-full sm:w-auto" pending={navigation.state !== "idle"}>
              {disabled ? t("users.enable") : t("users.disable")}
            </Button>
          </Form>
        </>
      )}
    </section>
  );
}

export default function AdminUser() {
  const { t } = useTranslation("admin");
  const { account } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <BackLink to="/admin/users">{t("users.back")}</BackLink>
      <h1 className="text-2xl font-bold break-words">
        {account.name || t("users.noName")}
        <span className="block text-base font-normal text-slate-700">{t(`common:role.${account.role}`)}</span>
      </h1>
      {params.get("done") === "created" ? <Notice>{t("users.created")}</Notice> : null}
      <Details />
      <RoleForm />
      <StatusForm />
    </div>
  );
}
