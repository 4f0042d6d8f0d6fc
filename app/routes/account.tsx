// The signed-in person's own account.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/lib/auth.server.ts";
import { accountOf } from "~/domain/accounts/account.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account:title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { account: await accountOf(user.id) };
}

export default function Account() {
  const { t } = useTranslation("account");
  const { account } = useLoaderData<typeof loader>();
  const name = [account.person.firstName, account.person.lastName].filter(Boolean).join(" ");
  const rows: [string, string | null][] = [
    [t("name"), name || null],
    [t("email"), account.email],
    [t("phone"), account.phone],
    [t("role"), t(`common:role.${account.role}`)],
    [t("language"), t(`common:languageName.${account.language}`)],
  ];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {!name ? <p className="rounded-lg bg-amber-50 p-3">{t("nameMissing")}</p> : null}
      <dl className="divide-y divide-slate-200 rounded-lg border border-slate-200">
        {rows.map(([label, value]) => (
          <div key={label} className="flex flex-wrap justify-between gap-2 p-3">
            <dt className="font-semibold">{label}</dt>
            <dd dir="auto">{value ?? t("notGiven")}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="everywhere-heading" className="space-y-2 rounded-lg border border-slate-200 p-4">
        <h2 id="everywhere-heading" className="text-lg font-bold">
          {t("everywhere.title")}
        </h2>
        <p>{t("everywhere.text")}</p>
        <Form method="post" action="/logout">
          <input type="hidden" name="everywhere" value="1" />
          <Button type="submit" variant="secondary">
            {t("everywhere.button")}
          </Button>
        </Form>
      </section>
    </div>
  );
}
