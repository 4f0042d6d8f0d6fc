// "Jeres data": everything the portal holds about the signed-in guardian's
// household, readable, with the same as a JSON file and a request to have
// it deleted (carried out by staff).
import type { z } from "zod";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useAnswered } from "~/components/ui/answered.ts";
import { DataTable } from "~/components/ui/data-table.tsx";
import { Notice } from "~/components/ui/alert.tsx";
import { Button } from "~/components/ui/button.tsx";
import { Checkbox, ErrorText } from "~/components/ui/choice.tsx";
import { pick, type LocalizedText } from "~/domain/activities/text.ts";
import { householdData, requestDeletion } from "~/domain/households/personal-data.server.ts";
import { deletionRequestSchema } from "~/domain/households/privacy-schemas.ts";
import { requireUser } from "~/lib/auth.server.ts";
import { formatDateTime, formatDay, formatPhone } from "~/lib/format.ts";
import { isolated } from "~/domain/text-rules.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { pageTitle } from "~/lib/meta.ts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "privacy:title");

// Parents (their household) and young people with their own login (themselves).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["PARENT", "YOUTH"]);
  const forYouth = user.role === "YOUTH";
  return { ...(await householdData(user)), forYouth, correctAt: forYouth ? "/account" : "/my/household" };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, ["PARENT", "YOUTH"]);
  const submission = parseWithZod(await request.formData(), { schema: deletionRequestSchema });
  if (submission.status !== "success") return submission.reply();
  await requestDeletion(user);
  return redirect("/my/data?done=deletionRequested");
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <h2 id={`${id}-heading`} className="text-xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-x-4 py-1 sm:grid-cols-3">
      <dt className="font-semibold">{label}</dt>
      <dd className="sm:col-span-2">{children}</dd>
    </div>
  );
}

function Title({ text }: { text: LocalizedText }) {
  const picked = pick(text, useLanguage());
  return <span lang={picked.language}>{picked.text}</span>;
}

function useFormat() {
  const language = useLanguage();
  return {
    when: (value: string | null) => (value ? formatDateTime(new Date(value), language) : null),
    day: (value: string) => formatDay(value, language),
  };
}

