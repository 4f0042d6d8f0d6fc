// Merge two people (staff): the two side by side; staff choose who stays, and everything of the other moves
// onto them in one transaction (app/domain/register/merge.server.ts, ADR 015). Audited.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { idField } from "~/lib/ids.ts";
import { Alert } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { mergePeople, mergeView, RegisterError } from "~/domain/register/merge.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDate } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff:register.mergeTitle");

const pairSchema = z.object({ a: idField(), b: idField() });
const mergeSchema = pairSchema.extend({ keep: idField() });

function pairOf(request: Request): [string, string] {
  const submission = parseWithZod(new URL(request.url).searchParams, { schema: pairSchema });
  if (submission.status !== "success" || submission.value.a === submission.value.b) notFound();
  return [submission.value.a, submission.value.b];
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const people = await mergeView(pairOf(request)).catch((error: unknown) => {
    if (error instanceof RegisterError) notFound();
    throw error;
  });
  return {
    people: people.map((person) => ({
      id: person.id,
      name: `${person.firstName} ${person.lastName}`,
      // A full date, or the year alone (ADR 016): shown as "born 2016".
      birthDate: person.birthDate?.toISOString().slice(0, 10) ?? (person.birthYear ? String(person.birthYear) : null),
      yearOnly: !person.birthDate && person.birthYear !== null,
      gender: person.gender,
      area: person.housingArea?.name ?? null,
      hasLogin: Boolean(person.user),
      createdAt: person.createdAt.toISOString(),
      guardians: person.households.flatMap((m) => m.household.members.map((g) => `${g.person.firstName} ${g.person.lastName}`.trim())),
      counts: person._count,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "STAFF");
  // The pair comes with the form (hidden inputs copied from the page's address).
  const submission = parseWithZod(await request.formData(), { schema: mergeSchema });
  if (submission.status !== "success") return { error: "register.chooseKeep" as const };
  const { a, b, keep } = submission.value;
  if (keep !== a && keep !== b) return { error: "register.chooseKeep" as const };
  try {
    await mergePeople({ keepId: keep, removeId: keep === a ? b : a, actorUserId: user.id });
  } catch (error) {
    if (error instanceof RegisterError && error.code === "notFound") notFound();
    if (error instanceof RegisterError) return { error: `register.errors.${error.code}` as const };
    throw error;
  }
  return redirect("/staff/people/duplicates?done=merged");
}

export default function Merge() {
  const { t } = useTranslation("staff");
  const language = useLanguage();
  const { people } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <div className="space-y-4">
      <p>
        <Link to="/staff/people/duplicates" className="inline-flex min-h-11 items-center">
          {t("register.duplicatesTitle")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("register.mergeTitle")}</h1>
      <p className="text-sm text-slate-700">{t("register.mergeIntro")}</p>
      {data?.error ? <Alert>{t(data.error)}</Alert> : null}
      <Form method="post" className="space-y-4">
        <input type="hidden" name="a" value={people[0]!.id} />
        <input type="hidden" name="b" value={people[1]!.id} />
        <fieldset>
          <legend className="mb-2 font-bold">{t("register.whoStays")}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {people.map((person) => (
              <label key={person.id} className="block cursor-pointer space-y-1 rounded-xl border-2 border-slate-300 p-3 has-[:checked]:border-brand-700">
                <span className="flex min-h-11 items-center gap-2">
                  <input type="radio" name="keep" value={person.id} required className="size-5" />
                  <bdi className="text-lg font-bold">{person.name}</bdi>
                </span>
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                  <dt>{t("register.birth")}</dt>
                  <dd>
                    {person.birthDate
                      ? person.yearOnly
                        ? t("common:register.born", { year: person.birthDate.slice(0, 4) })
                        : formatDate(new Date(`${person.birthDate}T12:00:00Z`), language)
                      : "–"}
                  </dd>
                  <dt>{t("register.area")}</dt>
                  <dd>{person.area ? <bdi>{person.area}</bdi> : "–"}</dd>
                  <dt>{t("register.parents")}</dt>
                  <dd>{person.guardians.length ? <bdi>{person.guardians.join(", ")}</bdi> : "–"}</dd>
                  <dt>{t("register.login")}</dt>
                  <dd>{person.hasLogin ? t("register.yes") : t("register.no")}</dd>
                  <dt>{t("register.registered")}</dt>
                  <dd>{formatDate(new Date(person.createdAt), language)}</dd>
                  <dt>{t("register.activity")}</dt>
                  <dd>
                    {t("register.countsLine", {
                      enrolments: person.counts.enrolments,
                      attendances: person.counts.attendances,
                      applications: person.counts.applications,
                    })}
                  </dd>
                </dl>
              </label>
            ))}
          </div>
        </fieldset>
        <p className="text-sm">{t("register.mergeWarning")}</p>
        <Button type="submit">{t("register.merge")}</Button>
      </Form>
    </div>
  );
}
