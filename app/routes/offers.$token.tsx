// The link in an offer message: see the offered place and answer with one
// tap. Viewing changes nothing; the buttons POST. The secret in the link is
// the authority, as it is in the message itself.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { pick } from "~/domain/activities/text.ts";
import { offerAnswerSchema } from "~/domain/enrolment/my-activities-schema.ts";
import { joinNames } from "~/domain/enrolment/notify.server.ts";
import { answerOffer, findOffer } from "~/domain/enrolment/waiting-list.server.ts";
import { formatDateTime } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { notFound } from "~/web/http.server.ts";

export const meta: MetaFunction = ({ matches }) => [...pageTitle(matches, "my:offerPage.title"), { name: "robots", content: "noindex" }];

const TOKEN = /^[a-z2-7]{32}$/;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const offer = TOKEN.test(params.token ?? "") ? await findOffer(params.token!) : null;
  if (!offer) notFound();
  const language = await getLanguage(request);
  const noLongerPossible = new URL(request.url).searchParams.get("answer") === "noLongerPossible";
  return {
    title: pick(offer.activityTitle, language),
    slug: offer.activitySlug,
    names: joinNames(offer.names, language),
    expiresAt: offer.expiresAt,
    state: noLongerPossible ? ("noLongerPossible" as const) : offer.state,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (!TOKEN.test(params.token ?? "")) notFound();
  const submission = parseWithZod(await request.formData(), { schema: offerAnswerSchema });
  if (submission.status !== "success") throw new Response("Bad request", { status: 400 });
  const answer = await answerOffer(params.token!, submission.value.intent);
  if (answer === "notFound") notFound();
  return redirect(`/offers/${params.token}${answer === "noLongerPossible" ? "?answer=noLongerPossible" : ""}`);
}

export default function Offer() {
  const { t } = useTranslation("my");
  const language = useLanguage();
  const { title, slug, names, expiresAt, state } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("offerPage.title")}</h1>
      <p className="text-lg">
        {t("offerPage.intro", { names })}{" "}
        <Link to={`/activities/${slug}`} lang={title.language} className="font-semibold">
          {title.text}
        </Link>
      </p>
      {state === "open" ? (
        <>
          <p>{t("offerPage.until", { date: formatDateTime(new Date(expiresAt), language) })}</p>
          <Form method="post" className="grid gap-3">
            <Button type="submit" name="intent" value="accept" className="w-full text-lg" pending={busy}>
              {t("offer.accept")}
            </Button>
            <Button type="submit" name="intent" value="decline" variant="secondary" className="w-full" pending={busy}>
              {t("offer.decline")}
            </Button>
          </Form>
        </>
      ) : (
        <p role="status" className="rounded-lg border-2 border-brand-700 bg-brand-50 p-3 text-lg font-semibold">
          {state === "ACCEPTED"
            ? t("offerPage.accepted")
            : state === "DECLINED"
              ? t("offerPage.declined")
              : state === "noLongerPossible"
                ? t("offerPage.noLongerPossible")
                : t("offerPage.expired")}
        </p>
      )}
      <p>
        <Link to="/my" className="inline-flex min-h-11 items-center">
          {t("title")}
        </Link>
      </p>
    </div>
  );
}
