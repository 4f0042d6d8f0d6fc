// One import: while a draft, the columns as recognised (each can be changed),
// the preview — what a dry run of the whole file would do, row by row, with
// each refused row's problems in words — and the buttons to import it in one
// transaction or throw it away; once imported, what it made and the undo,
// offered while nothing has been added to it since.
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type z } from "zod";
import { Alert, Notice } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { SelectField } from "~/components/ui/choice.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { FormErrors } from "~/components/ui/form-errors.tsx";
import { batchAddedSince, batchFor, discardDraft, saveMapping, undoImport } from "~/domain/register/import/batches.server.ts";
import { IMPORT_FIELDS, type Mapping } from "~/domain/register/import/columns.ts";
import { ImportError, importSpreadsheet, type RowOutcome } from "~/domain/register/import/import.server.ts";
import { batchActionSchema, type mappingSchema } from "~/domain/register/import/schemas.ts";
import { pick } from "~/domain/activities/text.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDateTime, formatDay } from "~/lib/format.ts";
import { getLanguage } from "~/lib/i18n.server.ts";
import type { Language } from "~/lib/i18n.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound, requireId } from "~/web/http.server.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "import:batch.title");

/** Rows the preview lists per kind: every refused one up to this many, and a few of the others. */
const SHOWN = { error: 500, other: 300, create: 30 } as const;

async function batchOr404(batchId: string | undefined) {
  return batchFor(requireId(batchId)).catch((error: unknown) => {
    if (error instanceof ImportError && error.code === "notFound") notFound();
    throw error;
  });
}

function shownRows(rows: RowOutcome[]): RowOutcome[] {
  const errors = rows.filter((row) => row.status === "error").slice(0, SHOWN.error);
  const others = rows.filter((row) => row.status !== "error" && row.status !== "create").slice(0, SHOWN.other);
  const creates = rows.filter((row) => row.status === "create").slice(0, SHOWN.create);
  return [...errors, ...others, ...creates].sort((a, b) => a.row - b.row);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const language = await getLanguage(request);
  const batch = await batchOr404(params.batchId);
  const activity = batch.activity ? pick(batch.activity.title, language).text : null;
  const base = { batch: { ...batch, activity }, preview: null, fileError: null, added: null };
  if (batch.status === "DRAFT") {
    try {
      const preview = await importSpreadsheet({ source: { batchId: batch.id }, dryRun: true, actorUserId: null });
      return { ...base, preview: { ...preview, rows: shownRows(preview.rows), totalRows: preview.rows.length } };
    } catch (error) {
      if (error instanceof ImportError) return { ...base, fileError: `errors.${error.code}` };
      throw error;
    }
  }
  if (batch.status === "IMPORTED") return { ...base, added: await batchAddedSince(batch.id) };
  return base;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "STAFF");
  const batch = await batchOr404(params.batchId);
  const submission = parseWithZod(await request.formData(), { schema: batchActionSchema });
  if (submission.status !== "success") return { result: submission.reply(), added: null };
  const value = submission.value;
  try {
    if (value.intent === "map") {
      const mapping: Mapping = value.columns.map((field) => field || null);
      await saveMapping(batch.id, mapping);
      return redirect(`/staff/import/${batch.id}?done=mapped`);
    }
    if (value.intent === "import") {
      const imported = await importSpreadsheet({ source: { batchId: batch.id }, dryRun: false, actorUserId: user.id });
      // A field still without its column: nothing was written (the button is disabled then; a form sent anyway).
      if (!imported.batchId) return { result: submission.reply({ formErrors: ["errors.mappingIncomplete"] }), added: null };
      return redirect(`/staff/import/${batch.id}?done=imported`);
    }
    if (value.intent === "discard") {
      await discardDraft(batch.id);
      return redirect("/staff/import");
    }
    await undoImport(batch.id, user.id);
    return redirect(`/staff/import/${batch.id}?done=undone`);
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    return { result: submission.reply({ formErrors: [`errors.${error.code}`] }), added: error.detail.added ?? null };
  }
}

function Summary({ summary }: { summary: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["batch"]["summary"]> }) {
  const { t } = useTranslation("import");
  const items: [string, number][] = [
    ["summary.rows", summary.rows],
    ["summary.households", summary.created.households],
    ["summary.people", summary.created.people],
    ["summary.sessions", summary.created.sessions],
    ["summary.attendances", summary.created.attendances],
    ["summary.headCounts", summary.created.headCounts],
    ["summary.matched", summary.matched],
    ["summary.sameInFile", summary.sameInFile],
    ["summary.skipped", summary.skipped],
    ["summary.errors", summary.errors],
  ];
  return (
    <ul className="grid gap-1 sm:grid-cols-2">
      {items.map(([key, count]) => (
        <li key={key}>{t(key, { n: count })}</li>
      ))}
    </ul>
  );
}

