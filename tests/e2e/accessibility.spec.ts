// axe (WCAG 2.1 AA) on every family page, in Danish, English and Arabic,
// as a signed-in demo parent on a phone.
import { expect, test } from "@playwright/test";
import { e2eData } from "./db.ts";
import { expectNoAxeViolations, signIn } from "./helpers.ts";

const pages = [
  "/",
  "/activities",
  "/activities/sommer-sportscamp",
  "/activities/lektiecafe-jennumparken",
  "/my",
  "/my/household",
  "/my/household/children/new",
  "/account",
];

for (const language of ["da", "en", "ar"] as const) {
  test(`family pages pass axe in ${language}`, async ({ page }) => {
    const { household } = await e2eData();
    const family = await household({ children: [{ firstName: "Sara", birthDate: "2016-03-01" }] });
    await signIn(page, family.guardian.email!);
    for (const path of pages) {
      await page.goto(`${path}${path.includes("?") ? "&" : "?"}lng=${language}`);
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      await expect(page).toHaveTitle(/.+ · |^(Aktivitetsportalen|بوابة الأنشطة)$/);
      await expectNoAxeViolations(page);
    }
  });
}

test("sign-in pages and errors pass axe in Arabic", async ({ page }) => {
  await page.goto("/login?lng=ar");
  await expectNoAxeViolations(page);
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page).toHaveTitle("الصفحة غير موجودة · بوابة الأنشطة");
  await expectNoAxeViolations(page);
});
