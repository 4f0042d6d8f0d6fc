// The foundation as a new user meets it on a phone: the start page in three
// languages, sign-in with a code from the outbox, and refusals that matter.
import { expect, test } from "@playwright/test";
import { e2eData } from "./db.ts";
import { codeFromOutbox, expectNoAxeViolations, hydrated } from "./helpers.ts";

test("the start page speaks Danish, then Arabic right-to-left, then English — and axe finds nothing", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "da");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aktiviteter for børn, unge og familier i Randers");
  await expect(page.getByText("Gl. Jennumparken")).toBeVisible();
  await expectNoAxeViolations(page);

  await hydrated(page);
  // On a phone the languages are in the menu (one button that opens it: the header stays small).
  await page.locator("details[data-menu] > summary").click();
  await page.getByRole("button", { name: "العربية" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("أنشطة للأطفال والشباب والعائلات في راندرس");
  await expectNoAxeViolations(page);

  await hydrated(page);
  await page.locator("details[data-menu] > summary").click();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Activities for children, young people and families in Randers");

  // The choice is remembered across a fresh load.
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a first visit follows Accept-Language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ar", extraHTTPHeaders: { "Accept-Language": "ar,en;q=0.5" } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await context.close();
});

test("nothing sticks out sideways on a 360 px phone, in Arabic either", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const lng of ["da", "ar"]) {
    await page.goto(`/?lng=${lng}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, lng).toBeLessThanOrEqual(0);
  }
});

test("a demo parent signs in with the code from the outbox, sees their account, and signs out", async ({ page }) => {
  test.slow(); // nine pages, three checked by axe: 20–31 s on CI's two cores, over the default 30 s once
  expect((await page.goto("/"))?.headers()["cache-control"]).toBeUndefined();
  await page.goto("/login");
  await expectNoAxeViolations(page);
  await hydrated(page);
  await page.getByLabel("E-mail eller mobilnummer").fill("foraelder@example.dk");
  await page.getByRole("button", { name: "Send mig en kode" }).click();
  await expect(page).toHaveURL(/\/login\/code$/);
  await expectNoAxeViolations(page);

  // A wrong code is explained, and what was typed stays.
  const code = await codeFromOutbox(page, "foraelder@example.dk");
  const wrong = code === "000000" ? "111111" : "000000";
  await page.getByLabel("Kode (6 cifre)").fill(wrong);
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
  await expect(page.getByText("Koden passer ikke. Forsøg tilbage: 4.")).toBeVisible();
  await expect(page.getByLabel("Kode (6 cifre)")).toHaveValue(wrong);

  await page.getByLabel("Kode (6 cifre)").fill(code);
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
  await expect(page).toHaveURL(/\/my$/);
  await expect(page.getByRole("heading", { name: "Mine aktiviteter" })).toBeVisible();
  const account = await page.goto("/account");
  await expect(page.getByText("Sofie Andersen")).toBeVisible();
  // The family's data is kept by no cache (the phone may be shared); public pages may be.
  expect(account?.headers()["cache-control"]).toBe("private, no-store");
  await expectNoAxeViolations(page);

  // A parent is no staff member.
  const staff = await page.goto("/staff");
  expect(staff?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Ingen adgang" })).toBeVisible();

  await hydrated(page);
  await page.locator("details[data-menu] > summary").click();
  await page.getByRole("button", { name: "Log ud" }).click();
  await expect(page.getByRole("link", { name: "Log ind" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an Arabic-speaking parent signs in by mobile number, and errors come back translated", async ({ page }) => {
    // Its own account: other tests sign the demo parents in at the same time.
    const { household, db } = await e2eData();
    const family = await household({ guardianEmail: null, guardianPhone: "+4520123499", language: "ar" });
    await db.user.update({ where: { id: family.user!.id }, data: { language: "ar" } });

    await page.goto("/login?lng=ar");
    await page.getByLabel("البريد الإلكتروني أو رقم الهاتف المحمول").fill("not a number");
    await page.getByRole("button", { name: "أرسل لي رمزًا" }).click();
    await expect(page.getByText("هذا لا يبدو بريدًا إلكترونيًا ولا رقم هاتف محمول", { exact: false })).toBeVisible();
    await expect(page.getByLabel("البريد الإلكتروني أو رقم الهاتف المحمول")).toHaveValue("not a number");

    await page.getByLabel("البريد الإلكتروني أو رقم الهاتف المحمول").fill("٢٠ ١٢ ٣٤ ٩٩");
    await page.getByRole("button", { name: "أرسل لي رمزًا" }).click();
    await expect(page).toHaveURL(/\/login\/code$/);
    const code = await codeFromOutbox(page, "+4520123499");
    await page.getByLabel("الرمز (6 أرقام)").fill(code);
    await page.getByRole("button", { name: "تسجيل الدخول", exact: true }).click();
    await expect(page).toHaveURL(/\/my$/);
    await page.goto("/account");
    await expect(page.getByText(family.guardian.firstName)).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  });
});

test("the staff area sends anonymous visitors to sign-in and back", async ({ page }) => {
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fstaff$/);
  await hydrated(page);
  await page.getByLabel("E-mail eller mobilnummer").fill("medarbejder@aktivitetsportalen.dk");
  await page.getByRole("button", { name: "Send mig en kode" }).click();
  await expect(page).toHaveURL(/\/login\/code$/);
  await page.getByLabel("Kode (6 cifre)").fill(await codeFromOutbox(page, "medarbejder@aktivitetsportalen.dk"));
  await page.getByRole("button", { name: "Log ind", exact: true }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole("heading", { name: "Medarbejdere", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle("Medarbejdere · Aktivitetsportalen");
  await expectNoAxeViolations(page);
});

test("a cross-site POST is refused before it reaches the app", async ({ request, baseURL }) => {
  const refused = await request.post("/language", { form: { language: "ar" }, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  const allowed = await request.post("/language", { form: { language: "ar" }, headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(allowed.status()).toBe(302);
});

test("responses carry the security headers", async ({ request }) => {
  const response = await request.get("/");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  const csp = response.headers()["content-security-policy"]!;
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'(;|$)/);
  expect(csp).toContain("style-src 'self';");
  expect(csp).not.toContain("unsafe-inline");
  // Every inline script Remix writes carries that nonce (hydration in the other tests proves they run).
  const html = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  for (const tag of html.match(/<script[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
  expect(response.headers()["referrer-policy"]).toBe("same-origin");
});
