// The request body rules that need no server: which limit a route gets, and
// which field names and control fields a form may carry.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BODY_LIMITS, bodyKind, conformControlProblem, fieldNameProblem, UPLOAD_ROUTES } from "./request-body.ts";
import { ROOT } from "./app.ts";

describe("body limits by kind of route", () => {
  it("gives families' pages the small form limit, staff and admin pages the larger one, whatever the address form", () => {
    const form = "application/x-www-form-urlencoded";
    expect(["/login", "/login.data", "/my/household", "/activities/sommerlejr", "/jobs/x/apply", "/staffroom"].map((route) => bodyKind(route, form))).toEqual(
      Array(6).fill("form"),
    );
    expect(["/staff/activities/new", "/staff/activities/new.data", "/admin/users/new", "/staff", "/staff.data"].map((route) => bodyKind(route, form))).toEqual(
      Array(5).fill("staffForm"),
    );
  });

  it("takes only forms, and a file upload only on the spreadsheet import's upload", () => {
    expect(["text/plain", "application/json", "", "application/xml"].map((type) => bodyKind("/login", type))).toEqual([null, null, null, null]);
    expect(bodyKind("/staff/activities/new", "multipart/form-data")).toBe("staffForm");
    expect(["/staff/import", "/staff/import.data"].map((route) => bodyKind(route, "multipart/form-data"))).toEqual(["upload", "upload"]);
    // Its other forms, and the pages of one import, are ordinary staff forms.
    expect(["/staff/import", "/staff/import/x", "/staff/imports"].map((route) => bodyKind(route, "application/x-www-form-urlencoded"))).toEqual([
      "staffForm",
      "staffForm",
      "staffForm",
    ]);
    expect(["/staff/import/x", "/staff/importx", "/my/import"].map((route) => bodyKind(route, "multipart/form-data"))).toEqual([
      "staffForm",
      "staffForm",
      "form",
    ]);
    expect(UPLOAD_ROUTES).toHaveLength(1);
    expect(BODY_LIMITS.form < BODY_LIMITS.staffForm && BODY_LIMITS.staffForm < BODY_LIMITS.upload).toBe(true);
  });
});

describe("field names", () => {
  it("takes the names the forms use", () => {
    expect(fieldNameProblem(["identifier", "children[0].housingAreaId", "title.da", "skip[12].from", "personId", "dates[]"])).toBeNull();
  });

  it("refuses a list index over 99 (conform would make an array that long) and names over 100 characters", () => {
    expect(fieldNameProblem(["a[100]"])).toBe("listIndexTooLarge");
    expect(fieldNameProblem(["a[99999999]"])).toBe("listIndexTooLarge");
    expect(fieldNameProblem(["a[0007]"])).toBe("listIndexTooLarge");
    expect(fieldNameProblem(["n".repeat(101)])).toBe("fieldNameTooLong");
  });

  it("refuses conform's control fields, which no page sends", () => {
    expect(conformControlProblem(["identifier", "intent"])).toBeNull();
    expect(conformControlProblem(["__intent__"])).toBe("conformControl");
    expect(conformControlProblem(["__state__"])).toBe("conformControl");
  });

  it("no page uses conform's list or validation buttons (else their intents must be let through)", () => {
    const sources = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? (entry.name === "generated" ? [] : sources(full)) : /\.tsx?$/.test(entry.name) ? [full] : [];
      });
    const users = sources(path.join(ROOT, "app")).filter((file) =>
      /\bform\.(insert|remove|reorder|update|reset|validate)\b|getControlButtonProps|__intent__/.test(fs.readFileSync(file, "utf8")),
    );
    expect(users).toEqual([]);
  });
});
