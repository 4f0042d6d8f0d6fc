// "Min familie": the signed-in parent's own details, the other adults of the
// family and the invitations to join it (ADR 013: naming someone is an
// invitation, never a membership), and the children (added and edited on
// their own page).
import type { z } from "zod";
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Alert, Notice } from "~/components/ui/alert.tsx";
import { useTranslation } from "react-i18next";
import { areaName } from "~/components/area-name.ts";
import { AreaSelect } from "~/components/area-select.tsx";
import { Button, ButtonLink } from "~/components/ui/button.tsx";
import { SelectField } from "~/components/ui/choice.tsx";
import { choiceProps } from "~/components/ui/conform.ts";
import { Field } from "~/components/ui/field.tsx";
import { ageOn, copenhagenDay, dateOnly } from "~/domain/dates.ts";
import { MoveError, recordHouseholdMove } from "~/domain/households/area-history.server.ts";
import { housingAreas, unknownHousingAreas } from "~/domain/households/areas.server.ts";
import { householdOf, ownDetails, saveOwnDetails } from "~/domain/households/household.server.ts";
import { InvitationError, inviteToHousehold, openInvitationsOf, withdrawInvitation } from "~/domain/households/invitations.server.ts";
import { householdSchema, type moveSchema, type otherGuardianSchema, type ownDetailsSchema } from "~/domain/households/schemas.ts";
import { displayIdentifier } from "~/domain/accounts/identifier.ts";
import { requireUser, safeBack } from "~/lib/auth.server.ts";
import { formatDate, formatDay } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "household:title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "PARENT");
  const [household, areas, me] = await Promise.all([householdOf(user), housingAreas(), ownDetails(user.personId)]);
  const members = household?.members ?? [];
  const invitations = household ? await openInvitationsOf(household.id) : [];
  return {
    me,
    // The other adults who share the family: only those who said yes to it (or staff registered with it).
    others: members
      .filter((member) => member.role === "GUARDIAN" && member.person.id !== user.personId)
      .map(({ person }) => ({ id: person.id, name: `${person.firstName} ${person.lastName}`.trim(), hasLogin: Boolean(person.user) })),
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      name: `${invitation.firstName} ${invitation.lastName}`.trim(),
      contact: invitation.phone ? displayIdentifier({ kind: "phone", value: invitation.phone }) : (invitation.email ?? ""),
      expiresAt: invitation.expiresAt?.toISOString() ?? null,
    })),
    children: members
      .filter((member) => member.role === "CHILD")
      .map(({ person }) => ({
        id: person.id,
        name: `${person.firstName} ${person.lastName}`,
        birthDate: person.birthDate ? dateOnly(person.birthDate) : null,
        // The age today, so a parent need not work it out for the catalogue's age filter.
        age: person.birthDate ? ageOn(dateOnly(person.birthDate), copenhagenDay(new Date())) : null,
        area: areas.find((area) => area.id === person.housingAreaId) ?? null,
        hasNeeds: Boolean(person.needs),
        photoConsent: person.photoConsent,
      })),
    areas,
    // Only a path of this site: a crafted ?back=javascript:… must never become a link.
    back: safeBack(request),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "PARENT");
  const submission = parseWithZod(await request.formData(), { schema: householdSchema });
  if (submission.status !== "success") return submission.reply();
  if (submission.value.intent === "own") {
    if ((await unknownHousingAreas([submission.value.housingAreaId])).size) {
      return submission.reply({ fieldErrors: { housingAreaId: ["errors.areaRequired"] } });
    }
    await saveOwnDetails(user, {
      firstName: submission.value.firstName,
      lastName: submission.value.lastName,
      housingAreaId: submission.value.housingAreaId ?? null,
      birthYear: submission.value.birthYear,
      gender: submission.value.gender,
    });
    return submission.reply({ resetForm: false });
  }
  if (submission.value.intent === "move") {
    const household = await householdOf(user);
    if (!household) return submission.reply({ formErrors: ["errors.moveNoFamily"] });
    try {
      await recordHouseholdMove({ householdId: household.id, areaId: submission.value.housingAreaId, from: submission.value.movedOn, actorUserId: user.id });
    } catch (error) {
      if (error instanceof MoveError && error.code === "areaNotFound") return submission.reply({ fieldErrors: { housingAreaId: ["errors.areaRequired"] } });
      if (error instanceof MoveError && error.code === "moveInFuture") return submission.reply({ fieldErrors: { movedOn: ["errors.movedOnFuture"] } });
      throw error;
    }
    return submission.reply({ resetForm: true });
  }
  try {
    if (submission.value.intent === "withdraw") {
      await withdrawInvitation(user, submission.value.invitationId);
      return redirect(householdPath(request, "withdrawn"));
    }
    const { firstName, lastName, phone, email } = submission.value;
    await inviteToHousehold(user, { firstName, lastName, phone, email });
    return redirect(householdPath(request, "invited"));
  } catch (error) {
    if (error instanceof InvitationError) return submission.reply({ formErrors: [`errors.invitation.${error.code}`] });
    throw error;
  }
}

