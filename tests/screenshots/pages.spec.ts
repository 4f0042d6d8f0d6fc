// The pages people use every week, photographed on the demo data (see playwright.config.ts here). Each shot is the
// page from the top, at most three screens; the index (docs/screenshots/README.md) lists them with the viewport and language.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { hydrated, signIn } from "../e2e/helpers.ts";

const out = path.resolve(import.meta.dirname, "../../docs/screenshots");
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };
const taken: { file: string; title: string; width: number; language: string }[] = [];

test.describe.configure({ mode: "serial" });
test.beforeAll(() => {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
});

/** The first link on the page whose address matches, e.g. the first activity of a list. */
async function firstLink(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const href = hrefs.find((candidate) => pattern.test(candidate));
  if (!href) throw new Error(`no link like ${pattern} on ${page.url()}`);
  return href;
}

async function shoot(page: Page, url: string, name: string, title: string, language: "da" | "ar") {
  await page.goto(`${url}${url.includes("?") ? "&" : "?"}lng=${language}`);
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("lang", language);
  const { width, height } = page.viewportSize()!;
  const file = `${name}-${language}-${width}.jpg`;
  // The page from the top, at most three screens of it (a long list says enough by then).
  const length = Math.min(await page.evaluate(() => document.documentElement.scrollHeight), 3 * height);
  await page.screenshot({ path: path.join(out, file), fullPage: true, clip: { x: 0, y: 0, width, height: length }, type: "jpeg", quality: 70 });
  taken.push({ file, title, width, language });
}

for (const language of ["da", "ar"] as const) {
  test(`family pages on a phone (${language})`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    await shoot(page, "/", "home", "Front page", language);
    await shoot(page, "/activities", "activities", "Activities (catalogue)", language);
    await shoot(page, await firstLink(page, /^\/activities\/[^/?]+$/), "activity", "An activity and its sign-up form", language);
    await shoot(page, "/jobs", "jobs", "Pocket-money jobs", language);
    await page.goto("/?lng=da"); // the sign-in helper reads the Danish labels
    await signIn(page, "+4520000001");
    await shoot(page, "/my", "my-activities", "My activities (a parent)", language);
    await shoot(page, "/my/household", "household", "The household", language);
  });

  test(`staff pages on a laptop (${language})`, async ({ page }) => {
    await page.setViewportSize(LAPTOP);
    await signIn(page, "medarbejder@aktivitetsportalen.dk");
    await shoot(page, "/staff", "staff-start", "Staff start page", language);
    const activity = await firstLink(page, /^\/staff\/activities\/[0-9a-f-]{36}$/);
    await shoot(page, activity, "staff-activity", "An activity: roster and waiting list", language);
    const session = await firstLink(page, /^\/staff\/sessions\/[0-9a-f-]{36}/);
    await shoot(page, session, "staff-attendance", "Attendance for a session", language);
    await shoot(page, "/staff/reports", "staff-reports", "Reports for Landsbyggefonden", language);
    await shoot(page, "/staff/jobs", "staff-jobs", "Pocket-money jobs and applications", language);
    await shoot(page, "/staff/families", "staff-families", "Families", language);
  });
}

test.afterAll(() => {
  const rows = taken.map((shot) => `| ${shot.title} | ${shot.language} | ${shot.width} px | ![${shot.title}](${shot.file}) |`);
  const index = [
    "# Screenshots",
    "",
    "The demo data, photographed by `npm run screenshots` (tests/screenshots/). Do not edit by hand: run it again.",
    "",
    "| page | language | width | screenshot |",
    "| --- | --- | --- | --- |",
    ...rows,
    "",
  ];
  fs.writeFileSync(path.join(out, "README.md"), index.join("\n"));
});
