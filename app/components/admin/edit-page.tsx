// Pieces of the admin edit pages: the submit button that says it is busy,
// and the delete box (why the row cannot go, or a confirm button).
import type { ReactNode } from "react";
import type { SubmissionResult } from "@conform-to/react";
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
