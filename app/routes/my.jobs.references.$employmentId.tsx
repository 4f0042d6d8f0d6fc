// A young person's own reference (anbefaling), ready to print or save as PDF
// and attach to applications for ordinary jobs. In Danish; ?lng=en in
// English. Someone else's reference, or one not yet written: 404.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DocumentLanguages, DocumentView, PrintPage } from "~/components/hiring/parts.tsx";
import { referenceDocument } from "~/domain/jobs/employment.server.ts";
import { isStaff } from "~/domain/staff/access.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.document.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const language = new URL(request.url).searchParams.get("lng") === "en" ? "en" : "da";
  const document = await referenceDocument(params.employmentId ?? "", { personId: user.personId, isStaff: isStaff(user) }, language);
  if (!document) throw new Response("Not found", { status: 404 });
  return { document };
}

export default function MyReference() {
  const { t } = useTranslation("hiring");
  const { document } = useLoaderData<typeof loader>();
  return (
    <PrintPage
      tools={
        <>
          <Link to="/my/jobs" className="inline-flex min-h-11 items-center">
            {t("nav.myJobs")}
          </Link>
          <p>{t("print.youthIntro")}</p>
          <DocumentLanguages current={document.language} />
        </>
      }
    >
      <DocumentView document={document} />
    </PrintPage>
  );
}
