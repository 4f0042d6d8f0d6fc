import { describe, expect, it } from "vitest";
import { canPlace, freePlaces, groupsToOffer, placesNeeded } from "./capacity.ts";

describe("places needed", () => {
  it("counts people, or one per household", () => {
    expect(placesNeeded("PERSON", 3)).toBe(3);
    expect(placesNeeded("HOUSEHOLD", 3)).toBe(1);
    expect(placesNeeded("HOUSEHOLD", 2, true)).toBe(0);
    expect(placesNeeded("PERSON", 0)).toBe(0);
  });
});

describe("placing a group", () => {
  it("places exactly up to the last place, and not one over", () => {
    expect(canPlace(10, 9, 1)).toBe(true);
    expect(canPlace(10, 10, 1)).toBe(false);
    expect(canPlace(10, 8, 2)).toBe(true);
    expect(canPlace(10, 9, 2)).toBe(false); // siblings stay together: both wait
  });
  it("has no limit without a capacity", () => {
    expect(canPlace(null, 10_000, 5)).toBe(true);
  });
  it("never reports negative free places after capacity is lowered", () => {
    expect(freePlaces(5, 8)).toBe(0);
  });
});

describe("offering freed places", () => {
  const queue = [
    { signUpId: "a", householdId: "ha", people: 2 },
    { signUpId: "b", householdId: "hb", people: 1 },
    { signUpId: "c", householdId: "hc", people: 1 },
    { signUpId: "d", householdId: "hd", people: 3 },
  ];
  const ids = (groups: { signUpId: string }[]) => groups.map((group) => group.signUpId);
  it("offers in arrival order", () => {
    expect(ids(groupsToOffer("PERSON", 10, 8, queue))).toEqual(["a"]);
    expect(ids(groupsToOffer("PERSON", 10, 7, queue))).toEqual(["a", "b"]);
  });
  it("skips a group that does not fit, keeps it first, and offers the next that fits", () => {
    expect(ids(groupsToOffer("PERSON", 10, 9, queue))).toEqual(["b"]);
  });
  it("offers nothing when full or nobody waits", () => {
    expect(groupsToOffer("PERSON", 10, 10, queue)).toEqual([]);
    expect(groupsToOffer("PERSON", 10, 0, [])).toEqual([]);
  });
  it("family courses: a family holding a place needs none for another sign-up, even when full", () => {
    const family = [
      { signUpId: "x", householdId: "other", people: 1 },
      { signUpId: "sibling", householdId: "f", people: 1 },
    ];
    expect(ids(groupsToOffer("HOUSEHOLD", 2, 2, family, new Set(["f"])))).toEqual(["sibling"]);
  });
  it("family courses: two sign-ups of one family share the one freed place", () => {
    const family = [
      { signUpId: "first", householdId: "f", people: 1 },
      { signUpId: "second", householdId: "f", people: 1 },
      { signUpId: "next", householdId: "g", people: 2 },
    ];
    expect(ids(groupsToOffer("HOUSEHOLD", 1, 0, family))).toEqual(["first", "second"]);
  });
});
