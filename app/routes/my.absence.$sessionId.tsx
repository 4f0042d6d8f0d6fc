// "Can't come" for one session (absence notices, issue 19): the page the reminder's link and My activities lead to.
// A guardian of a child with a place reports an absence (this date, or every date left this week), with a reason if
// they like, and takes it back until the session starts. Signed in only; another family's session is a 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Alert, Notice } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Field } from "~/components/ui/field.tsx";
import { pick } from "~/domain/activities/text.ts";
import { absencePage, AbsenceError, reportAbsence, undoAbsence } from "~/domain/attendance/absence.server.ts";
import { ABSENCE_REASON_MAX, absenceActionSchema } from "~/domain/attendance/absence-schemas.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { isId } from "~/lib/ids.ts";
import { formatDate, formatWhen } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { refusal, replyToRefusal, requireId } from "~/web/http.server.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "my:absence.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "PARENT");
  const sessionId = requireId(params.sessionId);
  const [language, page] = await Promise.all([
    getLanguage(request),
    absencePage(user, sessionId).catch((error: unknown) => {
      throw refusal(error, AbsenceError, { pageGone: ["absenceNotFound"] });
    }),
  ]);
  return { ...page, session: { ...page.session, activity: { ...page.session.activity, title: pick(page.session.activity.title, language) } } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "PARENT");
  const sessionId = requireId(params.sessionId);
  const submission = parseWithZod(await request.formData(), { schema: absenceActionSchema });
  // Which child's form answered (the reason belongs to it); a form that is no form at all is answered on top.
  const sentFor = isId(submission.payload.personId) ? submission.payload.personId : null;
  if (submission.status !== "success") return { personId: sentFor, result: submission.reply() };
  const input = submission.value;
  const guardian = { userId: user.id, personId: user.personId };
  try {
    if (input.intent === "report") {
      const made = await reportAbsence({ guardian, sessionId, personId: input.personId, reason: input.reason, week: input.week === "1" });
      return redirect(`/my/absence/${sessionId}?done=${input.week === "1" ? "week" : "reported"}&n=${made}`);
    }
    await undoAbsence({ guardian, sessionId, personId: input.personId });
    return redirect(`/my/absence/${sessionId}?done=undone`);
  } catch (error) {
    return { personId: input.personId, result: replyToRefusal(error, submission, { pageGone: ["absenceNotFound"] }) };
  }
}

type Person = ReturnType<typeof useLoaderData<typeof loader>>["people"][number];

function PersonAbsence({ person }: { person: Person }) {
  const { t } = useTranslation("my");
  const language = useLanguage();
  const { session, started, cancelled, weekCount } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const mine = answer?.personId === person.personId ? answer.result : undefined;
  const reasonErrors = mine?.error?.reason;
  // The domain's refusal (on the form), or a hidden field no page sends wrong ("that did not work").
  const formErrors = [
    ...(mine?.error?.[""] ?? []),
    ...(Object.entries(mine?.error ?? {}).some(([field, errors]) => field !== "" && field !== "reason" && errors?.length) ? ["errors.badRequest"] : []),
  ];
  const date = formatDate(new Date(session.startsAt), language);
  const reasonId = `reason-${person.personId}`;
  return (
    <li className="space-y-3 rounded-xl border-2 border-slate-200 p-4">
      <h2 className="text-lg font-bold">
        <bdi>{person.name}</bdi>
      </h2>
      {formErrors.length ? <Alert>{formErrors.map((key) => t(key)).join(" ")}</Alert> : null}
      {person.notice ? (
        <>
          <p className="font-semibold text-brand-800">{t("absence.reported", { name: person.firstName, date })}</p>
          {person.notice.reason ? (
            <p className="text-sm">
              {t("absence.reasonShown")} <bdi>{person.notice.reason}</bdi>
            </p>
          ) : null}
          {started ? (
            <p className="text-sm text-slate-700">{t("absence.tooLateToUndo")}</p>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="undo" />
              <input type="hidden" name="personId" value={person.personId} />
              <Button type="submit" variant="secondary" pending={navigation.state !== "idle"}>
                {t("absence.undo", { name: person.firstName })}
              </Button>
            </Form>
          )}
        </>
      ) : started || cancelled ? (
        <p className="text-sm text-slate-700">{cancelled ? t("absence.cancelledSession") : t("absence.tooLate")}</p>
      ) : (
        <Form method="post" className="space-y-2">
          <input type="hidden" name="intent" value="report" />
          <input type="hidden" name="personId" value={person.personId} />
          <Field
            id={reasonId}
            name="reason"
            label={t("absence.reason")}
            hint={t("absence.reasonHint")}
            maxLength={ABSENCE_REASON_MAX}
            autoComplete="off"
            defaultValue={typeof mine?.initialValue?.reason === "string" ? mine.initialValue.reason : undefined}
            errors={reasonErrors?.map((key) => t(key))}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" pending={navigation.state !== "idle"}>
              {t("absence.report", { name: person.firstName, date })}
            </Button>
            {weekCount ? (
              <Button type="submit" name="week" value="1" variant="secondary" pending={navigation.state !== "idle"}>
                {t("absence.reportWeek", { name: person.firstName, count: weekCount })}
              </Button>
            ) : null}
          </div>
        </Form>
      )}
    </li>
  );
}

function Done() {
  const { t } = useTranslation("my");
  const [params] = useSearchParams();
  const done = params.get("done");
  if (done === "reported") return <Notice>{t("absence.done.reported")}</Notice>;
  if (done === "week") return <Notice>{t("absence.done.week", { count: Number(params.get("n")) || 0 })}</Notice>;
  if (done === "undone") return <Notice>{t("absence.done.undone")}</Notice>;
  return null;
}

export default function Absence() {
  const { t } = useTranslation("my");
  const language = useLanguage();
  const { session, people, cancelled, upcoming } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  // A form that named no child of this page (a tampered or stale one): answered on top.
  const stray = Boolean(answer) && !people.some((person) => person.personId === answer?.personId);
  return (
    <div className="space-y-6">
      <p>
        <Link to="/my" className="inline-flex min-h-11 items-center">
          {t("absence.back")}
        </Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t("absence.title")}</h1>
        <p className="text-lg font-semibold" lang={session.activity.title.language}>
          {session.activity.title.text}
        </p>
        <p>
          {formatWhen(new Date(session.startsAt), new Date(session.endsAt), language)} · <bdi>{session.place}</bdi>
        </p>
        <p className="text-sm text-slate-700">{t("absence.intro")}</p>
      </header>
      <Done />
      {stray ? <Alert>{t("errors.badRequest")}</Alert> : null}
      {cancelled ? <Notice>{t("absence.cancelledSession")}</Notice> : null}
      <ul className="space-y-4">
        {people.map((person) => (
          <PersonAbsence key={person.personId} person={person} />
        ))}
      </ul>
      {upcoming.length ? (
        <nav aria-labelledby="other-dates" className="space-y-1">
          <h2 id="other-dates" className="text-lg font-bold">
            {t("absence.otherDates")}
          </h2>
          <ul>
            {upcoming.map((other) => (
              <li key={other.id}>
                <Link to={`/my/absence/${other.id}`} className="inline-flex min-h-11 items-center">
                  {formatDate(new Date(other.startsAt), language)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
