// A family seen from the staff side, and signing its children up for an
// activity on its behalf with the guardian's spoken consent. The same
// capacity and eligibility rules apply as online.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { parseWithZod } from "@conform-to/zod/v4";
import { AreaSelect } from "~/components/area-select.tsx";
import { reasonKey } from "~/components/ineligibility.ts";
import { Button } from "~/components/ui/button.tsx";
import { Checkbox, SelectField } from "~/components/ui/choice.tsx";
import { Field } from "~/components/ui/field.tsx";
import { pick } from "~/domain/activities/text.ts";
import { ageOn, copenhagenDay, dateOnly } from "~/domain/dates.ts";
import { EnrolmentError } from "~/domain/enrolment/errors.ts";
import { signUp, signUpChoices } from "~/domain/enrolment/sign-up.server.ts";
import { MoveError, recordHouseholdMove } from "~/domain/households/area-history.server.ts";
import { housingAreas } from "~/domain/households/areas.server.ts";
import { activitiesOpenForSignUp, householdForStaff } from "~/domain/households/assisted.server.ts";
import { moveSchema } from "~/domain/households/schemas.ts";
import { requireHouseholdAccess } from "~/web/household-access.server.ts";
import { invitationsForStaff } from "~/domain/households/invitations.server.ts";
import { accessibleActivityIds, mayRunActivity } from "~/domain/staff/access.server.ts";
import { isolated } from "~/domain/text-rules.ts";
import { hasRole } from "~/lib/roles.ts";
import { formatDate } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { getLanguage } from "~/lib/i18n.server.ts";
import { pageTitle } from "~/lib/meta.ts";
import { Alert, Notice } from "~/components/ui/alert.tsx";
import { notFound } from "~/web/http.server.ts";
import { idField } from "~/lib/ids.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "staff:families.household");

