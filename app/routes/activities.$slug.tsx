// One activity: what, when, where, for whom, and the sign-up form.
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { signUpSchema } from "~/domain/enrolment/sign-up-schema.ts";
import { Icon } from "~/components/icons.tsx";
import { reasonKey } from "~/components/ineligibility.ts";
import { ScheduleSummary } from "~/components/schedule-summary.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { Checkbox } from "~/components/ui/choice.tsx";
import { publishedActivity } from "~/domain/activities/activity.server.ts";
import { summariseSchedule } from "~/domain/activities/schedule.ts";
import { pick } from "~/domain/activities/text.ts";
import { EnrolmentError } from "~/domain/enrolment/errors.ts";
import { signUp, signUpChoices, signUpTarget } from "~/domain/enrolment/sign-up.server.ts";
import { householdIdOf } from "~/domain/households/household.server.ts";
import { getUser, requireUser } from "~/lib/auth.server.ts";
import { formatDateTime, formatKroner, formatWhen } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { RateLimitedError } from "~/lib/rate-limit.server.ts";
import { Alert } from "~/components/ui/alert.tsx";
import { ContactsPrompt } from "~/components/contacts-prompt.tsx";
import { childrenWithoutContacts } from "~/domain/households/child-contacts.server.ts";
import { notFound } from "~/web/http.server.ts";
import { useAnswered } from "~/components/ui/answered.ts";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, null, data?.title.text);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [language, user] = await Promise.all([getLanguage(request), getUser(request)]);
  const [activity, householdId] = await Promise.all([publishedActivity(params.slug ?? ""), user?.role === "PARENT" ? householdIdOf(user) : null]);
  if (!activity) notFound();
  const choices = householdId && activity.signUpState === "open" ? await signUpChoices(activity.id, householdId) : [];
  // Who may collect the child and whom to call, where the activity asks (issue 19): the children who have not said.
  const children = choices.filter((choice) => choice.role === "CHILD" && choice.problems.length === 0);
  const missing = activity.asksCollectContacts ? new Set(await childrenWithoutContacts(children.map((child) => child.personId))) : new Set<string>();
  return {
    slug: activity.slug,
    type: { icon: activity.type.icon, name: pick(activity.type.name, language) },
    title: pick(activity.title, language),
    description: pick(activity.description, language),
    practicalInfo: activity.practicalInfo ? pick(activity.practicalInfo, language) : null,
    terms: activity.terms ? pick(activity.terms, language) : null,
    place: activity.place,
    address: activity.address,
    minAge: activity.minAge,
    maxAge: activity.maxAge,
    priceOre: activity.priceOre,
    capacity: activity.capacity,
    capacityUnit: activity.capacityUnit,
    placesLeft: activity.placesLeft,
    waiting: activity.waiting,
    signUpState: activity.signUpState,
    signUpOpensAt: activity.signUpOpensAt,
    signUpClosesAt: activity.signUpClosesAt,
    cancelDeadline: activity.cancelDeadline,
    openToOutsiders: activity.openToOutsiders,
    eligibleAreaNames: activity.eligibleAreaNames,
    contact: { name: activity.contactName, phone: activity.contactPhone, email: activity.contactEmail },
    sessions: activity.sessions,
    schedule: summariseSchedule(activity.sessions.filter((session) => !session.cancelledAt)),
    viewer: !user ? ("anonymous" as const) : user.role === "PARENT" ? ("parent" as const) : ("other" as const),
    choices,
    contactsMissing: children.filter((child) => missing.has(child.personId)).map(({ personId, firstName }) => ({ personId, firstName })),
    idempotencyKey: crypto.randomUUID(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, "PARENT");
  const submission = parseWithZod(await request.formData(), { schema: signUpSchema });
  if (submission.status !== "success") return submission.reply();
  const { activityId, householdId } = await signUpTarget(params.slug ?? "", user.personId);
  if (!activityId) notFound();
  if (!householdId) return submission.reply({ formErrors: ["errors.notInHousehold"] });
  try {
    const result = await signUp({
      activityId,
      householdId,
      personIds: submission.value.personId,
      consentPersonId: user.personId,
      consentMethod: "ONLINE",
      byUserId: user.id,
      idempotencyKey: submission.value.idempotencyKey,
    });
    const done = new URLSearchParams({ done: result.status === "CONFIRMED" ? "confirmed" : "waiting", activity: params.slug ?? "" });
    if (result.position) done.set("position", String(result.position));
    return redirect(`/my?${done}`);
  } catch (error) {
    if (error instanceof EnrolmentError) return submission.reply({ formErrors: [`errors.${error.code}`] });
    if (error instanceof RateLimitedError) return submission.reply({ formErrors: ["errors.tooMany"] });
    throw error;
  }
}

