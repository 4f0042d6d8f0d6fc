// A young person's own reference (anbefaling), ready to print or save as PDF
// and attach to applications for ordinary jobs. In Danish; ?lng=en in
// English. Someone else's reference, or one not yet written: 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentPage } from "~/components/hiring/parts.tsx";
import { documentLanguage, referenceDocument } from "~/domain/jobs/employment.server.ts";
import { isStaff } from "~/lib/roles.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { printPageHandle } from "~/lib/print.ts";
import { notFound } from "~/web/http.server.ts";

export const handle = printPageHandle;
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.document.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const language = documentLanguage(new URL(request.url).searchParams);
  const document = await referenceDocument(params.employmentId ?? "", { personId: user.personId, isStaff: isStaff(user) }, language);
  if (!document) notFound();
  return { document };
}

export default function MyReference() {
  const { t } = useTranslation("hiring");
  const { document } = useLoaderData<typeof loader>();
  return <DocumentPage document={document} back={{ to: "/my/jobs", label: t("nav.myJobs") }} intro={t("print.youthIntro")} />;
}