const signUpSchema = z.object({
  activityId: idField(),
  // One ticked child or several: conform gives a list either way (none: an empty list, refused here).
  personId: z.array(idField()).min(1),
  consentPersonId: idField(),
  spokenConsent: z.literal("on"),
  idempotencyKey: idField(),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, pass } = await requireHouseholdAccess(request, params.householdId);
  const household = await householdForStaff(params.householdId!);
  if (!household) notFound();
  const language = await getLanguage(request);
  const ids = await accessibleActivityIds(user);
  const now = new Date();
  const activities = await activitiesOpenForSignUp(ids, now);
  const chosen = new URL(request.url).searchParams.get("activity");
  const activityId = chosen && activities.some((activity) => activity.id === chosen) ? chosen : null;
  const today = copenhagenDay(now);
  const staff = hasRole(user, "STAFF");
  return {
    householdId: household.id,
    pass,
    // Staff record a family's move (with its date); partners see the family but do not change where it lives.
    areas: staff ? await housingAreas() : [],
    // Only staff may delete a family's personal data (the page itself is open to partners too).
    canDelete: staff,
    // Who was named for the family and what became of it ("not me"): staff's to look into, not a partner's.
    invitations: staff ? await invitationsForStaff(household.id, now) : [],
    members: household.members.map(({ role, person }) => ({
      id: person.id,
      role,
      name: `${person.firstName} ${person.lastName}`.trim(),
      age: person.birthDate ? ageOn(dateOnly(person.birthDate), today) : null,
      phone: person.phone,
      email: person.email,
      area: person.housingArea?.name ?? null,
      hasLogin: Boolean(person.user),
    })),
    activities: activities.map((activity) => ({ id: activity.id, title: pick(activity.title, language).text })),
    activityId,
    choices: activityId ? await signUpChoices(activityId, household.id) : [],
    idempotencyKey: crypto.randomUUID(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, pass } = await requireHouseholdAccess(request, params.householdId);
  const form = await request.formData();
  if (form.get("intent") === "move") {
    if (!hasRole(user, "STAFF")) notFound();
    const move = parseWithZod(form, { schema: moveSchema });
    if (move.status !== "success") return { result: move.reply() };
    try {
      await recordHouseholdMove({ householdId: params.householdId!, areaId: move.value.housingAreaId, from: move.value.movedOn, actorUserId: user.id });
    } catch (error) {
      if (error instanceof MoveError && error.code === "moveInFuture")
        return { result: move.reply({ fieldErrors: { movedOn: ["household:errors.movedOnFuture"] } }) };
      if (error instanceof MoveError) return { result: move.reply({ fieldErrors: { housingAreaId: ["household:errors.areaRequired"] } }) };
      throw error;
    }
    return redirect(`/staff/families/${params.householdId}?${new URLSearchParams({ ...(pass ? { pass } : {}), done: "moved" })}`);
  }
  const submission = parseWithZod(form, { schema: signUpSchema });
  if (submission.status !== "success") return { error: submission.error?.spokenConsent ? "staff:families.errors.consent" : "staff:families.errors.choose" };
  const chosen = submission.value;
  if (!(await mayRunActivity(user, chosen.activityId))) notFound();
  try {
    const result = await signUp({
      activityId: chosen.activityId,
      householdId: params.householdId!,
      personIds: chosen.personId,
      consentPersonId: chosen.consentPersonId,
      consentMethod: "SPOKEN",
      byUserId: user.id,
      idempotencyKey: chosen.idempotencyKey,
    });
    const done = new URLSearchParams({ ...(pass ? { pass } : {}), done: result.status === "CONFIRMED" ? "confirmed" : "waiting" });
    return redirect(`/staff/families/${params.householdId}?${done}`);
  } catch (error) {
    if (error instanceof EnrolmentError) return { error: `activity:errors.${error.code}` };
    throw error;
  }
}

export default function FamilyForStaff() {
  const { t } = useTranslation("staff");
  const { t: tp } = useTranslation("privacy");
  const { t: th } = useTranslation("household");
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const language = useLanguage();
  const guardians = data.members.filter((member) => member.role === "GUARDIAN");
  const done = params.get("done");
  return (
    <div className="space-y-6">
      <p>
        <Link to="/staff/families" className="inline-flex min-h-11 items-center">
          {t("families.title")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{guardians.map((guardian) => isolated(guardian.name)).join(", ") || t("families.unnamed")}</h1>
      {done ? (
        <Notice>
          {done === "moved" ? th("move.saved") : t(`families.done.${done === "created" ? "created" : done === "waiting" ? "waiting" : "confirmed"}`)}
        </Notice>
      ) : null}
      {result && "error" in result && result.error ? <Alert>{t(result.error)}</Alert> : null}
      {result && "result" in result && result.result.error ? (
        <Alert>
          {Object.values(result.result.error)
            .flat()
            .map((message) => th(String(message)))
            .join(" ")}
        </Alert>
      ) : null}
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
        {data.members.map((member) => (
          <li key={member.id} className="p-3">
            <p className="font-semibold">
              <bdi>{member.name}</bdi>{" "}
              <span className="font-normal text-slate-700">
                · {member.role === "GUARDIAN" ? t("families.guardian") : member.age === null ? "?" : t("common:units.years", { count: member.age })}
              </span>
            </p>
            <p className="text-sm text-slate-700">
              {member.phone ? (
                <a href={`tel:${member.phone}`} dir="ltr" className="inline-flex min-h-11 items-center">
                  {member.phone}
                </a>
              ) : null}
              {member.email ? ` · ${member.email}` : ""}
              {member.area ? ` · ${member.area}` : ""}
              {member.role === "GUARDIAN" ? ` · ${member.hasLogin ? t("families.hasLogin") : t("families.noLogin")}` : ""}
            </p>
          </li>
        ))}
      </ul>
      {data.invitations.length ? (
        <section aria-labelledby="invitations-heading" className="space-y-2 rounded-xl border border-slate-200 p-3">
          <h2 id="invitations-heading" className="text-lg font-bold">
            {t("families.invitations.title")}
          </h2>
          <ul className="space-y-1">
            {data.invitations.map((invitation) => (
              <li key={invitation.id} className={invitation.state === "notMe" ? "font-semibold text-red-900" : undefined}>
                {invitation.name}
                {invitation.phone ? (
                  <>
                    {" · "}
                    <span dir="ltr">{invitation.phone}</span>
                  </>
                ) : null}
                {invitation.email ? ` · ${invitation.email}` : ""} ·{" "}
                {t(`families.invitations.${invitation.kind === "CLAIM" ? "claim" : "join"}.${invitation.state}`, {
                  date: invitation.at ? formatDate(new Date(invitation.at), language) : "",
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.areas.length ? (
        <section aria-labelledby="move-heading" className="space-y-2 rounded-xl border border-slate-200 p-3">
          <h2 id="move-heading" className="text-lg font-bold">
            {th("move.title")}
          </h2>
          <p className="text-sm text-slate-700">{th("move.intro")}</p>
          <Form method="post" className="space-y-2">
            <input type="hidden" name="intent" value="move" />
            <div className="grid gap-x-4 sm:grid-cols-2">
              <AreaSelect id="move-area" name="housingAreaId" label={th("move.area")} required defaultValue="" areas={data.areas} empty={th("fields.choose")} />
              <Field id="move-day" name="movedOn" type="date" label={th("move.movedOn")} required />
            </div>
            <Button type="submit" pending={navigation.state !== "idle"}>
              {th("move.save")}
            </Button>
          </Form>
        </section>
      ) : null}
      <section aria-labelledby="assist-heading" className="space-y-3">
        <h2 id="assist-heading" className="text-xl font-bold">
          {t("families.signUpTitle")}
        </h2>
        <Form method="get" className="flex flex-wrap items-end gap-2">
          {data.pass ? <input type="hidden" name="pass" value={data.pass} /> : null}
          <div className="grow">
            <SelectField id="activity" name="activity" label={t("families.activity")} defaultValue={data.activityId ?? ""}>
              <option value="">{t("families.chooseActivity")}</option>
              {data.activities.map((activity) => (
                <option key={activity.id} value={activity.id}>
                  {activity.title}
                </option>
              ))}
            </SelectField>
          </div>
          <Button type="submit" variant="secondary" className="mb-7">
            {t("families.show")}
          </Button>
        </Form>
        {data.activityId ? (
          <Form method="post" className="space-y-3">
            <input type="hidden" name="activityId" value={data.activityId} />
            <input type="hidden" name="idempotencyKey" value={data.idempotencyKey} />
            <fieldset className="space-y-2">
              <legend className="font-semibold">{t("families.who")}</legend>
              {data.choices.map((choice) => (
                <Checkbox
                  key={choice.personId}
                  id={`person-${choice.personId}`}
                  name="personId"
                  value={choice.personId}
                  label={`${choice.firstName} ${choice.lastName}`}
                  description={choice.problems.length ? choice.problems.map((problem) => t(...reasonKey(problem))).join(" ") : undefined}
                  disabled={choice.problems.length > 0}
                />
              ))}
            </fieldset>
            <SelectField id="consentPersonId" name="consentPersonId" label={t("families.consentBy")}>
              {guardians.map((guardian) => (
                <option key={guardian.id} value={guardian.id}>
                  {guardian.name}
                </option>
              ))}
            </SelectField>
            <Checkbox id="spokenConsent" name="spokenConsent" label={t("families.spokenConsent")} description={t("families.spokenConsentText")} />
            <Button type="submit" pending={navigation.state !== "idle"}>
              {t("families.signUp")}
            </Button>
          </Form>
        ) : null}
      </section>
      {data.canDelete ? (
        <p>
          <Link to={`/staff/families/${data.householdId}/delete`} className="inline-flex min-h-11 items-center">
            {tp("staff.title")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
