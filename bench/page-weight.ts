// Page weight (issue 8, budget 1): the JavaScript and CSS each page loads,
// gzipped, from the production build's manifest — every chunk of the entry,
// the root and the page's route (what Remix preloads), and the stylesheet.
//   npm run bench:weight            print the table (builds first when there is no build)
//   npm run bench:weight -- --check also fail when a budget is exceeded (CI)
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

const BUDGET = { js: 120 * 1024, css: 25 * 1024 };
/** The pages the budget names, and some more for information. */
const PAGES: [string, string, boolean][] = [
  ["catalogue /activities", "routes/activities._index", true],
  ["activity page and sign-up form /activities/:slug", "routes/activities.$slug", true],
  ["my activities /my", "routes/my._index", false],
  ["attendance /staff/sessions/:id", "routes/staff.sessions.$sessionId", false],
  ["jobs /jobs", "routes/jobs._index", false],
  ["report /staff/reports", "routes/staff.reports._index", false],
];

const { values } = parseArgs({ options: { check: { type: "boolean", default: false } } });
const root = path.resolve(import.meta.dirname, "..");
const buildDir = path.join(root, "public/build");
if (!fs.existsSync(buildDir)) execFileSync("npx", ["remix", "build"], { cwd: root, stdio: "inherit" });

const manifestFile = fs
  .readdirSync(buildDir)
  .filter((name) => /^manifest-.*\.js$/.test(name))
  .map((name) => path.join(buildDir, name))
  .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
if (!manifestFile) throw new Error("No build manifest in public/build: run npm run build.");
const source = fs.readFileSync(manifestFile, "utf8");
type Entry = { module: string; imports?: string[] };
const manifest = JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1)) as {
  entry: Entry;
  routes: Record<string, Entry & { parentId?: string }>;
  url: string;
};

const gzipped = new Map<string, number>();
function gzipSize(url: string): number {
  if (!gzipped.has(url)) gzipped.set(url, gzipSync(fs.readFileSync(path.join(root, "public", url)), { level: 9 }).length);
  return gzipped.get(url)!;
}

/** The stylesheets: Tailwind's one file, linked from the root. */
const css = fs
  .readdirSync(path.join(buildDir, "_assets"))
  .filter((name) => name.endsWith(".css"))
  .map((name) => `/build/_assets/${name}`);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)}`;
const lines = ["| page | JS files | JS KB (gzip) | CSS KB (gzip) | within budget |", "| --- | ---: | ---: | ---: | --- |"];
let failed = false;
for (const [label, routeId, budgeted] of PAGES) {
  const files = new Set<string>([manifest.url, manifest.entry.module, ...(manifest.entry.imports ?? [])]);
  for (let id: string | undefined = routeId; id; id = manifest.routes[id]?.parentId) {
    const route = manifest.routes[id];
    if (!route) throw new Error(`No route ${id} in the manifest`);
    files.add(route.module);
    for (const file of route.imports ?? []) files.add(file);
  }
  const js = [...files].reduce((sum, file) => sum + gzipSize(file), 0);
  const styles = css.reduce((sum, file) => sum + gzipSize(file), 0);
  const ok = js <= BUDGET.js && styles <= BUDGET.css;
  if (budgeted && !ok) failed = true;
  lines.push(`| ${label} | ${files.size} | ${kb(js)} | ${kb(styles)} | ${budgeted ? (ok ? "yes" : "**NO**") : "(not budgeted)"} |`);
}
console.log(`Budgets: JavaScript ≤ ${kb(BUDGET.js)} KB, CSS ≤ ${kb(BUDGET.css)} KB (gzip level 9, all files the page loads)\n`);
console.log(lines.join("\n"));
if (values.check && failed) {
  console.error("\nA page exceeds its size budget.");
  process.exit(1);
}
