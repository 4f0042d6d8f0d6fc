// The written contract of an employment, ready to print for the guardians
// to sign (in Danish; ?lng=en in English). "PDF" is the browser's print to PDF.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentPage } from "~/components/hiring/parts.tsx";
import { contractDocument, documentLanguage } from "~/domain/jobs/employment.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { printPageHandle } from "~/lib/print.ts";
import { notFound } from "~/web/http.server.ts";

export const handle = printPageHandle;
export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.document.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const language = documentLanguage(new URL(request.url).searchParams);
  const document = await contractDocument(params.employmentId ?? "", language);
  if (!document) notFound();
  return { document, employmentId: params.employmentId! };
}

export default function ContractPrint() {
  const { t } = useTranslation("hiring");
  const { document, employmentId } = useLoaderData<typeof loader>();
  return <DocumentPage document={document} back={{ to: `/staff/jobs/employments/${employmentId}`, label: t("nav.employment") }} />;
}
