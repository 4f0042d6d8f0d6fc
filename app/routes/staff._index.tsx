// Staff area start page (staff, admins and partners).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireUser } from "~/lib/auth.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account:staffTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["STAFF", "PARTNER"]);
  return { name: [user.firstName, user.lastName].filter(Boolean).join(" "), role: user.role };
}

export default function StaffHome() {
  const { t } = useTranslation("account");
  const { name, role } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("staffTitle")}</h1>
      <p>
        {t("signedInAs", { name })} ({t(`common:role.${role}`)})
      </p>
      <p>{t("staffIntro")}</p>
    </div>
  );
}
