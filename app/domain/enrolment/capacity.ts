// Capacity and waiting-list allocation: pure rules, used inside the
// transaction that holds the activity's row lock (sign-up.server.ts).
//
// - A place is taken by a person, or for family courses by a household.
// - A group (siblings signed up together) is placed whole or waits whole.
// - Freed places are offered to waiting groups in arrival order; a group that
//   does not fit the free places keeps its position, and the next group that
//   fits is offered instead (first fit), so a place never stands empty while
//   someone who fits is waiting.

export type CapacityUnit = "PERSON" | "HOUSEHOLD";

/** Places a group needs: one per person, or one per household (none if the household already holds one). */
export function placesNeeded(unit: CapacityUnit, people: number, householdAlreadyHasPlace = false): number {
  if (people <= 0) return 0;
  if (unit === "HOUSEHOLD") return householdAlreadyHasPlace ? 0 : 1;
  return people;
}

/** Free places; null capacity means no limit. Never negative (capacity may be lowered below what is taken). */
export function freePlaces(capacity: number | null, taken: number): number {
  if (capacity === null) return Number.POSITIVE_INFINITY;
  return Math.max(0, capacity - taken);
}

export function canPlace(capacity: number | null, taken: number, needed: number): boolean {
  return needed <= freePlaces(capacity, taken);
}

export type WaitingGroup = { signUpId: string; householdId: string; people: number };

/**
 * The waiting groups to offer places to now, in order: first fit over the
 * queue. For family courses a household that holds a place (or is offered
 * one earlier in this pass) needs none for another sign-up.
 */
export function groupsToOffer(
  unit: CapacityUnit,
  capacity: number | null,
  taken: number,
  queue: readonly WaitingGroup[],
  householdsHolding: ReadonlySet<string> = new Set(),
): WaitingGroup[] {
  let free = freePlaces(capacity, taken);
  const holding = new Set(householdsHolding);
  const offers: WaitingGroup[] = [];
  for (const group of queue) {
    const needed = placesNeeded(unit, group.people, holding.has(group.householdId));
    if (needed <= free) {
      offers.push(group);
      free -= needed;
      holding.add(group.householdId);
    }
  }
  return offers;
}