/** Back to this page after an invitation was sent or withdrawn, keeping the way back to an activity. */
function householdPath(request: Request, done: "invited" | "withdrawn"): string {
  const back = safeBack(request);
  return `/my/household?${new URLSearchParams({ done, ...(back ? { back } : {}) })}`;
}

function OwnDetails() {
  const { t } = useTranslation("household");
  const { me, areas } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof ownDetailsSchema>>({
    id: "own",
    lastResult: lastResult?.initialValue?.intent === "own" ? lastResult : undefined,
    defaultValue: {
      firstName: me.firstName,
      lastName: me.lastName,
      housingAreaId: me.housingAreaId ?? "",
      birthYear: me.birthYear?.toString() ?? "",
      gender: me.gender ?? undefined,
    },
  });
  const saved = lastResult?.status === "success" && lastResult.initialValue?.intent === "own";
  return (
    <section aria-labelledby="own-heading" className="space-y-3 rounded-xl border border-slate-200 p-4">
      <h2 id="own-heading" className="text-xl font-bold">
        {t("own.title")}
      </h2>
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <input type="hidden" name="intent" value="own" />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field
            {...getInputProps(fields.firstName, { type: "text" })}
            id={fields.firstName.id}
            label={t("fields.firstName")}
            autoComplete="given-name"
            errors={fields.firstName.errors?.map((e) => t(e))}
          />
          <Field
            {...getInputProps(fields.lastName, { type: "text" })}
            id={fields.lastName.id}
            label={t("fields.lastName")}
            autoComplete="family-name"
            errors={fields.lastName.errors?.map((e) => t(e))}
          />
        </div>
        <AreaSelect
          id={fields.housingAreaId.id}
          name={fields.housingAreaId.name}
          defaultValue={fields.housingAreaId.initialValue}
          label={t("fields.area")}
          hint={t("fields.ownAreaHint")}
          areas={areas}
          empty={t("fields.choose")}
        />
        <fieldset className="space-y-1">
          <legend className="font-semibold">{t("fields.statistics")}</legend>
          <p className="text-sm text-slate-700">{t("fields.statisticsHint")}</p>
          <div className="grid gap-x-4 sm:grid-cols-2">
            {me.birthDate ? null : (
              <Field
                {...getInputProps(fields.birthYear, { type: "text" })}
                id={fields.birthYear.id}
                label={t("fields.birthYear")}
                inputMode="numeric"
                autoComplete="bday-year"
                errors={fields.birthYear.errors?.map((e) => t(e))}
              />
            )}
            <SelectField {...choiceProps(fields.gender, (errors) => errors?.map((e) => t(e)))} label={t("fields.gender")}>
              <option value="">{t("fields.genderNotGiven")}</option>
              <option value="FEMALE">{t("fields.genderFemale")}</option>
              <option value="MALE">{t("fields.genderMale")}</option>
              <option value="OTHER">{t("fields.genderOther")}</option>
            </SelectField>
          </div>
        </fieldset>
        <Button type="submit" pending={navigation.state !== "idle"}>
          {t("own.save")}
        </Button>
        {saved ? (
          <p role="status" className="font-semibold text-brand-800">
            {t("saved")}
          </p>
        ) : null}
      </Form>
    </section>
  );
}

