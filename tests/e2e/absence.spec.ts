// Absence notices (afbud, issue 19) in the browser, on the phone viewport, in Arabic: a parent reports that a child
// cannot come to the next session, and the trainer sees it on that session's attendance page.
import { expect, test } from "@playwright/test";
import { e2eData, newAccount } from "./db.ts";
import { expectNoAxeViolations, hydrated, signIn } from "./helpers.ts";

// A loaded machine (the build, two workers) needs more than the default 30 s for a flow with axe.
test.describe.configure({ timeout: 120_000 });

test("a parent reports an absence in Arabic; staff see it on the attendance page, apart from no-shows", async ({ page, browser, baseURL }) => {
  const { db, activity, household, signUpFamily } = await e2eData();
  const start = new Date(Date.now() + 30 * 3_600_000);
  const camp = await activity({ capacity: 5, title: "Afbud", sessions: [{ startsAt: start, endsAt: new Date(start.getTime() + 2 * 3_600_000) }] });
  const email = `parent-${crypto.randomUUID().slice(0, 8)}@example.dk`;
  const family = await household({ guardianEmail: email, children: [{ firstName: "Lina" }, { firstName: "Omar" }] });
  await signUpFamily(camp.id, family);
  const sessionId = camp.sessions[0]!.id;

  // The reminder's link: the absence page of that session (signed in first).
  await signIn(page, email);
  await page.goto(`/my/absence/${sessionId}?lng=ar`);
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectNoAxeViolations(page);
  await page.getByLabel("السبب (اختياري)").first().fill("مريض");
  await page.getByRole("button", { name: /^الإبلاغ عن غياب Lina يوم/ }).click();
  await expect(page.getByText("تم الإبلاغ عن الغياب. يستطيع المدربون رؤيته.")).toBeVisible();
  await expect(page.getByRole("button", { name: "التراجع عن الإبلاغ عن غياب Lina" })).toBeVisible();
  // Tap targets: at least 44 px high.
  for (const button of await page.getByRole("button").all()) expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await expectNoAxeViolations(page);
  expect(await db.absenceNotice.count({ where: { sessionId } })).toBe(1);

  // My activities says so too, and still offers Omar's one tap.
  await page.goto("/my?lng=ar");
  await expect(page.getByText(/^تم الإبلاغ عن غياب Lina يوم/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^الإبلاغ عن غياب Omar يوم/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // The trainer, on a phone: the session is tomorrow, and the notice is already on its page.
  const staffContext = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, locale: "da-DK" });
  const staff = await staffContext.newPage();
  await signIn(staff, await newAccount("STAFF"));
  await staff.goto(`/staff/sessions/${sessionId}?lng=ar`);
  await hydrated(staff);
  const notices = staff.getByRole("region", { name: "إشعارات الغياب (1)" });
  await expect(notices).toBeVisible();
  await expect(notices.getByText("Lina Test")).toBeVisible();
  await expect(notices.getByText("مريض")).toBeVisible();
  await expectNoAxeViolations(staff);
  await staffContext.close();
});
