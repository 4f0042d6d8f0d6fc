// The written contract of an employment, ready to print for the guardians
// to sign (in Danish; ?lng=en in English). "PDF" is the browser's print to PDF.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentLanguages, DocumentView, PrintPage } from "~/components/hiring/parts.tsx";
import { contractDocument } from "~/domain/jobs/employment.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.document.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  const language = new URL(request.url).searchParams.get("lng") === "en" ? "en" : "da";
  const document = await contractDocument(params.employmentId ?? "", language);
  if (!document) throw new Response("Not found", { status: 404 });
  return { document, employmentId: params.employmentId! };
}

export default function ContractPrint() {
  const { t } = useTranslation("hiring");
  const { document, employmentId } = useLoaderData<typeof loader>();
  return (
    <PrintPage
      tools={
        <>
          <Link to={`/staff/jobs/employments/${employmentId}`} className="inline-flex min-h-11 items-center">
            {t("nav.employment")}
          </Link>
          <DocumentLanguages current={document.language} />
        </>
      }
    >
      <DocumentView document={document} />
    </PrintPage>
  );
}