/** "We moved": the family's new housing area and the day they moved (reports count earlier participation under the old one). */
function Move() {
  const { t } = useTranslation("household");
  const { areas } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const mine = lastResult?.initialValue?.intent === "move";
  const [form, fields] = useForm<z.input<typeof moveSchema>>({ id: "move", lastResult: mine ? lastResult : undefined });
  const saved = mine && lastResult?.status === "success";
  return (
    <section aria-labelledby="move-heading" className="space-y-3 rounded-xl border border-slate-200 p-4">
      <h2 id="move-heading" className="text-xl font-bold">
        {t("move.title")}
      </h2>
      <p className="text-sm text-slate-700">{t("move.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <input type="hidden" name="intent" value="move" />
        {form.errors?.length ? (
          <p id={form.errorId} role="alert" className="font-semibold text-red-800">
            {form.errors.map((e) => t(e)).join(" ")}
          </p>
        ) : null}
        <div className="grid gap-x-4 sm:grid-cols-2">
          <AreaSelect
            id={fields.housingAreaId.id}
            name={fields.housingAreaId.name}
            defaultValue={fields.housingAreaId.initialValue}
            label={t("move.area")}
            errors={fields.housingAreaId.errors?.map((e) => t(e))}
            areas={areas}
            empty={t("fields.choose")}
          />
          <Field
            {...getInputProps(fields.movedOn, { type: "date" })}
            id={fields.movedOn.id}
            label={t("move.movedOn")}
            errors={fields.movedOn.errors?.map((e) => t(e))}
          />
        </div>
        <Button type="submit" pending={navigation.state !== "idle"}>
          {t("move.save")}
        </Button>
        {saved ? (
          <p role="status" className="font-semibold text-brand-800">
            {t("move.saved")}
          </p>
        ) : null}
      </Form>
    </section>
  );
}

/** The other adults of the family, the open invitations, and the form that invites the other parent. */
function OtherAdults() {
  const { t } = useTranslation("household");
  const { others, invitations } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const language = useLanguage();
  const mine = lastResult?.initialValue?.intent === "other";
  const [form, fields] = useForm<z.input<typeof otherGuardianSchema>>({
    id: "other",
    lastResult: mine ? lastResult : undefined,
  });
  const withdrawError = lastResult?.initialValue?.intent === "withdraw" ? lastResult.error?.[""] : undefined;
  return (
    <section aria-labelledby="other-heading" className="space-y-3 rounded-xl border border-slate-200 p-4">
      <h2 id="other-heading" className="text-xl font-bold">
        {t("other.title")}
      </h2>
      {others.length ? (
        <ul className="space-y-1">
          {others.map((other) => (
            <li key={other.id}>
              <span className="font-semibold">{other.name}</span> · {other.hasLogin ? t("other.joined") : t("other.noLogin")}
            </li>
          ))}
        </ul>
      ) : null}
      {invitations.length ? (
        <div className="space-y-2">
          <h3 className="font-bold">{t("invite.openTitle")}</h3>
          <ul className="space-y-2">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 p-3">
                <div>
                  <p className="font-semibold">
                    {invitation.name} ·{" "}
                    <span dir="ltr" className="font-normal">
                      {invitation.contact}
                    </span>
                  </p>
                  <p className="text-sm text-slate-700">
                    {invitation.expiresAt ? t("invite.waitingUntil", { date: formatDate(new Date(invitation.expiresAt), language) }) : t("invite.waiting")}
                  </p>
                </div>
                <Form method="post">
                  <input type="hidden" name="intent" value="withdraw" />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <Button type="submit" variant="secondary" aria-label={t("invite.withdrawFor", { name: invitation.name })}>
                    {t("invite.withdraw")}
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {withdrawError?.length ? <Alert>{withdrawError.map((error) => t(error)).join(" ")}</Alert> : null}
      <h3 className="font-bold">{t("invite.title")}</h3>
      <p className="text-sm text-slate-700">{t("invite.intro")}</p>
      {form.errors?.length ? <Alert>{form.errors.map((error) => t(error)).join(" ")}</Alert> : null}
      <Form method="post" {...getFormProps(form)} className="space-y-1">
        <input type="hidden" name="intent" value="other" />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field
            {...getInputProps(fields.firstName, { type: "text" })}
            id={fields.firstName.id}
            label={t("fields.firstName")}
            autoComplete="off"
            errors={fields.firstName.errors?.map((e) => t(e))}
          />
          <Field
            {...getInputProps(fields.lastName, { type: "text" })}
            id={fields.lastName.id}
            label={t("fields.lastName")}
            autoComplete="off"
            errors={fields.lastName.errors?.map((e) => t(e))}
          />
          <Field
            {...getInputProps(fields.phone, { type: "tel" })}
            id={fields.phone.id}
            label={t("fields.phone")}
            hint={t("fields.phoneHint")}
            autoComplete="off"
            dir="ltr"
            errors={fields.phone.errors?.map((e) => t(e))}
          />
          <Field
            {...getInputProps(fields.email, { type: "email" })}
            id={fields.email.id}
            label={t("invite.email")}
            hint={t("invite.emailHint")}
            autoComplete="off"
            dir="ltr"
            errors={fields.email.errors?.map((e) => t(e))}
          />
        </div>
        <Button type="submit" variant="secondary" pending={navigation.state !== "idle"}>
          {t("invite.send")}
        </Button>
      </Form>
    </section>
  );
}

/** What just happened (after a redirect the page starts at the top, so it is said there). */
const DONE: Record<string, string> = { joined: "invitations.joined", invited: "invite.sent", withdrawn: "invite.withdrawn" };

export default function Household() {
  const { t } = useTranslation("household");
  const { children, back } = useLoaderData<typeof loader>();
  const language = useLanguage();
  const [params] = useSearchParams();
  const done = params.get("done");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      {done && DONE[done] ? <Notice>{t(DONE[done])}</Notice> : null}
      {back ? (
        <p className="rounded-lg bg-brand-50 p-3">
          <Link to={back} className="inline-flex min-h-11 items-center">
            {t("backToActivity")}
          </Link>
        </p>
      ) : null}
      <section aria-labelledby="children-heading" className="space-y-3">
        <h2 id="children-heading" className="text-xl font-bold">
          {t("children.title")}
        </h2>
        {children.length === 0 ? <p>{t("children.none")}</p> : null}
        <ul className="space-y-2">
          {children.map((child) => (
            <li key={child.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 p-3">
              <div>
                <p className="font-semibold">{child.name}</p>
                <p className="text-sm text-slate-700">
                  {child.age !== null ? `${t("common:units.years", { count: child.age })} · ` : null}
                  {child.birthDate ? t("children.born", { date: formatDay(child.birthDate, language) }) : null}
                  {child.area ? ` · ${areaName(child.area, t)}` : null}
                </p>
              </div>
              <Link
                to={`/my/household/children/${child.id}${back ? `?back=${encodeURIComponent(back)}` : ""}`}
                className="inline-flex min-h-11 items-center px-2"
              >
                {t("children.edit", { name: child.name })}
              </Link>
              <Link
                to={`/my/household/children/${child.id}/contacts${back ? `?back=${encodeURIComponent(back)}` : ""}`}
                className="inline-flex min-h-11 items-center px-2"
              >
                {t("contacts.link", { name: child.name })}
              </Link>
            </li>
          ))}
        </ul>
        <ButtonLink to={`/my/household/children/new${back ? `?back=${encodeURIComponent(back)}` : ""}`}>{t("children.add")}</ButtonLink>
      </section>
      <OwnDetails />
      <Move />
      <OtherAdults />
      <p>
        <Link to="/my/data" className="inline-flex min-h-11 items-center">
          {t("privacy:link")}
        </Link>
      </p>
    </div>
  );
}
