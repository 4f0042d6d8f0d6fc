// Why a shift action was refused, in words: the refusal's own sentence and,
// for the work-time rules, one sentence per young person and rule.
import { useTranslation } from "react-i18next";
import { Alert } from "~/components/ui/alert.tsx";
import { Checkbox } from "~/components/ui/choice.tsx";
import type { Violation } from "~/domain/jobs/work-time.ts";
import { AT_AGE, violationText } from "~/domain/jobs/work-time-text.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";

export type Refusal = { code: string; people: { name: string; violations: Violation[] }[]; youngest?: Violation[] };

/** Sentences for a list of violations; `name` null speaks to the young person ("Du er 14: …"). */
export function ViolationList({ violations, name }: { violations: Violation[]; name: string | null | typeof AT_AGE }) {
  const { t } = useTranslation("shifts");
  const language = useLanguage();
  return (
    <ul className="list-disc space-y-1 ps-5">
      {violations.map((violation, index) => (
        <li key={index}>{violationText(t, violation, name, language)}</li>
      ))}
    </ul>
  );
}

export function RefusalAlert({ refusal }: { refusal: Refusal | null | undefined }) {
  const { t } = useTranslation("shifts");
  if (!refusal) return null;
  return (
    <Alert>
      <p>{t(`errors.${refusal.code}`)}</p>
      {refusal.people.map((person) => (
        <ViolationList key={person.name} violations={person.violations} name={person.name} />
      ))}
      {refusal.youngest?.length ? <ViolationList violations={refusal.youngest} name={AT_AGE} /> : null}
    </Alert>
  );
}

/** After the "youngest could not work it" warning: the box that plans (or changes) the shift anyway. */
export function AcceptYoungRules({ refusal }: { refusal: Refusal | null | undefined }) {
  const { t } = useTranslation("shifts");
  if (refusal?.code !== "youngRules") return null;
  return <Checkbox id="accept-young-rules" name="acceptYoungRules" label={t("plan.acceptYoungRules")} />;
}
