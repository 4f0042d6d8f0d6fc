// Who may collect a child, whom to call, and who did collect them (issue 19), seen from an activity that asks for it
// (Activity.asksCollectContacts): on the attendance list of a session and on the printed roster. Treated like
// "things we should know": the caller has already checked that the viewer is staff or one of the activity's partners
// (requireActivityAccess), and every read that shows a contact is logged (contacts.view: who, when, which activity,
// how many children — never a name or number). At attendance, staff or the partner tick who collected a present
// child: one of the people the guardians named, or someone else by name.
import { audit } from "~/lib/audit.server.ts";
import { db } from "~/lib/db.server.ts";
import { formatPhone } from "~/lib/format.ts";
import { DomainError } from "../errors.ts";
import { readContacts } from "../households/child-contacts.server.ts";

type CollectErrorCode = "sessionNotFound" | "collectNotAsked" | "collectNotPresent" | "collectNotAllowed";

export class CollectError extends DomainError<CollectErrorCode> {
  constructor(code: CollectErrorCode) {
    // Someone not on the child's list is the choice's fault: the page says it at the choice.
    super("staff", code, code === "collectNotAllowed" ? "collector" : undefined);
  }
}

export type ShownContact = { name: string; relation: string; phone: string };
export type ChildSheet = {
  personId: string;
  collectors: (ShownContact & { id: string })[];
  emergency: ShownContact | null;
  collectedBy: { name: string; other: boolean } | null;
};

const shown = (contact: { name: string; relation: string; phone: string }): ShownContact => ({ ...contact, phone: formatPhone(contact.phone) });

async function logView(viewer: { userId: string }, activityId: string, people: number, sessionId?: string) {
  if (!people) return;
  await audit(db, {
    actorUserId: viewer.userId,
    action: "contacts.view",
    entityType: "ChildContact",
    entityId: activityId,
    after: { people, ...(sessionId ? { sessionId } : {}) },
  });
}

/** Contacts of these people, as staff see them (numbers formatted), each shown one logged against the activity. */
async function contactsShown(activityId: string, personIds: string[], viewer: { userId: string }, sessionId?: string) {
  const contacts = await readContacts(personIds);
  await logView(viewer, activityId, contacts.size, sessionId);
  return contacts;
}

/**
 * The collect sheet of a session: for each child on its list (expected, and walk-ins already marked), the people
 * allowed to collect them, whom to call and who collected them. Null when the activity does not ask for it. The
 * session as the attendance list read it (no query of its own: the list's statements stay as they were).
 */
export async function collectSheet(
  session: { id: string; activity: { id: string; asksCollectContacts: boolean } },
  personIds: string[],
  viewer: { userId: string },
): Promise<ChildSheet[] | null> {
  if (!session.activity.asksCollectContacts) return null;
  const sessionId = session.id;
  const [contacts, marks] = await Promise.all([
    contactsShown(session.activity.id, personIds, viewer, sessionId),
    db.attendance.findMany({ where: { sessionId, personId: { in: personIds } }, select: { personId: true, collectedByName: true, collectedByOther: true } }),
  ]);
  const collected = new Map(marks.map((mark) => [mark.personId, mark]));
  return personIds.map((personId) => {
    const entry = contacts.get(personId);
    const mark = collected.get(personId);
    return {
      personId,
      collectors: (entry?.collectors ?? []).map((contact, index) => ({ ...shown(contact), id: entry!.collectorIds[index]! })),
      emergency: entry?.emergency ? shown(entry.emergency) : null,
      collectedBy: mark?.collectedByName ? { name: mark.collectedByName, other: mark.collectedByOther } : null,
    };
  });
}

/** For the printed roster: the contacts of the children with a place, when the activity asks for them (logged). */
export async function rosterContacts(activityId: string, personIds: string[], viewer: { userId: string }): Promise<Map<string, ChildSheet> | null> {
  const activity = await db.activity.findUnique({ where: { id: activityId }, select: { asksCollectContacts: true } });
  if (!activity?.asksCollectContacts) return null;
  const contacts = await contactsShown(activityId, personIds, viewer);
  return new Map(
    personIds.map((personId) => {
      const entry = contacts.get(personId);
      return [
        personId,
        {
          personId,
          collectors: (entry?.collectors ?? []).map((contact, index) => ({ ...shown(contact), id: entry!.collectorIds[index]! })),
          emergency: entry?.emergency ? shown(entry.emergency) : null,
          collectedBy: null,
        },
      ];
    }),
  );
}

export type Collector = { contactId: string } | { other: string } | null;

/**
 * Records who collected a child who came to the session: one of the people the guardians allowed (by the contact's
 * id, which must be that child's), someone else by name ("other"), or nobody yet (null takes the mark back). Only for
 * an activity that asks for it, and only for a child marked present.
 */
export async function markCollected(input: { sessionId: string; personId: string; collector: Collector; actorUserId: string }, now = new Date()) {
  const session = await db.activitySession.findUnique({ where: { id: input.sessionId }, select: { activity: { select: { asksCollectContacts: true } } } });
  if (!session) throw new CollectError("sessionNotFound");
  if (!session.activity.asksCollectContacts) throw new CollectError("collectNotAsked");
  await db.$transaction(async (tx) => {
    const mark = await tx.attendance.findUnique({
      where: { sessionId_personId: { sessionId: input.sessionId, personId: input.personId } },
      select: { present: true, collectedByName: true, collectedByOther: true },
    });
    if (!mark?.present) throw new CollectError("collectNotPresent");
    let name: string | null = null;
    let other = false;
    if (input.collector && "contactId" in input.collector) {
      const contact = await tx.childContact.findFirst({
        where: { id: input.collector.contactId, personId: input.personId, kind: "COLLECTOR" },
        select: { name: true },
      });
      if (!contact) throw new CollectError("collectNotAllowed");
      name = contact.name;
    } else if (input.collector) {
      name = input.collector.other;
      other = true;
    }
    if (mark.collectedByName === name && mark.collectedByOther === other) return; // a retried tap
    await tx.attendance.update({
      where: { sessionId_personId: { sessionId: input.sessionId, personId: input.personId } },
      data: { collectedByName: name, collectedByOther: other, collectedAt: name ? now : null },
    });
    // Whether, and whether by someone not on the list — never the name.
    await audit(tx, {
      actorUserId: input.actorUserId,
      action: "attendance.collected",
      entityType: "Attendance",
      entityId: `${input.sessionId}/${input.personId}`,
      before: { collected: Boolean(mark.collectedByName), other: mark.collectedByOther },
      after: { collected: Boolean(name), other },
    });
  });
}
