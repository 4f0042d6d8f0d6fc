// Find a family (by a name or a phone number) to help it sign up, or
// register a new one on its behalf.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { findHouseholds, findHouseholdsAsPartner, householdPass } from "~/domain/households/assisted.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { RateLimitedError } from "~/lib/rate-limit.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { SEARCH_MAX } from "~/domain/text-rules.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff:families.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["STAFF", "PARTNER"]);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, SEARCH_MAX);
  const phoneOnly = user.role === "PARTNER";
  // Partners search by full phone number only, and only so often (they must not walk the number range).
  let limited = false;
  const households = phoneOnly
    ? await findHouseholdsAsPartner(user.id, q).catch((error: unknown) => {
        if (!(error instanceof RateLimitedError)) throw error;
        limited = true;
        return [];
      })
    : await findHouseholds(q);
  // A partner's link carries the pass that lets them open the family they found by its number.
  return {
    q,
    phoneOnly,
    limited,
    households: households.map((household) => ({
      ...household,
      href: `/staff/families/${household.id}${phoneOnly ? `?pass=${householdPass(user.id, household.id)}` : ""}`,
    })),
  };
}

export default function Families() {
  const { t } = useTranslation("staff");
  const { q, phoneOnly, limited, households } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <p>
        <Link to="/staff" className="inline-flex min-h-11 items-center">
          {t("back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("families.title")}</h1>
      <p>{t("families.intro")}</p>
      <Form method="get" className="flex flex-wrap items-end gap-2">
        <div className="grow">
          <Field
            id="q"
            name="q"
            type="search"
            label={phoneOnly ? t("families.searchPhone") : t("families.search")}
            hint={phoneOnly ? t("families.searchPhoneHint") : t("families.searchHint")}
            defaultValue={q}
            autoComplete="off"
          />
        </div>
        <Button type="submit" variant="secondary" className="mb-7">
          {t("attendance.searchButton")}
        </Button>
      </Form>
      {limited ? <Alert>{t("families.tooManySearches")}</Alert> : null}
      {q && !limited ? (
        households.length ? (
          <ul className="space-y-2">
            {households.map((household) => (
              <li key={household.id} className="rounded-lg border border-slate-200 p-3">
                <Link to={household.href} className="inline-flex min-h-11 items-center font-semibold">
                  {household.guardians.join(", ") || t("families.unnamed")}
                </Link>
                <p className="text-sm text-slate-700">
                  {household.phone ? <span dir="ltr">{household.phone}</span> : null}
                  {household.children.length ? ` · ${t("families.children", { names: household.children.join(", ") })}` : ""}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("families.noMatch")}</p>
        )
      ) : null}
      <ButtonLink to="/staff/families/new">{t("families.new")}</ButtonLink>
    </div>
  );
}