function Facts() {
  const { t } = useTranslation("activity");
  const language = useLanguage();
  const data = useLoaderData<typeof loader>();
  const ages =
    data.minAge !== null && data.maxAge !== null
      ? t("facts.ageRange", { min: data.minAge, max: data.maxAge, count: data.maxAge })
      : data.minAge !== null
        ? t("facts.ageFrom", { min: data.minAge, count: data.minAge })
        : data.maxAge !== null
          ? t("facts.ageTo", { max: data.maxAge, count: data.maxAge })
          : t("facts.allAges");
  const areas = data.eligibleAreaNames.length ? data.eligibleAreaNames.join(", ") : t("facts.allAreas");
  const places =
    data.signUpState === "dropIn"
      ? t("facts.dropIn")
      : data.placesLeft === null
        ? t("facts.noLimit")
        : data.placesLeft > 0
          ? t(data.capacityUnit === "HOUSEHOLD" ? "facts.familyPlacesLeft" : "facts.placesLeft", { n: data.placesLeft })
          : t("facts.full", { n: data.waiting });
  const rows: [string, ReactNode][] = [
    [t("facts.when"), <ScheduleSummary key="when" summary={data.schedule} />],
    [t("facts.where"), [data.place, data.address].filter(Boolean).join(", ")],
    [t("facts.ages"), ages],
    [t("facts.who"), data.openToOutsiders ? t("facts.whoWithOutsiders", { areas }) : areas],
    [t("facts.price"), data.priceOre === 0 ? t("facts.free") : formatKroner(data.priceOre, language)],
    [t("facts.places"), places],
  ];
  if (data.cancelDeadline && data.signUpState !== "dropIn") rows.push([t("facts.cancelBy"), formatDateTime(new Date(data.cancelDeadline), language)]);
  return (
    <dl className="divide-y divide-slate-200 rounded-xl border border-slate-200">
      {rows.map(([label, value]) => (
        <div key={label} className="grid gap-1 p-3 sm:grid-cols-3">
          <dt className="font-semibold">{label}</dt>
          <dd className="sm:col-span-2">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Sessions() {
  const { t } = useTranslation("activity");
  const language = useLanguage();
  const { sessions, place } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="sessions-heading" className="space-y-2">
      <h2 id="sessions-heading" className="text-xl font-bold">
        {t("sessions.title", { n: sessions.length })}
      </h2>
      <ol className="divide-y divide-slate-200 rounded-xl border border-slate-200">
        {sessions.map((session) => {
          const start = new Date(session.startsAt);
          return (
            <li key={session.id} className={`flex flex-wrap justify-between gap-x-4 p-3 ${session.cancelledAt ? "text-slate-700" : ""}`}>
              <span className={session.cancelledAt ? "line-through" : ""}>{formatWhen(start, new Date(session.endsAt), language)}</span>
              {session.cancelledAt ? (
                <span className="font-semibold text-red-800">{t("sessions.cancelled")}</span>
              ) : session.place && session.place !== place ? (
                <span>{t("sessions.movedTo", { place: session.place })}</span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function SignUpForm() {
  const { t } = useTranslation("activity");
  const language = useLanguage();
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const location = useLocation();
  // The server's reply (conform's SubmissionResult): errors per field, "" for the whole form. No client-side
  // form library on this page: it has to stay within the page-weight budget (docs/benchmarks.md).
  const answered = useAnswered(lastResult);
  const errorsOf = (name: "" | "personId" | "consent") => answered.unless(name, lastResult?.error?.[name] ?? undefined);
  // What was sent, so a refused form (also without JavaScript) comes back as the parent filled it in.
  const sent = lastResult?.initialValue as { personId?: string | string[]; consent?: string } | undefined;
  const chosen = new Set([sent?.personId ?? []].flat());
  const here = location.pathname;

  if (data.signUpState === "dropIn") return <p className="rounded-xl bg-brand-50 p-4 text-lg font-semibold">{t("signUp.dropIn")}</p>;
  if (data.signUpState === "notOpenYet")
    return <p className="rounded-xl bg-amber-50 p-4">{t("signUp.opensAt", { date: formatDateTime(new Date(data.signUpOpensAt!), language) })}</p>;
  if (data.signUpState === "closed") return <p className="rounded-xl bg-slate-100 p-4">{t("signUp.closed")}</p>;
  if (data.viewer === "anonymous") {
    return (
      <div className="space-y-3 rounded-xl bg-brand-50 p-4">
        <p>{t("signUp.signInFirst")}</p>
        <ButtonLink to={`/login?redirectTo=${encodeURIComponent(here)}`}>{t("signUp.signIn")}</ButtonLink>
      </div>
    );
  }
  if (data.viewer === "other") return <p className="rounded-xl bg-slate-100 p-4">{t("signUp.parentsOnly")}</p>;
  if (data.choices.length === 0) {
    return (
      <div className="space-y-3 rounded-xl bg-brand-50 p-4">
        <p>{t("signUp.addChildrenFirst")}</p>
        <ButtonLink to={`/my/household/children/new?back=${encodeURIComponent(here)}`}>{t("signUp.addChild")}</ButtonLink>
      </div>
    );
  }
  const full = data.placesLeft !== null && data.placesLeft === 0;
  const anyEligible = data.choices.some((choice) => choice.problems.length === 0);
  const personErrors = errorsOf("personId")?.map((error) => t(error));
  const formErrors = errorsOf("");
  const consentErrors = errorsOf("consent");
  return (
    <Form method="post" noValidate className="space-y-4" onChange={answered.onChange}>
      <input type="hidden" name="idempotencyKey" value={data.idempotencyKey} />
      {formErrors?.length ? (
        <Alert>
          {formErrors.map((error) => (
            <p key={error}>{t(error)}</p>
          ))}
        </Alert>
      ) : null}
      {full ? <p className="rounded-lg bg-amber-50 p-3">{t("signUp.fullExplained")}</p> : null}
      <fieldset className="space-y-2" aria-describedby={personErrors?.length ? "who-error" : undefined}>
        <legend className="mb-2 text-lg font-semibold">{t("signUp.who")}</legend>
        {data.choices.map((choice) => {
          const reasons = choice.problems.map((problem) => {
            const [key, values] = reasonKey(problem);
            return t(key, values);
          });
          return (
            <Checkbox
              key={choice.personId}
              id={`person-${choice.personId}`}
              name="personId"
              value={choice.personId}
              defaultChecked={chosen.has(choice.personId)}
              label={`${choice.firstName} ${choice.lastName}`}
              description={reasons.length ? reasons.join(" ") : choice.role === "GUARDIAN" ? t("signUp.adult") : undefined}
              disabled={reasons.length > 0}
              invalid={Boolean(personErrors?.length)}
            />
          );
        })}
        <p id="who-error" className="min-h-6 text-sm font-semibold text-red-800" aria-live="polite">
          {personErrors?.join(" ")}
        </p>
        <p>
          <Link to={`/my/household/children/new?back=${encodeURIComponent(here)}`} className="inline-flex min-h-11 items-center">
            {t("signUp.addAnotherChild")}
          </Link>
        </p>
      </fieldset>
      <ContactsPrompt people={data.contactsMissing} back={here} />
      {anyEligible ? (
        <>
          {data.terms ? (
            <div className="rounded-lg bg-slate-50 p-3 text-sm" lang={data.terms.language}>
              <p className="font-semibold">{t("signUp.termsTitle")}</p>
              <p className="whitespace-pre-line">{data.terms.text}</p>
            </div>
          ) : null}
          <Checkbox
            id="consent"
            name="consent"
            defaultChecked={sent?.consent === "on"}
            label={t("signUp.consent")}
            description={t("signUp.consentText")}
            invalid={Boolean(consentErrors?.length)}
            describedBy={consentErrors?.length ? "consent-error" : undefined}
          />
          <p id="consent-error" className="min-h-6 text-sm font-semibold text-red-800" aria-live="polite">
            {consentErrors?.map((error) => t(error)).join(" ")}
          </p>
          <Button type="submit" className="w-full" pending={navigation.state !== "idle"}>
            {navigation.state !== "idle" ? t("common:form.pending") : full ? t("signUp.submitWaiting") : t("signUp.submit")}
          </Button>
        </>
      ) : null}
    </Form>
  );
}

export default function ActivityPage() {
  const { t } = useTranslation("activity");
  const data = useLoaderData<typeof loader>();
  return (
    <article className="space-y-6">
      <p>
        <Link to="/activities" className="inline-flex min-h-11 items-center">
          {t("back")}
        </Link>
      </p>
      <header className="space-y-2">
        <p className="flex items-center gap-2 text-brand-800">
          <Icon name={data.type.icon} className="size-8" />
          <span className="font-semibold">{data.type.name.text}</span>
        </p>
        <h1 className="text-2xl font-bold sm:text-3xl" lang={data.title.language}>
          {data.title.text}
        </h1>
      </header>
      {data.description.fallback ? <p className="rounded-lg bg-amber-50 p-3 text-sm">{t("fallbackNote")}</p> : null}
      <Facts />
      <section aria-labelledby="about-heading" className="space-y-2">
        <h2 id="about-heading" className="text-xl font-bold">
          {t("about")}
        </h2>
        <p className="whitespace-pre-line" lang={data.description.language}>
          {data.description.text}
        </p>
      </section>
      {data.practicalInfo ? (
        <section aria-labelledby="bring-heading" className="space-y-2">
          <h2 id="bring-heading" className="text-xl font-bold">
            {t("bring")}
          </h2>
          <p className="whitespace-pre-line" lang={data.practicalInfo.language}>
            {data.practicalInfo.text}
          </p>
        </section>
      ) : null}
      <section aria-labelledby="signup-heading" className="space-y-3">
        <h2 id="signup-heading" className="text-xl font-bold">
          {t("signUp.title")}
        </h2>
        <SignUpForm />
      </section>
      <Sessions />
      {data.contact.name ? (
        <section aria-labelledby="contact-heading" className="space-y-1">
          <h2 id="contact-heading" className="text-xl font-bold">
            {t("contact")}
          </h2>
          <p>{data.contact.name}</p>
          {data.contact.phone ? (
            <p>
              <a href={`tel:${data.contact.phone}`} className="inline-flex min-h-11 items-center" dir="ltr">
                {data.contact.phone}
              </a>
            </p>
          ) : null}
          {data.contact.email ? (
            <p>
              <a href={`mailto:${data.contact.email}`} className="inline-flex min-h-11 items-center">
                {data.contact.email}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
