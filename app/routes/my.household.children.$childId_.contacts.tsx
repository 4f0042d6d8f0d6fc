// Who may collect one of the household's children, and whom to call (issue 19): kept by the child's guardians.
// The form shows the people named so far and one empty row (up to MAX_COLLECTORS); a row left empty is no one.
// Works without JavaScript: after saving, the page comes back with a new empty row.
import { getFormProps, getInputProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { Notice } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { errorTexts, Field } from "~/components/ui/field.tsx";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { childContactsSchema, MAX_COLLECTORS } from "~/domain/households/child-contact-schemas.ts";
import { contactsOfChild, saveChildContacts } from "~/domain/households/child-contacts.server.ts";
import { HouseholdError } from "~/domain/households/household.server.ts";
import { requireUser, safeBack } from "~/lib/auth.server.ts";
import { formatPhone } from "~/lib/format.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound, requireId } from "~/web/http.server.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "household:contacts.title");

async function ownChildContacts(user: { personId: string }, childId: string) {
  try {
    return await contactsOfChild(user, childId);
  } catch (error) {
    if (error instanceof HouseholdError) notFound();
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "PARENT");
  const childId = requireId(params.childId);
  const contacts = await ownChildContacts(user, childId);
  const asTyped = (contact: { name: string; relation: string; phone: string }) => ({ ...contact, phone: formatPhone(contact.phone) });
  return {
    childId,
    firstName: contacts.firstName,
    collectors: contacts.collectors.map(asTyped),
    emergency: contacts.emergency ? asTyped(contacts.emergency) : null,
    back: safeBack(request),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "PARENT");
  const childId = requireId(params.childId);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: childContactsSchema });
  if (submission.status !== "success") return submission.reply();
  try {
    await saveChildContacts(user, childId, submission.value);
  } catch (error) {
    if (error instanceof HouseholdError) notFound();
    throw error;
  }
  const back = safeBack(request);
  return redirect(back ?? `/my/household/children/${childId}/contacts?saved=1`);
}

type Row = { name?: string; relation?: string; phone?: string };

function ContactRow({ field, legend }: { field: FieldMetadata<Row>; legend: string }) {
  const { t } = useTranslation("household");
  const tr = errorTexts(t);
  const row = field.getFieldset();
  return (
    <fieldset className="space-y-1 rounded-xl border border-slate-200 p-3">
      <legend className="px-1 font-bold">{legend}</legend>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field {...getInputProps(row.name, { type: "text" })} id={row.name.id} label={t("contacts.name")} autoComplete="off" errors={tr(row.name.errors)} />
        <Field
          {...getInputProps(row.relation, { type: "text" })}
          id={row.relation.id}
          label={t("contacts.relation")}
          hint={t("contacts.relationHint")}
          autoComplete="off"
          errors={tr(row.relation.errors)}
        />
      </div>
      <Field
        {...getInputProps(row.phone, { type: "tel" })}
        id={row.phone.id}
        label={t("contacts.phone")}
        autoComplete="off"
        dir="ltr"
        className="max-w-xs"
        errors={tr(row.phone.errors)}
      />
    </fieldset>
  );
}

export default function ChildContactsPage() {
  const { t } = useTranslation("household");
  const { childId, firstName, collectors, emergency, back } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  // The rows named so far and one more to fill in, up to the limit.
  const rows = Math.min(MAX_COLLECTORS, collectors.length + 1);
  const [form, fields] = useForm<z.input<typeof childContactsSchema>>({
    lastResult,
    defaultValue: {
      collectors: [...collectors, ...Array.from({ length: rows - collectors.length }, () => ({ name: "", relation: "", phone: "" }))],
      emergency: emergency ?? {},
    },
  });
  const tr = errorTexts(t);
  const collectorRows = fields.collectors.getFieldList();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <p>
        <Link to={back ?? `/my/household/children/${childId}`} className="inline-flex min-h-11 items-center">
          {back ? t("backToActivity") : t("contacts.backToChild", { name: firstName })}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("contacts.heading", { name: firstName })}</h1>
      <p className="text-sm text-slate-700">{t("contacts.privacy")}</p>
      {params.get("saved") ? (
        <Notice>
          <span role="status">{t("contacts.saved")}</span>
        </Notice>
      ) : null}
      <FormErrors errors={tr([...(form.errors ?? []), ...(fields.collectors.errors ?? [])])} />
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <section aria-labelledby="collectors-heading" className="space-y-2">
          <h2 id="collectors-heading" className="text-xl font-bold">
            {t("contacts.collectorsTitle")}
          </h2>
          <p className="text-sm text-slate-700">{t("contacts.collectorsIntro", { count: MAX_COLLECTORS })}</p>
          {collectorRows.map((row, index) => (
            <ContactRow key={row.key} field={row as FieldMetadata<Row>} legend={t("contacts.collectorN", { n: index + 1 })} />
          ))}
        </section>
        <section aria-labelledby="emergency-heading" className="space-y-2">
          <h2 id="emergency-heading" className="text-xl font-bold">
            {t("contacts.emergencyTitle")}
          </h2>
          <p className="text-sm text-slate-700">{t("contacts.emergencyIntro")}</p>
          <ContactRow field={fields.emergency as FieldMetadata<Row>} legend={t("contacts.emergencyLegend")} />
        </section>
        <Button type="submit" className="w-full sm:w-auto" pending={navigation.state !== "idle"}>
          {navigation.state !== "idle" ? t("common:form.pending") : t("contacts.save")}
        </Button>
      </Form>
    </div>
  );
}
