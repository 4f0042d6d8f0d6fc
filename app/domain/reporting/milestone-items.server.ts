// Milestones ready for a page: texts in the reader's language, progress,
// and the status text written for a period. Also the one read a milestone's
// edit form needs.
import { pick } from "~/domain/activities/text.ts";
import { db } from "~/lib/db.server.ts";
import type { Language } from "~/lib/i18n.ts";
import { dateOnly } from "../dates.ts";
import { selectionFromScope } from "./milestone-schemas.ts";
import type { MilestoneView } from "./milestones.server.ts";
import type { Period } from "./period.ts";
import { isId } from "~/lib/ids.ts";

export type MilestoneItem = {
  id: string;
  title: { text: string; language: Language };
  measure: MilestoneView["measure"];
  target: number;
  value: number;
  judgement: MilestoneView["progress"]["judgement"];
  expectedByNow: number;
  startsOn: string;
  deadline: string;
  scope: { kind: MilestoneView["scope"]["kind"]; name: { text: string; language: Language } | null };
  /** The status text written for exactly the period asked about. */
  note: string | null;
  /** Status texts of other periods that overlap it (the print page shows them too). */
  otherNotes: { periodStart: string; periodEnd: string; text: string }[];
};

export function milestoneItems(views: MilestoneView[], language: Language, period: Period): MilestoneItem[] {
  return views.map((view) => {
    const exact = view.notes.find((note) => note.periodStart === period.from && note.periodEnd === period.to);
    return {
      id: view.id,
      title: pick(view.title, language),
      measure: view.measure,
      target: view.target,
      value: view.value,
      judgement: view.progress.judgement,
      expectedByNow: view.progress.expectedByNow,
      startsOn: view.startsOn,
      deadline: view.deadline,
      scope: { kind: view.scope.kind, name: view.scope.name ? pick(view.scope.name, language) : null },
      note: exact?.text ?? null,
      otherNotes: view.notes
        .filter((note) => note !== exact && note.periodStart <= period.to && note.periodEnd >= period.from)
        .map(({ periodStart, periodEnd, text }) => ({ periodStart, periodEnd, text })),
    };
  });
}

/** A milestone as its edit form's default values; null when there is none with that id. */
export async function milestoneForEdit(id: string) {
  if (!isId(id)) return null;
  const row = await db.milestone.findUnique({ where: { id } });
  if (!row) return null;
  const title = row.title as { da?: string; en?: string; ar?: string };
  return {
    id: row.id,
    title: { da: title.da ?? "", en: title.en ?? "", ar: title.ar ?? "" },
    measure: row.measure,
    target: String(row.target),
    selection: selectionFromScope(row),
    startsOn: dateOnly(row.startsOn),
    deadline: dateOnly(row.deadline),
  };
}
