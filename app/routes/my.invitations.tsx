// "Du er inviteret": after sign-in and before anything else, a parent whose
// number or e-mail someone named sees who invited them (first name) and which
// children, and joins only by saying yes; a family staff registered for them
// is theirs only when they confirm it. "Not me" closes it and tells staff.
// Saying nothing joins nothing (ADR 013).
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert, Notice } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { answerInvitation, hasOpenInvitations, InvitationError, invitationsFor } from "~/domain/households/invitations.server.ts";
import { invitationAnswerSchema } from "~/domain/households/schemas.ts";
import { requireUser, safeRedirect } from "~/lib/auth.server.ts";
import { formatDate, formatList } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "household:invitations.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "PARENT");
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/my");
  return { ...(await invitationsFor(user)), redirectTo };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "PARENT");
  const submission = parseWithZod(await request.formData(), { schema: invitationAnswerSchema });
  if (submission.status !== "success") return { error: "errors.invitation.notFound" as const };
  const { intent, invitationId } = submission.value;
  const redirectTo = safeRedirect(submission.value.redirectTo, "/my");
  try {
    const outcome = await answerInvitation(user, invitationId, intent);
    if (outcome.answer === "accepted") return redirect("/my/household?done=joined");
    if (await hasOpenInvitations(user.id)) return redirect(`/my/invitations?${new URLSearchParams({ done: "notMe", redirectTo })}`);
    return redirect(`${redirectTo}${redirectTo.includes("?") ? "&" : "?"}done=notMe`);
  } catch (error) {
    if (error instanceof InvitationError) return { error: `errors.invitation.${error.code}` as const };
    throw error;
  }
}

type Invitation = ReturnType<typeof useLoaderData<typeof loader>>["invitations"][number];

function InvitationCard({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation("household");
  const { ownChildren, redirectTo } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const language = useLanguage();
  const claim = invitation.kind === "CLAIM";
  const inviter = invitation.inviter ?? invitation.name;
  const headingId = `invitation-${invitation.id}`;
  return (
    <li>
      <section aria-labelledby={headingId} className="space-y-3 rounded-xl border-2 border-slate-200 p-4">
        <h2 id={headingId} className="text-xl font-bold">
          {claim ? t("invitations.claimTitle") : t("invitations.joinTitle", { name: inviter })}
        </h2>
        <p>{claim ? t("invitations.claimExplain", { name: invitation.name }) : t("invitations.joinExplain", { name: inviter })}</p>
        <p className="font-semibold">
          {invitation.children.length ? t("invitations.children", { names: formatList(invitation.children, language) }) : t("invitations.noChildren")}
        </p>
        {ownChildren.length ? (
          <p className="rounded-lg bg-amber-50 p-3">
            {claim
              ? t("invitations.sharesOwnClaim", { names: formatList(ownChildren, language) })
              : t("invitations.sharesOwn", { names: formatList(ownChildren, language), name: inviter })}
          </p>
        ) : null}
        {invitation.expiresAt ? (
          <p className="text-sm text-slate-700">{t("invitations.answerBy", { date: formatDate(new Date(invitation.expiresAt), language) })}</p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Form method="post">
            <input type="hidden" name="invitationId" value={invitation.id} />
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <Button type="submit" name="intent" value="accept" pending={navigation.state !== "idle"}>
              {claim ? t("invitations.acceptClaim") : t("invitations.acceptJoin", { name: inviter })}
            </Button>
          </Form>
          <Form method="post">
            <input type="hidden" name="invitationId" value={invitation.id} />
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <Button type="submit" name="intent" value="decline" variant="secondary">
              {t("invitations.notMe")}
            </Button>
          </Form>
        </div>
        <p className="text-sm text-slate-700">{t("invitations.notMeHint")}</p>
      </section>
    </li>
  );
}

export default function Invitations() {
  const { t } = useTranslation("household");
  const { invitations, redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-bold">{t("invitations.title")}</h1>
      {params.get("done") === "notMe" ? <Notice>{t("invitations.declined")}</Notice> : null}
      {result?.error ? <Alert>{t(result.error)}</Alert> : null}
      {invitations.length ? (
        <>
          <p>{t("invitations.intro")}</p>
          <ul className="space-y-4">
            {invitations.map((invitation) => (
              <InvitationCard key={invitation.id} invitation={invitation} />
            ))}
          </ul>
        </>
      ) : (
        <p>{t("invitations.none")}</p>
      )}
      <p>
        <Link to={redirectTo} className="inline-flex min-h-11 items-center">
          {invitations.length ? t("invitations.later") : t("invitations.continue")}
        </Link>
      </p>
    </div>
  );
}
