// The staff's "yes, delete the personal data" form, shared by the family and
// the single-person deletion pages: a box to tick, the server's errors, the
// button. Works without JavaScript (a plain POST to the page).
import type { SubmissionResult } from "@conform-to/react";
import { getFormProps, useForm } from "@conform-to/react";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { useAnswered } from "~/components/ui/answered.ts";
import { Button } from "~/components/ui/button.tsx";
import { Checkbox, ErrorText } from "~/components/ui/choice.tsx";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import type { anonymiseSchema } from "~/domain/households/privacy-schemas.ts";

export function ConfirmDeletionForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation("privacy");
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof anonymiseSchema>>({ lastResult });
  const answered = useAnswered(lastResult);
  const errors = answered.unless(fields.confirm.name, fields.confirm.errors)?.map((error) => t(error));
  return (
    <>
      <FormErrors errors={form.errors?.map((error) => t(error))} />
      <Form method="post" {...getFormProps(form)} className="space-y-1" onChange={answered.onChange}>
        <Checkbox
          id={fields.confirm.id}
          name={fields.confirm.name}
          label={t("staff.confirm")}
          invalid={Boolean(errors?.length)}
          describedBy={errors?.length ? `${fields.confirm.id}-error` : undefined}
        />
        <ErrorText id={fields.confirm.id} errors={errors} />
        <Button type="submit" variant="danger" pending={navigation.state !== "idle"}>
          {t("staff.submit")}
        </Button>
      </Form>
    </>
  );
}
