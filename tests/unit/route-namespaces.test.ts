// Each page gets only some translation namespaces (clientNamespacesFor, in
// the root loader). This walks every route module's imports inside app/ and
// checks that each namespace the page may translate from is among those its
// path gets — otherwise the page would show raw keys.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clientNamespaces, clientNamespacesFor } from "../../app/lib/i18n.ts";

const app = path.resolve(import.meta.dirname, "../../app");
const routesDir = path.join(app, "routes");

/** A path the route answers, from its flat-routes file name ("staff.jobs.$postingId_.edit.tsx" → "/staff/jobs/x/edit"). */
export function samplePath(file: string): string {
  const segments = file
    .replace(/\.tsx?$/, "")
    .replace(/\[\.(\w+)\]$/, "")
    .split(".")
    .filter((segment) => segment !== "_index" && !segment.startsWith("_"))
    .map((segment) => (segment.startsWith("$") ? "x" : segment.replace(/_$/, "")));
  return `/${segments.join("/")}`;
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("~/") ? path.join(app, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const known = new Set<string>(clientNamespaces);

/** The client namespaces a module and everything it imports from app/ translate from (server-only modules excluded: they never render). */
function namespacesOf(file: string, seen = new Set<string>()): Set<string> {
  const found = new Set<string>();
  if (seen.has(file)) return found;
  seen.add(file);
  const source = fs.readFileSync(file, "utf8");
  const patterns = [
    /useTranslation\(\s*"(\w+)"/g,
    /useTranslation\(\s*\[([^\]]*)\]/g,
    /i18n-namespace:\s*(\w+)/g,
    /["'`](\w+):[\w.-]+["'`]/g, // "ns:key"
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) {
      for (const name of match[1]!.split(",").map((part) => part.trim().replace(/["']/g, ""))) if (known.has(name)) found.add(name);
    }
  }
  for (const match of source.matchAll(/from\s+"([^"]+)"/g)) {
    const target = resolveImport(file, match[1]!);
    if (target && !/\.server\.tsx?$/.test(target) && !target.includes(`${path.sep}generated${path.sep}`)) {
      for (const name of namespacesOf(target, seen)) found.add(name);
    }
  }
  return found;
}

describe("translation namespaces per page", () => {
  it("maps file names to paths", () => {
    expect(samplePath("staff.jobs.$postingId_.edit.tsx")).toBe("/staff/jobs/x/edit");
    expect(samplePath("activities._index.tsx")).toBe("/activities");
    expect(samplePath("my.jobs.interview.$applicationId[.ics].ts")).toBe("/my/jobs/interview/x");
    expect(samplePath("_index.tsx")).toBe("/");
  });

  it("families' pages leave the staff texts out", () => {
    expect(clientNamespacesFor("/activities")).not.toContain("reports");
    expect(clientNamespacesFor("/my/shifts")).toContain("shifts");
    expect(clientNamespacesFor("/staff/reports")).toContain("reports");
  });

  for (const file of fs.readdirSync(routesDir).filter((name) => /\.tsx?$/.test(name))) {
    it(`${file} gets every namespace it uses`, () => {
      const given = new Set<string>(clientNamespacesFor(samplePath(file)));
      const missing = [...namespacesOf(path.join(routesDir, file))].filter((name) => !given.has(name));
      expect(missing).toEqual([]);
    });
  }
});
