// The attendance page's "who may collect, whom to call, who collected" section (issue 19), for an activity that
// asks for it. Each child: the people the guardians allowed (with a number to call), the emergency contact, and —
// once the child is marked present — a choice of who collected them, or someone else by name. Without JavaScript
// each choice is a plain form (the page comes back); with it a fetcher sends it, the choice and the counter show at
// once, and the page's data reloads.
import { Form, useFetcher, useFetchers, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ChildSheet, ShownContact } from "~/domain/attendance/collected.server.ts";
import { Button } from "./ui/button.tsx";
import { Field } from "./ui/field.tsx";

type Person = { personId: string; name: string; present: boolean };
type Props = { sessionId: string; early: boolean; sheet: ChildSheet[]; people: Person[] };

const ACTION = (sessionId: string) => `/staff/sessions/${sessionId}/collected`;
/** The refusals the page may name from its address (nothing else from there is shown). */
const KNOWN_ERRORS = new Set(["errors.collectorRequired", "errors.collectorNameRequired", "errors.collectNotPresent", "errors.collectNotAllowed"]);

/** Whom a pending or saved choice names, for the counter and the line under the name. */
function pendingName(form: FormData, child: ChildSheet): { name: string } | null | undefined {
  const collector = String(form.get("collector") ?? "");
  if (collector === "none") return null;
  if (collector === "other") return { name: String(form.get("otherName") ?? "").trim() };
  const contact = child.collectors.find((candidate) => candidate.id === collector);
  return contact ? { name: contact.name } : undefined;
}

function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function Contact({ contact }: { contact: ShownContact }) {
  return (
    <>
      <bdi className="font-semibold">{contact.name}</bdi> (<bdi>{contact.relation}</bdi>){" "}
      <a href={`tel:${contact.phone.replace(/\s/g, "")}`} dir="ltr" className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
        {contact.phone}
      </a>
    </>
  );
}

