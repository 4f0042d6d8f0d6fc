// On the sign-up form of an activity that asks who may collect a child and whom to call (issue 19): the children of
// the family who have not said so yet, each with a link to their contacts page and back here. It asks, and never
// blocks the sign-up: a family may give them afterwards (staff see "not given" until then).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function ContactsPrompt({ people, back }: { people: { personId: string; firstName: string }[]; back: string }) {
  const { t } = useTranslation("household");
  if (!people.length) return null;
  return (
    <div className="space-y-1 rounded-lg border-2 border-amber-700 bg-amber-50 p-3">
      <p className="font-semibold">{t("contacts.asked")}</p>
      <ul>
        {people.map((child) => (
          <li key={child.personId}>
            <Link
              to={`/my/household/children/${child.personId}/contacts?back=${encodeURIComponent(back)}`}
              className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline"
            >
              {t("contacts.missing", { name: child.firstName })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
