// Staff on a 1280 × 800 laptop (issue 19): this week's activities two clicks from signing in, the start page's
// views and search, and axe on the wide pages in all three languages.
import { expect, test } from "@playwright/test";
import { e2eData, newAccount } from "./db.ts";
import { expectNoAxeViolations, hydrated, signIn } from "./helpers.ts";

test.use({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false });

test("this week's activities are two clicks from signing in, each date a link to its attendance", async ({ page }) => {
  test.slow();
  const { activity, db } = await e2eData();
  const { copenhagenWeek } = await import("../../app/domain/staff/desk.ts");
  const week = copenhagenWeek(new Date());
  // A date on this week's Wednesday at 16:00 Copenhagen time (past or to come: both belong to this week).
  const wednesday = new Date(week.from.getTime() + 2 * 86_400_000 + 16 * 3_600_000);
  const title = `Ugens hold ${crypto.randomUUID().slice(0, 6)}`;
  const weekly = await activity({ title, sessions: [{ startsAt: wednesday, endsAt: new Date(wednesday.getTime() + 3_600_000) }] });
  const session = await db.activitySession.findFirstOrThrow({ where: { activityId: weekly.id }, select: { id: true } });

  await signIn(page, await newAccount("STAFF", "Uge"));
  await expect(page).toHaveURL(/\/staff$/); // signing in lands on the start page
  await hydrated(page);
  await page.getByRole("link", { name: /^Denne uge \(\d+\)$/ }).click(); // click 1
  await expect(page).toHaveURL(/\/staff\?view=week$/);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: title }) });
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: /^Fremmøde / }).click(); // click 2
  await expect(page).toHaveURL(new RegExp(`/staff/sessions/${session.id}$`));
});

test("the start page searches, shows status badges, and passes axe wide in Danish, English and Arabic", async ({ page }) => {
  test.slow();
  const { activity } = await e2eData();
  const tag = crypto.randomUUID().slice(0, 6);
  await activity({ title: `Fuldt hold ${tag}`, capacity: 0 });
  await signIn(page, await newAccount("STAFF", "Søg"));
  await page.goto("/staff?view=upcoming");
  await page.getByLabel("Søg efter navn, område eller type").fill(tag);
  await page.getByRole("button", { name: "Søg", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`view=upcoming&q=${tag}`));
  const table = page.getByRole("table");
  await expect(table.getByRole("row")).toHaveCount(2); // the heading and one activity
  await expect(table.getByText("Fuld", { exact: true })).toBeVisible();
  // The table fits the laptop's width: nothing to scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  for (const language of ["da", "en", "ar"]) {
    await page.goto(`/staff?view=week&lng=${language}`);
    await expectNoAxeViolations(page);
  }
});

test("the report's key figures for the quarter are read without scrolling; the custom dates show only when chosen", async ({ page }) => {
  test.slow();
  await signIn(page, await newAccount("STAFF", "Tal"));
  await page.goto("/staff/reports");
  await hydrated(page);
  const figures = page.getByRole("region", { name: "Overblik" }).getByRole("listitem");
  await expect(figures).toHaveCount(4);
  for (const figure of await figures.all()) {
    const box = (await figure.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(800);
  }
  // Milestones come next, before the charts and tables.
  const milestones = (await page.getByRole("heading", { level: 2, name: "Milepæle for udvalget" }).boundingBox())!;
  const charts = (await page.getByRole("heading", { level: 2, name: "Diagrammer" }).boundingBox())!;
  expect(milestones.y).toBeLessThan(charts.y);
  // The filters open; the first and last day appear only for a custom period.
  await page.getByText("Vælg periode og aktiviteter").click();
  await expect(page.getByLabel("Første dag")).toBeHidden();
  await page.getByLabel("Periodens længde").selectOption("custom");
  await expect(page.getByLabel("Første dag")).toBeVisible();
  await expectNoAxeViolations(page);
});