function ChildCollect({ sessionId, early, child, person }: { sessionId: string; early: boolean; child: ChildSheet; person: Person }) {
  const { t } = useTranslation("staff");
  const fetcher = useFetcher<{ ok: boolean; result?: { error?: Record<string, string[] | null> } }>({ key: `collect-${child.personId}` });
  const hydrated = useHydrated();
  const [params] = useSearchParams();
  const pending = fetcher.formData ? pendingName(fetcher.formData, child) : undefined;
  const shown = pending !== undefined ? pending : child.collectedBy;
  const addressError = params.get("collectFor") === child.personId ? params.get("collectError") : null;
  const fetcherErrors = fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? Object.values(fetcher.data.result?.error ?? {}).flat() : [];
  const errors = [...fetcherErrors, ...(addressError && KNOWN_ERRORS.has(addressError) ? [addressError] : [])].filter((key): key is string => Boolean(key));
  const [choice, setChoice] = useState(child.collectedBy?.other ? "other" : "");
  const id = `collect-${child.personId}`;
  const FormTag = hydrated ? fetcher.Form : Form;
  return (
    <li className="space-y-2 rounded-xl border border-slate-200 p-3" id={id}>
      <h3 className="text-lg font-bold">
        <bdi>{person.name}</bdi>
      </h3>
      <p className="font-semibold" aria-live="polite">
        {shown ? t("collect.collectedBy", { name: "\u2068" + shown.name + "\u2069" }) : person.present ? t("collect.notCollected") : t("collect.notPresent")}
      </p>
      <dl className="space-y-1 text-sm">
        <div>
          <dt className="font-semibold">{t("collect.allowed")}</dt>
          <dd>
            {child.collectors.length ? (
              <ul>
                {child.collectors.map((contact) => (
                  <li key={contact.id}>
                    <Contact contact={contact} />
                  </li>
                ))}
              </ul>
            ) : (
              t("collect.noneGiven")
            )}
          </dd>
        </div>
        <div>
          <dt className="font-semibold">{t("collect.emergency")}</dt>
          <dd>{child.emergency ? <Contact contact={child.emergency} /> : t("collect.noneGiven")}</dd>
        </div>
      </dl>
      {person.present ? (
        <FormTag method="post" action={ACTION(sessionId)} className="space-y-2">
          <input type="hidden" name="personId" value={child.personId} />
          {hydrated ? <input type="hidden" name="via" value="fetcher" /> : null}
          {early ? <input type="hidden" name="early" value="1" /> : null}
          <fieldset className="space-y-1" aria-describedby={errors.length ? `${id}-error` : undefined}>
            <legend className="font-semibold">{t("collect.who", { name: "\u2068" + person.name + "\u2069" })}</legend>
            <div className="flex flex-wrap gap-2">
              {[
                ...child.collectors.map((contact) => ({
                  value: contact.id,
                  label: contact.name,
                  checked: child.collectedBy?.name === contact.name && !child.collectedBy.other,
                })),
                { value: "other", label: t("collect.other"), checked: Boolean(child.collectedBy?.other) },
              ].map((option) => (
                <label
                  key={option.value}
                  className="flex min-h-12 cursor-pointer items-center gap-2 rounded-lg border-2 border-slate-300 px-4 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50"
                >
                  <input
                    type="radio"
                    name="collector"
                    value={option.value}
                    defaultChecked={option.checked}
                    onChange={() => setChoice(option.value)}
                    className="size-5 accent-brand-700"
                  />
                  <bdi>{option.label}</bdi>
                </label>
              ))}
            </div>
            <p id={`${id}-error`} className="min-h-6 text-sm font-semibold text-red-800" aria-live="polite">
              {errors.map((key) => t(key)).join(" ")}
            </p>
          </fieldset>
          {/* Without JavaScript the name field is always there; with it, when "someone else" is chosen. */}
          {!hydrated || choice === "other" ? (
            <Field
              id={`${id}-other`}
              name="otherName"
              label={t("collect.otherName")}
              autoComplete="off"
              defaultValue={child.collectedBy?.other ? child.collectedBy.name : ""}
              maxLength={60}
            />
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="secondary">
              {t("collect.save")}
            </Button>
            {shown ? (
              <Button type="submit" variant="secondary" name="collector" value="none">
                {t("collect.undo")}
              </Button>
            ) : null}
          </div>
        </FormTag>
      ) : null}
    </li>
  );
}

export function CollectSheet({ sessionId, early, sheet, people }: Props) {
  const { t } = useTranslation("staff");
  const fetchers = useFetchers();
  const byId = new Map(people.map((person) => [person.personId, person]));
  // The counter follows every choice at once (a pending fetcher counts as saved), like the present tick's counter.
  const collected = sheet.filter((child) => {
    const pending = fetchers.find((fetcher) => fetcher.key === `collect-${child.personId}` && fetcher.formData);
    const name = pending?.formData ? pendingName(pending.formData, child) : undefined;
    return name !== undefined ? name !== null : child.collectedBy !== null;
  }).length;
  const present = sheet.filter((child) => byId.get(child.personId)?.present).length;
  return (
    <section aria-labelledby="collect-heading" className="space-y-2" id="collect">
      <h2 id="collect-heading" className="text-xl font-bold">
        {t("collect.title")}
      </h2>
      <p className="text-sm text-slate-700">{t("collect.intro")}</p>
      <p className="font-semibold" aria-live="polite">
        {t("collect.summary", { count: present, collected })}
      </p>
      <ul className="space-y-2">
        {sheet.map((child) => {
          const person = byId.get(child.personId);
          return person ? <ChildCollect key={child.personId} sessionId={sessionId} early={early} child={child} person={person} /> : null;
        })}
      </ul>
    </section>
  );
}

/** The printed roster's cell: who may collect the child and whom to call. */
export function RosterContacts({ child }: { child: ChildSheet }) {
  const { t } = useTranslation("staff");
  return (
    <dl>
      <dt className="font-semibold">{t("collect.allowed")}</dt>
      {child.collectors.length ? (
        child.collectors.map((contact) => (
          <dd key={contact.id}>
            <bdi>{contact.name}</bdi> (<bdi>{contact.relation}</bdi>) <span dir="ltr">{contact.phone}</span>
          </dd>
        ))
      ) : (
        <dd>{t("collect.noneGiven")}</dd>
      )}
      <dt className="font-semibold">{t("collect.emergency")}</dt>
      <dd>
        {child.emergency ? (
          <>
            <bdi>{child.emergency.name}</bdi> (<bdi>{child.emergency.relation}</bdi>) <span dir="ltr">{child.emergency.phone}</span>
          </>
        ) : (
          t("collect.noneGiven")
        )}
      </dd>
    </dl>
  );
}
