// The honeypot field (app/lib/honeypot.ts): off screen, hidden from assistive
// technology and out of the tab order, so only a bot fills it in.
import { useTranslation } from "react-i18next";
import { HONEYPOT_FIELD } from "~/lib/honeypot.ts";

export function HoneypotField() {
  const { t } = useTranslation();
  return (
    <div aria-hidden="true" className="absolute -start-[10000px] top-auto h-px w-px overflow-hidden">
      <label htmlFor={HONEYPOT_FIELD}>{t("common:form.honeypot")}</label>
      <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