export default function ImportBatch() {
  const { t, i18n } = useTranslation("import");
  const language = i18n.language as Language;
  const { batch, preview, fileError, added } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const done = searchParams.get("done");
  const [form, fields] = useForm<z.input<typeof mappingSchema>>({ lastResult: answer?.result, id: "import-batch" });
  const columnErrors = fields.columns.getFieldList();
  const refusedAdded = answer?.added ?? null;

  const status = (row: RowOutcome) => {
    if (row.status === "match" && row.match)
      return t("rowStatus.match", { name: row.match.name, year: row.match.birthYear, area: row.match.area ?? t("noArea") });
    if (row.status === "sameAsRow") return t("rowStatus.sameAsRow", { row: row.sameAsRow });
    if (row.status === "skip") return t(`rowStatus.${row.skip}`);
    if (row.status === "error")
      return row.problems.map((problem) => `${problem.field ? `${t(`fields.${problem.field}`)}: ` : ""}${t(`problems.${problem.code}`)}`).join("; ");
    return t("rowStatus.create");
  };

  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <p>
        <Link to="/staff/import" className="inline-flex min-h-11 items-center">
          {t("title")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">
        {t("batch.title")}: <bdi>{batch.fileName}</bdi>
      </h1>
      <p>
        {t(`kinds.${batch.kind === "PEOPLE" ? "people" : "participation"}`)}
        {batch.activity ? (
          <>
            {" · "}
            <bdi>{batch.activity}</bdi>
          </>
        ) : null}
        {" · "}
        {t(`status.${batch.status}`)}
        {batch.importedAt ? ` · ${formatDateTime(new Date(batch.importedAt), language)}` : null}
      </p>
      {done ? <Notice>{t(`done.${done === "imported" || done === "undone" ? done : "mapped"}`)}</Notice> : null}
      <FormErrors errors={form.errors?.map((error: string) => t(error))} />
      {refusedAdded ? <AddedList added={refusedAdded} /> : null}
      {fileError ? <Alert>{t(fileError)}</Alert> : null}

      {preview ? (
        <>
          <section className="space-y-2">
            <h2 className="text-xl font-bold">{t("batch.columns")}</h2>
            <p className="text-sm text-slate-700">{t("batch.columnsHint")}</p>
            {preview.missing.length ? (
              <Alert>
                {t("batch.missing")}: {preview.missing.map((field) => t(`fields.${field}`)).join(", ")}
              </Alert>
            ) : null}
            <Form method="post" {...getFormProps(form)} className="space-y-2">
              <div className="grid gap-x-3 sm:grid-cols-2">
                {preview.headings.map((heading, i) => (
                  <SelectField
                    key={`${i}-${heading}`}
                    id={`column-${i}`}
                    name={`columns[${i}]`}
                    label={heading || t("batch.noHeading", { number: i + 1 })}
                    defaultValue={preview.mapping[i] ?? ""}
                    errors={columnErrors[i]?.errors?.map((error) => t(error))}
                  >
                    <option value="">{t("fields.none")}</option>
                    {IMPORT_FIELDS.map((field) => (
                      <option key={field} value={field}>
                        {t(`fields.${field}`)}
                      </option>
                    ))}
                  </SelectField>
                ))}
              </div>
              <Button type="submit" name="intent" value="map" variant="secondary" pending={navigation.state !== "idle"}>
                {t("batch.saveColumns")}
              </Button>
            </Form>
          </section>

          <section className="space-y-2">
            <h2 className="text-xl font-bold">{t("batch.preview")}</h2>
            <p className="text-sm text-slate-700">{t("batch.previewHint")}</p>
            <Summary summary={preview.summary} />
            <DataTable
              caption={t("batch.preview")}
              empty={t("batch.noRows")}
              columns={[{ label: t("batch.row") }, { label: t("batch.who") }, { label: t("batch.outcome") }]}
              items={preview.rows.map((row) => ({ ...row, id: String(row.row) }))}
              row={(row) => (
                <>
                  <td className="py-2 pe-3 tabular-nums">{row.row}</td>
                  <td className="py-2 pe-3">
                    {row.name ? <bdi>{row.name}</bdi> : row.counts ? t("headCount", { adults: row.counts.adults, children: row.counts.children }) : null}
                    {row.date ? ` · ${formatDay(row.date, language)}` : null}
                  </td>
                  <td className={`py-2 pe-3 ${row.status === "error" ? "font-semibold text-red-800" : ""}`}>{status(row)}</td>
                </>
              )}
            />
            {preview.totalRows > preview.rows.length ? (
              <p className="text-sm text-slate-700">{t("batch.shown", { shown: preview.rows.length, total: preview.totalRows })}</p>
            ) : null}
          </section>

          <div className="flex flex-wrap gap-3">
            <Form method="post">
              <Button type="submit" name="intent" value="import" disabled={preview.missing.length > 0} pending={navigation.state !== "idle"}>
                {t("batch.import")}
              </Button>
            </Form>
            <Form method="post">
              <Button type="submit" name="intent" value="discard" variant="secondary">
                {t("batch.discard")}
              </Button>
            </Form>
          </div>
        </>
      ) : null}

      {batch.status === "DRAFT" && fileError ? (
        <Form method="post">
          <Button type="submit" name="intent" value="discard" variant="secondary">
            {t("batch.discard")}
          </Button>
        </Form>
      ) : null}

      {batch.status !== "DRAFT" && batch.summary ? (
        <section className="space-y-2">
          <h2 className="text-xl font-bold">{t("batch.result")}</h2>
          <Summary summary={batch.summary} />
        </section>
      ) : null}

      {batch.status === "IMPORTED" && added ? (
        <section className="space-y-2">
          <h2 className="text-xl font-bold">{t("batch.undoTitle")}</h2>
          {Object.keys(added).length ? (
            <AddedList added={added} />
          ) : (
            <>
              <p>{t("batch.undoHint")}</p>
              <Form method="post">
                <Button type="submit" name="intent" value="undo" variant="secondary" pending={navigation.state !== "idle"}>
                  {t("batch.undo")}
                </Button>
              </Form>
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}

function AddedList({ added }: { added: Record<string, number> }) {
  const { t } = useTranslation("import");
  return (
    <div className="space-y-1">
      <p className="font-semibold">{t("batch.cannotUndo")}</p>
      <ul className="list-disc ps-6">
        {Object.entries(added).map(([what, count]) => (
          <li key={what}>{t(`added.${what}`, { n: count })}</li>
        ))}
      </ul>
    </div>
  );
}