function People({ data }: { data: Data }) {
  const { t } = useTranslation("privacy");
  const { day } = useFormat();
  const none = t("notGiven");
  return (
    <Section id="people" title={t("people.title")}>
      <ul className="space-y-3">
        {data.people.map((person) => (
          <li key={person.id} className="rounded-xl border border-slate-200 p-4">
            <h3 className="text-lg font-bold">
              {`${person.firstName} ${person.lastName}`.trim()}{" "}
              <span className="font-normal text-slate-700">
                · {person.role === "CHILD" ? t("people.child") : t("people.guardian")}
                {person.isYou ? ` · ${t("people.you")}` : ""}
              </span>
            </h3>
            <dl className="divide-y divide-slate-100">
              {person.birthDate ? <Row label={t("people.birthDate")}>{day(person.birthDate)}</Row> : null}
              {person.gender ? <Row label={t("people.gender")}>{t(`people.genders.${person.gender}`)}</Row> : null}
              <Row label={t("people.area")}>{person.housingArea ?? none}</Row>
              <Row label={t("people.email")}>{person.email ? <span dir="ltr">{person.email}</span> : none}</Row>
              <Row label={t("people.phone")}>{person.phone ? <span dir="ltr">{person.phone}</span> : none}</Row>
              <Row label={t("people.language")}>{t(`common:languageName.${person.language}`, { defaultValue: person.language })}</Row>
              {person.role === "CHILD" ? (
                <>
                  <Row label={t("people.photoConsent")}>{person.photoConsent === null ? t("people.notAsked") : person.photoConsent ? t("yes") : t("no")}</Row>
                  <Row label={t("people.needs")}>
                    <span className="whitespace-pre-line">{person.needs ?? none}</span>
                  </Row>
                  <Row label={t("people.collectors")}>{person.collectors.length ? <ContactList contacts={person.collectors} /> : none}</Row>
                  <Row label={t("people.emergencyContact")}>{person.emergencyContact ? <ContactList contacts={[person.emergencyContact]} /> : none}</Row>
                </>
              ) : person.needs ? (
                <Row label={t("people.needs")}>
                  <span className="whitespace-pre-line">{person.needs}</span>
                </Row>
              ) : null}
            </dl>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Who may collect a child, or whom to call (issue 19): name, relation, number. */
function ContactList({ contacts }: { contacts: { name: string; relation: string; phone: string }[] }) {
  return (
    <ul>
      {contacts.map((contact, index) => (
        <li key={index}>
          <bdi>{contact.name}</bdi> (<bdi>{contact.relation}</bdi>) <span dir="ltr">{formatPhone(contact.phone)}</span>
        </li>
      ))}
    </ul>
  );
}

function Accounts({ data }: { data: Data }) {
  const { t } = useTranslation("privacy");
  const { when } = useFormat();
  return (
    <Section id="accounts" title={t("accounts.title")}>
      {data.accounts.length === 0 ? <p>{t("accounts.none")}</p> : null}
      {data.accounts.map((account) => (
        <div key={account.personId} className="rounded-xl border border-slate-200 p-4">
          <dl className="divide-y divide-slate-100">
            <Row label={t("accounts.type")}>
              {account.name} · {t(`common:role.${account.role}`)}
            </Row>
            {account.email ? (
              <Row label={t("people.email")}>
                <span dir="ltr">{account.email}</span>
              </Row>
            ) : null}
            {account.phone ? (
              <Row label={t("people.phone")}>
                <span dir="ltr">{account.phone}</span>
              </Row>
            ) : null}
            <Row label={t("accounts.created")}>{when(account.createdAt)}</Row>
            {account.sessions ? <Row label={t("accounts.lastSignIn")}>{when(account.lastSignInAt ?? null) ?? t("accounts.never")}</Row> : null}
          </dl>
          {account.sessions ? <p className="pt-2 text-sm text-slate-700">{t("accounts.devices", { n: account.sessions.length })}</p> : null}
        </div>
      ))}
    </Section>
  );
}

function SignUps({ data }: { data: Data }) {
  const { t } = useTranslation("privacy");
  const { when } = useFormat();
  return (
    <Section id="sign-ups" title={t("signUps.title")}>
      {data.signUps.length === 0 ? <p>{t("signUps.none")}</p> : null}
      <ul className="space-y-3">
        {data.signUps.map((signUp) => (
          <li key={signUp.id} className="space-y-1 rounded-xl border border-slate-200 p-4">
            <h3 className="text-lg font-bold">
              <Title text={signUp.activity} />
            </h3>
            {signUp.firstSessionAt ? (
              <p className="text-sm">{t("signUps.period", { from: when(signUp.firstSessionAt), to: when(signUp.lastSessionAt) })}</p>
            ) : null}
            <p className="text-sm">
              {t("signUps.signedUp", { date: when(signUp.signedUpAt) })}
              {signUp.byStaff ? ` ${t("signUps.byStaff")}` : ""}
            </p>
            <p className="text-sm">
              {t("signUps.consent", {
                name: signUp.consent.by,
                date: when(signUp.consent.at),
                method: t(`signUps.methods.${signUp.consent.method}`),
                version: signUp.consent.version,
              })}
            </p>
            <ul className="list-inside list-disc">
              {signUp.enrolments.map((enrolment) => (
                <li key={enrolment.personId}>
                  {enrolment.name}: {t(`signUps.status.${enrolment.status}`)}
                </li>
              ))}
            </ul>
            {signUp.offers.map((offer) => (
              <p key={offer.createdAt} className="text-sm">
                {t("signUps.offer", { date: when(offer.createdAt) })} · {t(`signUps.outcomes.${offer.outcome ?? "open"}`)}
              </p>
            ))}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Attendance({ data }: { data: Data }) {
  const { t } = useTranslation("privacy");
  const { when } = useFormat();
  return (
    <Section id="attendance" title={t("attendance.title")}>
      <DataTable
        caption={t("attendance.title")}
        className="w-full text-sm"
        columns={[{ label: t("attendance.date") }, { label: t("attendance.activity") }, { label: t("attendance.who") }, { label: t("attendance.present") }]}
        items={data.attendance.map((row) => ({ ...row, id: `${row.personId}-${row.startsAt}` }))}
        empty={t("attendance.none")}
        row={(row) => (
          <>
            <td className="p-2">{when(row.startsAt)}</td>
            <td className="p-2">
              <Title text={row.activity} />
            </td>
            <td className="p-2">{row.name}</td>
            <td className="p-2">
              {row.present ? t("attendance.came") : t("attendance.didNotCome")}
              {row.collectedBy ? <> · {t("attendance.collectedBy", { name: isolated(row.collectedBy) })}</> : null}
            </td>
          </>
        )}
      />
    </Section>
  );
}

function Messages({ data }: { data: Data }) {
  const { t } = useTranslation("privacy");
  const { when } = useFormat();
  return (
    <Section id="messages" title={t("messages.title")}>
      <p className="text-sm text-slate-700">{t("messages.intro")}</p>
      <DataTable
        caption={t("messages.title")}
        className="w-full text-sm"
        columns={[{ label: t("messages.date") }, { label: t("messages.about") }, { label: t("messages.to") }, { label: t("messages.status") }]}
        items={data.messages.map((message, index) => ({ ...message, id: `${message.createdAt}-${index}` }))}
        empty={t("messages.none")}
        row={(message) => (
          <>
            <td className="p-2">{when(message.createdAt)}</td>
            <td className="p-2">
              {t(`templates.${message.template}`, { defaultValue: message.template })}
              {message.activity ? (
                <>
                  {": "}
                  <Title text={message.activity} />
                </>
              ) : null}
            </td>
            <td className="p-2">
              {t(`messages.channels.${message.channel}`)} <span dir="ltr">{message.recipient}</span>
            </td>
            <td className="p-2">{t(`messages.statuses.${message.status}`, { defaultValue: message.status })}</td>
          </>
        )}
      />
      {data.reminders.length ? (
        <>
          <h3 className="text-lg font-bold">{t("messages.reminders")}</h3>
          <ul className="list-inside list-disc text-sm">
            {data.reminders.map((row) => (
              <li key={`${row.startsAt}-${row.sentAt}`}>
                <Title text={row.activity} />, {when(row.startsAt)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

/** Adults the family invited, and the family's registration by staff (ADR 013): shown only when there are any. */
function Invitations({ data }: { data: Data }) {
  const { t } = useTranslation("privacy");
  const { when } = useFormat();
  if (!data.invitations.length) return null;
  return (
    <Section id="invitations" title={t("invitations.title")}>
      <ul className="space-y-1">
        {data.invitations.map((invitation) => (
          <li key={`${invitation.createdAt}-${invitation.name}`}>
            <span className="font-semibold">{invitation.name}</span>
            {invitation.phone || invitation.email ? (
              <>
                {" · "}
                <span dir="ltr">{invitation.phone ?? invitation.email}</span>
              </>
            ) : null}
            {" · "}
            {t(`invitations.kind.${invitation.kind}`)} {when(invitation.createdAt)} · {t(`invitations.state.${invitation.state}`)}
            {invitation.answeredAt ? ` ${when(invitation.answeredAt)}` : ""}
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Jobs({ data }: { data: Data }) {
  const { t } = useTranslation("privacy");
  const { when } = useFormat();
  if (!data.jobApplications.length) return null;
  return (
    <Section id="jobs" title={t("jobs.title")}>
      <ul className="space-y-2">
        {data.jobApplications.map((application) => (
          <li key={`${application.personId}-${application.appliedAt}`} className="rounded-xl border border-slate-200 p-4">
            <p className="font-semibold">
              {application.name}: <Title text={application.job} />
            </p>
            <p className="text-sm">
              {t("jobs.applied", { date: when(application.appliedAt) })} · {t(`jobs.status.${application.status}`)}
              {application.employment ? ` · ${t("jobs.shifts", { n: application.employment.shifts.length })}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Deletion({ data }: { data: Data }) {
  const { t } = useTranslation("privacy");
  const { when } = useFormat();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<z.input<typeof deletionRequestSchema>>({ lastResult });
  const requested = data.deletionRequests[0] ?? null;
  const answered = useAnswered(lastResult);
  const errors = answered.unless(fields.understood.name, fields.understood.errors)?.map((error) => t(error));
  return (
    <Section id="deletion" title={data.forYouth ? t("youth.deletionTitle") : t("deletion.title")}>
      <p>{data.forYouth ? t("youth.deletionIntro") : t("deletion.intro")}</p>
      <p>{t("deletion.kept")}</p>
      <p>{t("deletion.before")}</p>
      {requested ? <p className="font-semibold">{t("deletion.requested", { date: when(requested) })}</p> : null}
      <Form method="post" {...getFormProps(form)} className="space-y-1" onChange={answered.onChange}>
        <Checkbox
          id={fields.understood.id}
          name={fields.understood.name}
          label={data.forYouth ? t("youth.understood") : t("deletion.understood")}
          invalid={Boolean(errors?.length)}
          describedBy={errors?.length ? `${fields.understood.id}-error` : undefined}
        />
        <ErrorText id={fields.understood.id} errors={errors} />
        <Button type="submit" variant="secondary" pending={navigation.state !== "idle"}>
          {t("deletion.submit")}
        </Button>
      </Form>
    </Section>
  );
}

export default function MyData() {
  const { t } = useTranslation("privacy");
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">{data.forYouth ? t("youth.title") : t("title")}</h1>
        <p>{data.forYouth ? t("youth.intro") : t("intro")}</p>
        {params.get("done") === "deletionRequested" ? <Notice>{t("deletion.done")}</Notice> : null}
        <p>
          <a
            href="/my/data.json"
            download
            className="inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 font-semibold text-white no-underline hover:bg-brand-800"
          >
            {t("download")}
          </a>
        </p>
        <p className="text-sm text-slate-700">{t("downloadHint")}</p>
        <p>
          {t("correct")} <Link to={data.correctAt}>{t("correctLink")}</Link>
        </p>
      </div>
      <People data={data} />
      <Accounts data={data} />
      <SignUps data={data} />
      <Attendance data={data} />
      <Messages data={data} />
      <Invitations data={data} />
      <Jobs data={data} />
      <Section id="not-shown" title={t("notShown.title")}>
        <p>{t("notShown.text")}</p>
      </Section>
      <Deletion data={data} />
    </div>
  );
}
