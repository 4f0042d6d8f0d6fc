import { describe, expect, it } from "vitest";
import type { Role } from "~/generated/prisma/client.ts";
import { hasRole, isStaff, runsActivities } from "./roles.ts";

describe("the role rule", () => {
  // Read each line as: a user with <role> may act as <asked> → <yes/no>.
  it.each<[Role, Role | Role[], boolean]>([
    ["ADMIN", "ADMIN", true],
    ["ADMIN", "STAFF", true],
    ["ADMIN", "PARTNER", false],
    ["STAFF", "STAFF", true],
    ["STAFF", "ADMIN", false],
    ["STAFF", ["STAFF", "PARTNER"], true],
    ["PARTNER", ["STAFF", "PARTNER"], true],
    ["PARTNER", "STAFF", false],
    ["PARENT", ["STAFF", "PARTNER"], false],
    ["PARENT", "PARENT", true],
    ["YOUTH", "PARENT", false],
    ["YOUTH", "YOUTH", true],
  ])("%s as %j → %s", (role, asked, expected) => {
    expect(hasRole({ role }, asked)).toBe(expected);
  });

  it.each<[Role, boolean, boolean]>([
    // role, isStaff, runsActivities
    ["ADMIN", true, true],
    ["STAFF", true, true],
    ["PARTNER", false, true],
    ["PARENT", false, false],
    ["YOUTH", false, false],
  ])("%s: staff %s, runs activities %s", (role, staff, runs) => {
    expect([isStaff({ role }), runsActivities({ role })]).toEqual([staff, runs]);
  });
});
