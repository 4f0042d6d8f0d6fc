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

export type WaitingGroup = { signUpId: string; needed: number };

/** The waiting groups to offer places to now, in order: first fit over the queue. */
export function groupsToOffer(capacity: number | null, taken: number, queue: readonly WaitingGroup[]): WaitingGroup[] {
  let free = freePlaces(capacity, taken);
  const offers: WaitingGroup[] = [];
  for (const group of queue) {
    if (free <= 0) break;
    if (group.needed <= free) {
      offers.push(group);
      free -= group.needed;
    }
  }
  return offers;
}
