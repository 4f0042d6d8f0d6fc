// Possible duplicates (staff): pairs of people the matching rules (ADR 015) find alike, newest first, with
// partners' proposals on top. Each pair opens the side-by-side merge, or is answered "not the same person" —
// remembered, so the pair does not come back.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { idField } from "~/lib/ids.ts";
import { Notice } from "~/components/ui/alert.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { markNotSame, possibleDuplicates, RegisterError } from "~/domain/register/merge.server.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff:register.duplicatesTitle");

const notSameSchema = z.object({ intent: z.literal("notSame"), a: idField(), b: idField() });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "STAFF");
  return { pairs: await possibleDuplicates() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "STAFF");
  const submission = parseWithZod(await request.formData(), { schema: notSameSchema });
  if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
  try {
    await markNotSame({ personIds: [submission.value.a, submission.value.b], actorUserId: user.id });
  } catch (error) {
    if (error instanceof RegisterError) notFound();
    throw error;
  }
  return redirect("/staff/people/duplicates?done=notSame");
}

type Person = { personId: string; firstName: string; lastName: string; birthYear: number | null; area: string | null };

function Who({ person }: { person: Person }) {
  const { t } = useTranslation("staff");
  return (
    <span>
      <bdi className="font-semibold">
        {person.firstName} {person.lastName}
      </bdi>
      {person.birthYear ? `, ${t("common:register.born", { year: person.birthYear })}` : ""}
      {person.area ? (
        <>
          , <bdi>{person.area}</bdi>
        </>
      ) : null}
    </span>
  );
}

export default function Duplicates() {
  const { t } = useTranslation("staff");
  const { pairs } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <div className="space-y-4">
      <p>
        <Link to="/staff" className="inline-flex min-h-11 items-center">
          {t("register.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("register.duplicatesTitle")}</h1>
      <p className="text-sm text-slate-700">{t("register.duplicatesIntro")}</p>
      {done === "merged" ? <Notice>{t("register.merged")}</Notice> : done === "notSame" ? <Notice>{t("register.notSameDone")}</Notice> : null}
      {pairs.length === 0 ? <p>{t("register.noDuplicates")}</p> : null}
      <ul className="space-y-3">
        {pairs.map((pair) => (
          <li key={`${pair.a.personId}/${pair.b.personId}`} className="space-y-2 rounded-xl border border-slate-200 p-3">
            {pair.proposed ? <p className="text-sm font-semibold text-amber-800">{t("register.proposedByPartner")}</p> : null}
            <p>
              <Who person={pair.a} />
              <br />
              <Who person={pair.b} />
            </p>
            <div className="flex flex-wrap gap-2">
              <ButtonLink to={`/staff/people/merge?a=${pair.a.personId}&b=${pair.b.personId}`} size="sm">
                {t("register.compare")}
              </ButtonLink>
              <Form method="post">
                <input type="hidden" name="intent" value="notSame" />
                <input type="hidden" name="a" value={pair.a.personId} />
                <input type="hidden" name="b" value={pair.b.personId} />
                <Button type="submit" variant="secondary" size="sm">
                  {t("register.notSame")}
                </Button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
