// Pieces of the admin edit pages: the frame they share, the submit button
// that says it is busy, and the delete box (why the row cannot go, or a
// confirm button).
import type { ReactNode } from "react";
import { getFormProps, getInputProps, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import { BackLink } from "~/components/admin/page.tsx";
import { errorTexts, Field } from "~/components/ui/field.tsx";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";

export function SaveButton({ label }: { label: string }) {
  const { t } = useTranslation("admin");
  const navigation = useNavigation();
  return (
    <Button type="submit" className="w-full sm:w-auto" pending={navigation.state !== "idle"}>
      {navigation.state !== "idle" ? t("common:form.pending") : label}
    </Button>
  );
}

/** An edit page's last result, split between its save form and its delete form. */
export function splitDeleteResult<R extends SubmissionResult<string[]>>(result: R | undefined) {
  const deleting = result?.initialValue?.intent === "delete";
  return { formResult: deleting ? undefined : result, deleteErrors: deleting ? result?.error?.[""] : undefined };
}

export function DeleteSection(props: { heading: string; errors?: string[] | null; inUse: ReactNode | null; text: string; buttonLabel: string }) {
  const { t } = useTranslation("admin");
  const navigation = useNavigation();
  return (
    <section aria-labelledby="delete-heading" className="space-y-3 rounded-xl border border-slate-200 p-4">
      <h2 id="delete-heading" className="text-xl font-bold">
        {props.heading}
      </h2>
      {props.errors?.length ? <Alert>{props.errors.map((error) => t(error)).join(" ")}</Alert> : null}
      {props.inUse ?? (
        <>
          <p>{props.text}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <Button type="submit" variant="secondary" className="w-full sm:w-auto" pending={navigation.state !== "idle"}>
              {props.buttonLabel}
            </Button>
          </Form>
        </>
      )}
    </section>
  );
}

type AnyField = Parameters<typeof getInputProps>[0];

/**
 * The frame of an admin edit page for a coded row (activity types, housing areas): the way back, the title, the
 * form's errors, then the save form — the code first, the row's own fields (children), the place in lists and the
 * save button last — and the delete box below it.
 */
export function EditPageFrame<Schema extends Record<string, unknown>>(props: {
  back: { to: string; label: string };
  title: string;
  form: FormMetadata<Schema, string[]>;
  code: AnyField;
  sortOrder: AnyField;
  saveLabel: string;
  children: ReactNode;
  deleteSection: ReactNode;
}) {
  const { t } = useTranslation("admin");
  const tr = errorTexts(t);
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <BackLink to={props.back.to}>{props.back.label}</BackLink>
      <h1 className="text-2xl font-bold">{props.title}</h1>
      <FormErrors errors={tr(props.form.errors)} />
      <Form method="post" {...getFormProps(props.form)} className="space-y-1">
        <Field
          {...getInputProps(props.code, { type: "text" })}
          id={props.code.id}
          label={t("code")}
          hint={t("codeHint")}
          autoComplete="off"
          dir="ltr"
          errors={tr(props.code.errors)}
        />
        {props.children}
        <Field
          {...getInputProps(props.sortOrder, { type: "number" })}
          id={props.sortOrder.id}
          label={t("sortOrder")}
          hint={t("sortOrderHint")}
          inputMode="numeric"
          errors={tr(props.sortOrder.errors)}
        />
        <SaveButton label={props.saveLabel} />
      </Form>
      {props.deleteSection}
    </div>
  );
}
