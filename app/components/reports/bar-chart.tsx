// A horizontal bar chart drawn on the server as SVG: readable without
// JavaScript, one role="img" with a text alternative that lists every bar,
// and a link to the table with the same numbers. Bars grow from the start
// side, so Arabic mirrors. A suppressed cell gets no bar, only its mark.
import type { ShownCount } from "~/domain/reporting/suppression.ts";
import { cellText } from "~/domain/reporting/report-labels.ts";
import { textDirection, type Language } from "~/lib/i18n.ts";

export type Bar = { label: string; cell: ShownCount };

const WIDTH = 640;
const ROW = 46;
const BAR = 18;
const LABEL_GAP = 20;
const VALUE_ROOM = 64;

export function BarChart(props: {
  id: string;
  title: string;
  /** One sentence: what the bars are, and where the table is. */
  summary: string;
  bars: Bar[];
  min: number;
  language: Language;
}) {
  const { id, title, summary, bars, min, language } = props;
  const rtl = textDirection(language) === "rtl";
  const max = Math.max(1, ...bars.map((bar) => (bar.cell.kind === "value" ? bar.cell.value : 0)));
  const height = Math.max(ROW, bars.length * ROW) + 4;
  const room = WIDTH - VALUE_ROOM;
  const described = bars.map((bar) => `${bar.label}: ${cellText(bar.cell, language, min)}`).join("; ");
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="h-auto w-full max-w-2xl"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{`${summary} ${described}`}</desc>
      {bars.map((bar, index) => {
        const top = index * ROW;
        const value = bar.cell.kind === "value" ? bar.cell.value : 0;
        const length = value === 0 ? 0 : Math.max(2, Math.round((value / max) * room));
        const barX = rtl ? WIDTH - length : 0;
        // Numbers and "<5" read left to right in every language; anchored next to the bar's end.
        const valueX = rtl ? WIDTH - length - 6 : length + 6;
        return (
          <g key={index}>
            <text x={rtl ? WIDTH : 0} y={top + 14} direction={rtl ? "rtl" : "ltr"} textAnchor="start" fontSize="15" fill="#0f172a">
              {bar.label}
            </text>
            {length > 0 ? <rect x={barX} y={top + LABEL_GAP} width={length} height={BAR} rx="2" fill="#0b5a53" /> : null}
            <text x={valueX} y={top + LABEL_GAP + 14} direction="ltr" textAnchor={rtl ? "end" : "start"} fontSize="15" fontWeight="bold" fill="#0f172a">
              {cellText(bar.cell, language, min)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
