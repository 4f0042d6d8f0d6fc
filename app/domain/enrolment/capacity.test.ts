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
    { signUpId: "a", needed: 2 },
    { signUpId: "b", needed: 1 },
    { signUpId: "c", needed: 1 },
    { signUpId: "d", needed: 3 },
  ];
  it("offers in arrival order", () => {
    expect(groupsToOffer(10, 8, queue).map((g) => g.signUpId)).toEqual(["a"]);
    expect(groupsToOffer(10, 7, queue).map((g) => g.signUpId)).toEqual(["a", "b"]);
  });
  it("skips a group that does not fit, keeps it first, and offers the next that fits", () => {
    expect(groupsToOffer(10, 9, queue).map((g) => g.signUpId)).toEqual(["b"]);
  });
  it("offers nothing when full or nobody waits", () => {
    expect(groupsToOffer(10, 10, queue)).toEqual([]);
    expect(groupsToOffer(10, 0, [])).toEqual([]);
  });
});
