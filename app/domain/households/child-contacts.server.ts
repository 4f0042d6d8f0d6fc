// Who may collect a child and whom to call (issue 19), as the child's guardians keep it. Only a guardian of the
// child's household reads or changes it here; staff and partners read it through the attendance list and the
// printed roster of an activity that asks for it (app/domain/attendance/collected.server.ts), every view logged.
// The log records how many contacts there are, never their names or numbers.
import { audit } from "~/lib/audit.server.ts";
import { db } from "~/lib/db.server.ts";
import { HouseholdError, householdOf } from "./household.server.ts";
import { MAX_COLLECTORS, type ChildContactsInput, type ContactInput } from "./child-contact-schemas.ts";

export type ChildContacts = { collectors: ContactInput[]; emergency: ContactInput | null };

/** The child, if it is a child of the household the user is a guardian of; else HouseholdError("notFound"). */
async function guardiansChild(user: { personId: string }, childId: string) {
  const household = await householdOf(user);
  const member = household?.members.find((candidate) => candidate.role === "CHILD" && candidate.person.id === childId);
  if (!member) throw new HouseholdError("notFound");
  return member.person;
}

/** The rows of one child, in the page's order. */
export async function readContacts(childIds: string[]): Promise<Map<string, ChildContacts & { collectorIds: string[] }>> {
  const rows = await db.childContact.findMany({
    where: { personId: { in: childIds } },
    orderBy: [{ personId: "asc" }, { kind: "asc" }, { position: "asc" }],
    select: { id: true, personId: true, kind: true, name: true, relation: true, phone: true },
  });
  const byChild = new Map<string, ChildContacts & { collectorIds: string[] }>();
  for (const row of rows) {
    const entry = byChild.get(row.personId) ?? { collectors: [], collectorIds: [], emergency: null };
    const contact = { name: row.name, relation: row.relation, phone: row.phone };
    if (row.kind === "COLLECTOR") {
      entry.collectors.push(contact);
      entry.collectorIds.push(row.id);
    } else entry.emergency = contact;
    byChild.set(row.personId, entry);
  }
  return byChild;
}

/** A guardian's view of one of their children's contacts, with the child's first name for the page. */
export async function contactsOfChild(user: { personId: string }, childId: string): Promise<ChildContacts & { firstName: string }> {
  const child = await guardiansChild(user, childId);
  const contacts = (await readContacts([childId])).get(childId);
  return { firstName: child.firstName, collectors: contacts?.collectors ?? [], emergency: contacts?.emergency ?? null };
}

/** Which of these children have no one named to collect them or no one to call (the sign-up receipt's prompt). */
export async function childrenWithoutContacts(childIds: string[]): Promise<string[]> {
  if (!childIds.length) return [];
  const rows = await db.childContact.groupBy({ by: ["personId", "kind"], where: { personId: { in: childIds } } });
  const has = (personId: string, kind: "COLLECTOR" | "EMERGENCY") => rows.some((row) => row.personId === personId && row.kind === kind);
  return childIds.filter((id) => !has(id, "COLLECTOR") || !has(id, "EMERGENCY"));
}

/** Replaces the child's list: the collectors in the order given (at most MAX_COLLECTORS) and the emergency contact. */
export async function saveChildContacts(user: { id: string; personId: string }, childId: string, input: ChildContactsInput): Promise<void> {
  await guardiansChild(user, childId);
  const collectors = input.collectors.slice(0, MAX_COLLECTORS);
  await db.$transaction(async (tx) => {
    const before = await tx.childContact.groupBy({ by: ["kind"], where: { personId: childId }, _count: true });
    await tx.childContact.deleteMany({ where: { personId: childId } });
    await tx.childContact.createMany({
      data: [
        ...collectors.map((contact, position) => ({ personId: childId, kind: "COLLECTOR" as const, position, ...contact })),
        ...(input.emergency ? [{ personId: childId, kind: "EMERGENCY" as const, position: 0, ...input.emergency }] : []),
      ],
    });
    // How many, never who: the names and numbers are other people's.
    await audit(tx, {
      actorUserId: user.id,
      action: "childContacts.update",
      entityType: "ChildContact",
      entityId: childId,
      before: {
        collectors: before.find((row) => row.kind === "COLLECTOR")?._count ?? 0,
        emergency: Boolean(before.find((row) => row.kind === "EMERGENCY")),
      },
      after: { collectors: collectors.length, emergency: Boolean(input.emergency) },
    });
  });
}
