// The one lock module (app/domain/locking.server.ts): a locked row keeps a second writer waiting until the first
// transaction ends; what is no row (or no id) is "not found", never a database error; names lock case-insensitively.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { LOCKABLE_TABLES, lockActivityForPlaces, lockName, lockRow, lockRows } from "../../app/domain/locking.server.ts";
import { db } from "../../app/lib/db.server.ts";
import * as fixtures from "../setup/fixtures.ts";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `first` holding its lock for `holdMs`, starts `second` meanwhile; returns the order in which they finished. */
async function race(first: (tx: Parameters<Parameters<typeof db.$transaction>[0]>[0]) => Promise<unknown>, second: typeof first, holdMs = 300) {
  const order: string[] = [];
  let locked!: () => void;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const a = db.$transaction(async (tx) => {
    await first(tx);
    locked();
    await pause(holdMs);
    order.push("first");
  });
  await isLocked;
  const b = db.$transaction(async (tx) => {
    await second(tx);
    order.push("second");
  });
  await Promise.all([a, b]);
  return order;
}

describe("lockRow", () => {
  it("keeps a second writer of the same row waiting until the first commits; another row does not wait", async () => {
    const { guardian, children } = await fixtures.household({ children: [{}] });
    const person = guardian.id;
    expect(
      await race(
        (tx) => lockRow(tx, "Person", person),
        (tx) => lockRow(tx, "Person", person),
      ),
    ).toEqual(["first", "second"]);
    expect(
      await race(
        (tx) => lockRow(tx, "Person", person),
        (tx) => lockRow(tx, "Person", children[0]!.id),
      ),
    ).toEqual(["second", "first"]);
  });

  it("answers false for a row that is not there or an id that is no id, in every lockable table", async () => {
    await db.$transaction(async (tx) => {
      for (const table of LOCKABLE_TABLES) {
        expect([table, await lockRow(tx, table, randomUUID())]).toEqual([table, false]);
        expect([table, await lockRow(tx, table, "1 OR 1=1")]).toEqual([table, false]);
      }
    });
  });

  it("refuses a table that is not on the list rather than build SQL from it", async () => {
    await expect(db.$transaction((tx) => lockRow(tx, '"Person" --' as never, randomUUID()))).rejects.toThrow(/Not a lockable table/);
  });
});

describe("lockRows", () => {
  it("locks what exists, once each, and skips what is no id", async () => {
    const { guardian, children } = await fixtures.household({ children: [{}, {}] });
    const ids = [children[1]!.id, guardian.id, children[0]!.id, guardian.id, randomUUID(), "x"];
    const locked = await db.$transaction((tx) => lockRows(tx, "Person", ids));
    expect(locked).toEqual([guardian.id, children[0]!.id, children[1]!.id].sort());
  });
});

describe("lockActivityForPlaces", () => {
  it("returns what deciding a sign-up needs, and holds the activity against a second sign-up", async () => {
    const activity = await fixtures.activity({ capacity: 3 });
    const read = await db.$transaction((tx) => lockActivityForPlaces(tx, activity.id));
    expect(read).toMatchObject({ capacity: 3, status: "PUBLISHED" });
    expect(await db.$transaction((tx) => lockActivityForPlaces(tx, randomUUID()))).toBeNull();
    const order = await race(
      (tx) => lockActivityForPlaces(tx, activity.id),
      (tx) => lockRow(tx, "Activity", activity.id),
    );
    expect(order).toEqual(["first", "second"]);
  });
});

describe("lockName", () => {
  it("serialises two transactions naming the same programme in different case; other names do not wait", async () => {
    const name = `Brandkadet ${randomUUID()}`;
    expect(
      await race(
        (tx) => lockName(tx, "programme", name),
        (tx) => lockName(tx, "programme", name.toUpperCase()),
      ),
    ).toEqual(["first", "second"]);
    expect(
      await race(
        (tx) => lockName(tx, "programme", name),
        (tx) => lockName(tx, "programme", `${name} 2`),
      ),
    ).toEqual(["second", "first"]);
  });
});
