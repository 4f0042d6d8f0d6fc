// The catalogue as a parent meets it on a phone (390×844): filter, read the
// cards, open one; in Danish and Arabic (right-to-left), with and without
// JavaScript. Other tests sign children up in parallel, so nothing here
// depends on how many places are left.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, hydrated } from "./helpers.ts";

const CAMP = "Sommer-sportscamp på Nordre Fælled";
const KNITTING = "Nørklecafé"; // 18 and over

const card = (page: Page, title: string) => page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });

test("a parent filters by the child's age, finds the summer camp and opens it", async ({ page }) => {
  await page.goto("/activities");
  await expect(page).toHaveTitle("Aktiviteter · Aktivitetsportalen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aktiviteter");
  await expect(page.getByRole("link", { name: KNITTING })).toBeVisible();
  await expectNoAxeViolations(page);

  await hydrated(page);
  await page.getByLabel("Barnets alder (år)").fill("9");
  await page.getByRole("button", { name: "Vis aktiviteter" }).click();
  await expect(page).toHaveURL(/[?&]age=9(&|#|$)/);
  await expect(page.getByRole("link", { name: KNITTING })).toHaveCount(0);
  await expect(page.getByLabel("Barnets alder (år)")).toHaveValue("9");

  const camp = card(page, CAMP);
  await expect(camp).toContainText("Sportscamp");
  await expect(camp).toContainText(/Hver dag fra mandag (den )?\d+\. juli( \d{4})? til fredag (den )?\d+\. juli( \d{4})? kl\. 09\.00–\u2060?15\.00/);
  await expect(camp).toContainText("Randers Nord IF, Nordre Fælled");
  await expect(camp).toContainText("7–13 år");
  await expect(camp).toContainText("Gratis");
  await expect(camp).toContainText(/pladser? tilbage|Venteliste/);
  await expectNoAxeViolations(page);

  await camp.getByRole("link", { name: CAMP }).click();
  await expect(page).toHaveURL(/\/activities\/sommer-sportscamp$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sommer-sportscamp");
});

test("drop-in activities say no sign-up is needed and show their times", async ({ page }) => {
  await page.goto("/activities?q=lektiecaf%C3%A9");
  const cafe = card(page, "Lektiecafé i Jennumparken");
  await expect(cafe).toContainText("Ingen tilmelding – bare mød op");
  await expect(cafe).toContainText(/kl\. 15\.00–\u2060?17\.00/);
  await expect(cafe).toContainText("6–17 år");
});

test("a shared link with filters shows the same list; nonsense in it is ignored", async ({ page }) => {
  await page.goto("/activities?when=holidays&age=9&type=sports-camp");
  await expect(page.getByRole("link", { name: CAMP })).toBeVisible();
  await expect(page.getByLabel("Hvornår?")).toHaveValue("holidays");
  await expect(page.getByLabel("Slags aktivitet")).toHaveValue("sports-camp");

  await page.goto("/activities?age=ni&when=i-morgen&type=findes-ikke");
  await expect(page.getByLabel("Barnets alder (år)")).toHaveValue("");
  await expect(page.getByRole("link", { name: KNITTING })).toBeVisible();

  await page.goto("/activities?q=zzzz-ingen-aktivitet");
  await expect(page.getByRole("heading", { name: "Ingen aktiviteter fundet" })).toBeVisible();
  await expect(page.getByText("Ingen aktiviteter passer til din søgning")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("in Arabic the catalogue reads right-to-left, and axe finds nothing", async ({ page }) => {
  // The camps only: other tests add activities, and the catalogue shows 12 a page.
  await page.goto("/activities?lng=ar&type=sports-camp");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("الأنشطة");
  await expect(page.getByRole("link", { name: "مخيم رياضي صيفي في Nordre Fælled" })).toBeVisible();
  // Place names stay Danish, and say so to screen readers.
  await expect(card(page, "مخيم رياضي صيفي في Nordre Fælled").locator('[lang="da"]')).toHaveText("Randers Nord IF, Nordre Fælled");
  await expectNoAxeViolations(page);

  await page.goto("/activities?lng=ar&age=9");
  await expect(page.getByLabel("عمر الطفل (بالسنوات)")).toHaveValue("9");
  await expectNoAxeViolations(page);
});

test("English is clean for axe too", async ({ page }) => {
  await page.goto("/activities?lng=en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Activities");
  await expectNoAxeViolations(page);
});

test("nothing sticks out sideways on a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const lng of ["da", "ar"]) {
    await page.goto(`/activities?lng=${lng}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, lng).toBeLessThanOrEqual(0);
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filter form is a plain GET form that works, and clearing it shows everything again", async ({ page }) => {
    await page.goto("/activities");
    await page.getByLabel("Slags aktivitet").selectOption({ label: "Sportscamp" });
    await page.getByLabel("Barnets alder (år)").fill("9");
    await page.getByRole("button", { name: "Vis aktiviteter" }).click();
    await expect(page).toHaveURL(/\/activities\?.*type=sports-camp.*&age=9/);
    await expect(page.getByRole("link", { name: CAMP })).toBeVisible();
    await expect(page.getByRole("link", { name: KNITTING })).toHaveCount(0);
    // Other browser tests add camps to the shared database: the count must match the cards, whatever it is.
    const shown = await page.locator("#results > ul > li").count();
    await expect(page.getByRole("heading", { name: new RegExp(`^${shown} aktivitet`) })).toBeVisible();

    await page.getByRole("link", { name: "Fjern alle filtre" }).click();
    await expect(page).toHaveURL(/\/activities$/);
    await expect(page.getByRole("link", { name: KNITTING })).toBeVisible();
  });
});
