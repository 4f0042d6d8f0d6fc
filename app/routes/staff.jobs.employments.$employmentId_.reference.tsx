// A printed reference (anbefaling), staff side: any employment whose
// reference has been written and printed. In Danish; ?lng=en in English.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentPage } from "~/components/hiring/parts.tsx";
import { documentLanguage, employmentExists, referenceDocument } from "~/domain/jobs/employment.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { printPageHandle } from "~/lib/print.ts";
import { notFound } from "~/web/http.server.ts";

export const handle = printPageHandle;
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.document.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "STAFF");
  const employmentId = params.employmentId ?? "";
  const language = documentLanguage(new URL(request.url).searchParams);
  const document = await referenceDocument(employmentId, { personId: user.personId, isStaff: true }, language);
  if (!document) {
    // Not written and printed yet: back to the employment, where it is written.
    if (await employmentExists(employmentId)) throw redirect(`/staff/jobs/employments/${employmentId}#reference-heading`);
    notFound();
  }
  return { document, employmentId };
}

export default function ReferencePrint() {
  const { t } = useTranslation("hiring");
  const { document, employmentId } = useLoaderData<typeof loader>();
  return <DocumentPage document={document} back={{ to: `/staff/jobs/employments/${employmentId}`, label: t("nav.employment") }} />;
}
