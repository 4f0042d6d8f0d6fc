// A shift's date and time span ("fredag 12. marts 2027, 14.00–17.00").
import { formatDate, formatTimeRange } from "~/lib/format.ts";
import { useLanguage } from "~/lib/i18n-react.tsx";

export function ShiftWhen({ startsAt, endsAt }: { startsAt: Date | string; endsAt: Date | string }) {
  const language = useLanguage();
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  return (
    <>
      <time dateTime={start.toISOString()}>{formatDate(start, language)}</time>
      {language === "ar" ? "، " : ", "}
      {formatTimeRange(start, end, language)}
    </>
  );
}
