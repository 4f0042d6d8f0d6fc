// The attendance page's absence notices (afbud, issue 19): who sent word that they will not come — apart from those
// who simply did not come — with the family's reason, and a form for staff or a partner to record a notice a family
// phoned in (or take one back). Plain forms: works without JavaScript.
import { Form, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { SelectField } from "~/components/ui/choice.tsx";

type Notice = { personId: string; name: string; reason: string | null };

export function AbsenceNotices({
  notices,
  expected,
  noShows,
  mayRecord,
}: {
  notices: Notice[];
  /** Children with a place: those without a notice may get one recorded. */
  expected: { personId: string; name: string }[];
  /** Expected, not marked present and without a notice (shown once the session has started; null before). */
  noShows: number | null;
  /** The session has not ended and is not cancelled. */
  mayRecord: boolean;
}) {
  const { t } = useTranslation("staff");
  const [params] = useSearchParams();
  const answer = params.get("absence");
  const noticed = new Set(notices.map((notice) => notice.personId));
  const without = expected.filter((person) => !noticed.has(person.personId));
  return (
    <section aria-labelledby="absence-heading" className="space-y-2">
      <h2 id="absence-heading" className="text-xl font-bold">
        {t("attendance.absences", { n: notices.length })}
      </h2>
      {answer === "recorded" || answer === "removed" || answer === "late" ? (
        <p role="status" className="rounded-lg bg-brand-50 p-3 font-semibold">
          {t(`attendance.absenceDone.${answer}`)}
        </p>
      ) : null}
      {noShows !== null ? <p className="font-semibold">{t("attendance.noShows", { n: noShows })}</p> : null}
      {notices.length ? (
        <ul className="space-y-2">
          {notices.map((notice) => (
            <li key={notice.personId} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 p-2">
              <span>
                <bdi className="font-semibold">{notice.name}</bdi>
                {notice.reason ? (
                  <>
                    {" · "}
                    {t("attendance.absenceReason")} <bdi>{notice.reason}</bdi>
                  </>
                ) : null}
              </span>
              {mayRecord ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="absence" />
                  <input type="hidden" name="personId" value={notice.personId} />
                  <input type="hidden" name="absent" value="false" />
                  <Button type="submit" size="sm" variant="secondary" aria-label={t("attendance.absenceRemoveNamed", { name: notice.name })}>
                    {t("attendance.absenceRemove")}
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("attendance.noAbsences")}</p>
      )}
      {mayRecord && without.length ? (
        <Form method="post" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="intent" value="absence" />
          <input type="hidden" name="absent" value="true" />
          <div className="grow">
            <SelectField id="absence-person" name="personId" label={t("attendance.absenceRecordLabel")}>
              {without.map((person) => (
                <option key={person.personId} value={person.personId}>
                  {person.name}
                </option>
              ))}
            </SelectField>
          </div>
          <Button type="submit" variant="secondary" className="mb-7">
            {t("attendance.absenceRecord")}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}
