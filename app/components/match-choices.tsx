// "Is it this child?" — likely existing people offered before a new one is made (ADR 015). One form: what was typed
// travels in hidden fields with the form's one-time key; each person is a submit button (choice = their id), and
// "no, someone new" submits choice = new. Works without JavaScript.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pick } from "~/domain/activities/text.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";
import { Button } from "./ui/button.tsx";

export type MatchChoice = {
  personId: string;
  firstName: string;
  lastName: string;
  birthYear: number | null;
  area: string | null;
  visits: { title?: unknown; count: number } | null;
};

export function MatchChoices({
  matches,
  hidden,
  child = true,
  id = "match-choices",
  name = "choice",
}: {
  matches: readonly MatchChoice[];
  /** The typed values, the intent and the form key, sent again with the choice. */
  hidden: Record<string, string>;
  child?: boolean;
  id?: string;
  /** The field the choice is sent in. */
  name?: string;
}) {
  const { t } = useTranslation("common");
  const language = useLanguage();
  return (
    <Form method="post" id={id} className="space-y-3 rounded-xl border-2 border-amber-500 bg-amber-50 p-3" aria-labelledby={`${id}-heading`}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <h3 id={`${id}-heading`} className="text-lg font-bold" tabIndex={-1}>
        {t(child ? "register.isItThisChild" : "register.isItThisPerson")}
      </h3>
      <p className="text-sm">{t("register.matchIntro")}</p>
      <ul className="space-y-2">
        {matches.map((match) => {
          const name = `${match.firstName} ${match.lastName}`;
          const visits = match.visits ? pick(match.visits.title, language) : null;
          return (
            <li key={match.personId} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-300 bg-white p-2">
              <span>
                <bdi className="font-semibold">{name}</bdi>
                {match.birthYear ? `, ${t("register.born", { year: match.birthYear })}` : ""}
                {match.area ? (
                  <>
                    , <bdi>{match.area}</bdi>
                  </>
                ) : null}
                {visits ? (
                  <>
                    <br />
                    <span className="text-sm text-slate-700">
                      <bdi lang={visits.language}>{visits.text}</bdi> – {t("register.visitCount", { n: match.visits!.count })}
                    </span>
                  </>
                ) : null}
              </span>
              <Button type="submit" name={name} value={match.personId} size="sm" aria-label={t("register.chooseNamed", { name })}>
                {t("register.choose")}
              </Button>
            </li>
          );
        })}
      </ul>
      <Button type="submit" name={name} value="new" variant="secondary" size="sm">
        {t(child ? "register.newChild" : "register.newPerson")}
      </Button>
    </Form>
  );
}
