// Randers' school holidays (staff): the days the work-time rules treat as
// school-free. List, add, change and delete; every change is audited.
import type { z } from "zod";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { pick } from "~/domain/activities/text.ts";
import { deleteHoliday, HolidayNotFound, listHolidays, saveHoliday, type HolidayRow } from "~/domain/jobs/school-calendar.server.ts";
import { deleteHolidaySchema, holidaySchema } from "~/domain/jobs/shift-schemas.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDay } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "shifts:holidays.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  return { holidays: await listHolidays() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "STAFF");
  const formData = await request.formData();
  try {
    if (formData.get("intent") === "delete") {
      const submission = parseWithZod(formData, { schema: deleteHolidaySchema });
      if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
      await deleteHoliday(submission.value.id, user.id);
      return redirect("/staff/holidays?done=deleted");
    }
    const submission = parseWithZod(formData, { schema: holidaySchema });
    const formId = String(formData.get("id") || "new");
    if (submission.status !== "success") return { formId, result: submission.reply() };
    const value = submission.value;
    await saveHoliday(
      {
        id: value.id ?? null,
        name: { da: value.nameDa, en: value.nameEn || undefined, ar: value.nameAr || undefined },
        startsOn: value.startsOn,
        endsOn: value.endsOn,
      },
      user.id,
    );
    return redirect(`/staff/holidays?done=${value.id ? "changed" : "added"}`);
  } catch (error) {
    if (error instanceof HolidayNotFound) notFound();
    throw error;
  }
}

function HolidayForm({ holiday }: { holiday: HolidayRow | null }) {
  const { t } = useTranslation("shifts");
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const formId = holiday?.id ?? "new";
  const [form, fields] = useForm<z.input<typeof holidaySchema>>({
    id: `holiday-${formId}`,
    lastResult: reply?.formId === formId ? reply.result : undefined,
    defaultValue: holiday
      ? {
          id: holiday.id,
          nameDa: holiday.name.da,
          nameEn: holiday.name.en ?? "",
          nameAr: holiday.name.ar ?? "",
          startsOn: holiday.startsOn,
          endsOn: holiday.endsOn,
        }
      : undefined,
  });
  const errors = (list: string[] | undefined) => list?.map((error) => t(error));
  return (
    <Form method="post" {...getFormProps(form)} className="space-y-1">
      <input type="hidden" name="intent" value="save" />
      {holiday ? <input type="hidden" name="id" value={holiday.id} /> : null}
      <div className="grid gap-x-3 sm:grid-cols-3">
        <Field
          {...getInputProps(fields.nameDa, { type: "text" })}
          id={fields.nameDa.id}
          label={t("holidays.nameDa")}
          lang="da"
          errors={errors(fields.nameDa.errors)}
        />
        <Field
          {...getInputProps(fields.nameEn, { type: "text" })}
          id={fields.nameEn.id}
          label={t("holidays.nameEn")}
          lang="en"
          errors={errors(fields.nameEn.errors)}
        />
        <Field
          {...getInputProps(fields.nameAr, { type: "text" })}
          id={fields.nameAr.id}
          label={t("holidays.nameAr")}
          lang="ar"
          dir="rtl"
          errors={errors(fields.nameAr.errors)}
        />
      </div>
      <div className="grid grid-cols-2 gap-x-3">
        <Field
          {...getInputProps(fields.startsOn, { type: "date" })}
          id={fields.startsOn.id}
          label={t("holidays.startsOn")}
          errors={errors(fields.startsOn.errors)}
        />
        <Field {...getInputProps(fields.endsOn, { type: "date" })} id={fields.endsOn.id} label={t("holidays.endsOn")} errors={errors(fields.endsOn.errors)} />
      </div>
      <Button type="submit" size="sm" pending={navigation.state !== "idle"}>
        {holiday ? t("holidays.save") : t("holidays.add")}
      </Button>
    </Form>
  );
}

export default function Holidays() {
  const { t } = useTranslation("shifts");
  const language = useLanguage();
  const { holidays } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p>
        <Link to="/staff/jobs/shifts" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
          {t("overview.title")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("holidays.title")}</h1>
      <p>{t("holidays.intro")}</p>
      {done === "added" ? <Notice>{t("done.holidayAdded")}</Notice> : null}
      {done === "changed" ? <Notice>{t("done.holidayChanged")}</Notice> : null}
      {done === "deleted" ? <Notice>{t("done.holidayDeleted")}</Notice> : null}
      <section aria-labelledby="new-heading" className="space-y-2 rounded-xl border-2 border-brand-100 p-4">
        <h2 id="new-heading" className="text-xl font-bold">
          {t("holidays.new")}
        </h2>
        <HolidayForm holiday={null} />
      </section>
      <section aria-labelledby="list-heading" className="space-y-2">
        <h2 id="list-heading" className="text-xl font-bold">
          {t("holidays.list")}
        </h2>
        {holidays.length === 0 ? <p>{t("holidays.none")}</p> : null}
        <ul className="space-y-2">
          {holidays.map((holiday) => {
            const name = pick(holiday.name, language);
            return (
              <li key={holiday.id} className="rounded-xl border border-slate-200 p-3">
                <details open={reply?.formId === holiday.id || undefined}>
                  <summary className="flex min-h-11 cursor-pointer flex-wrap items-center gap-x-2">
                    <span className="font-semibold" lang={name.language}>
                      {name.text}
                    </span>
                    <span>{t("holidays.period", { from: formatDay(holiday.startsOn, language), to: formatDay(holiday.endsOn, language) })}</span>
                  </summary>
                  <div className="mt-2 space-y-2">
                    <HolidayForm holiday={holiday} />
                    <Form method="post">
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="id" value={holiday.id} />
                      <Button type="submit" size="sm" variant="secondary">
                        {t("holidays.delete")}
                        <span className="sr-only"> – {name.text}</span>
                      </Button>
                    </Form>
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
