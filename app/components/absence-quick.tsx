// "Lina can't come on Wednesday 14 January" on My activities (absence notices, issue 19): one tap reports the next
// session for one child; the absence page (this week, a reason, undo) is a link away. A plain form: works without
// JavaScript.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button.tsx";
import { formatDate } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";

export function AbsenceQuick({
  session,
  person,
}: {
  session: { id: string; startsAt: string | Date };
  person: { personId: string; firstName: string; absentNext: boolean };
}) {
  const { t } = useTranslation("my");
  const language = useLanguage();
  const date = formatDate(new Date(session.startsAt), language);
  const page = `/my/absence/${session.id}`;
  if (person.absentNext)
    return (
      <div className="flex flex-wrap items-center gap-x-3">
        <p className="text-sm font-semibold text-brand-800">{t("absence.reported", { name: person.firstName, date })}</p>
        <Link to={page} className="inline-flex min-h-11 items-center text-sm">
          {t("absence.manage")}
        </Link>
      </div>
    );
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <Form method="post" action={page}>
        <input type="hidden" name="intent" value="report" />
        <input type="hidden" name="personId" value={person.personId} />
        <Button type="submit" size="sm" variant="secondary">
          {t("absence.report", { name: person.firstName, date })}
        </Button>
      </Form>
      <Link to={page} className="inline-flex min-h-11 items-center text-sm">
        {t("absence.more")}
      </Link>
    </div>
  );
}
