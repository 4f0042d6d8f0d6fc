// Families signing up, as they do it: on a phone, in Arabic, racing for the
// last place, and answering a waiting-list offer from the message.
import { expect, test, type Browser } from "@playwright/test";
import { e2eData } from "./db.ts";
import { expectNoAxeViolations, hydrated, outboxMessage, signIn } from "./helpers.ts";

test("a parent on a phone signs two children up in Arabic", async ({ page }) => {
  await signIn(page, "20 00 00 01", "+4520000001");
  await page.goto("/activities/sommer-sportscamp?lng=ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectNoAxeViolations(page);
  await hydrated(page);

  // Omar (5) is too young for a 7–13 camp: shown, explained, not selectable.
  await expect(page.getByRole("checkbox", { name: /Omar/ })).toBeDisabled();
  // Gender-neutral, and 7 takes the plural of 3–10 ("سنوات"), not "سنة" (issue 19, defect 12).
  await expect(page.getByText("العمر أقل من المطلوب: النشاط من عمر 7 سنوات.")).toBeVisible();

  // Submitting without consent keeps the ticks and explains.
  await page.getByRole("checkbox", { name: /Yusuf/ }).check();
  await page.getByRole("checkbox", { name: /Lina/ }).check();
  await page.getByRole("button", { name: "سجّل" }).click();
  await expect(page.getByText("ضع علامة لإعطاء موافقتك.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /Yusuf/ })).toBeChecked();

  await page.getByRole("checkbox", { name: /أنا ولي أمر الأطفال/ }).check();
  await page.getByRole("button", { name: "سجّل" }).click();
  await expect(page).toHaveURL(/\/my\?done=confirmed/);
  await expect(page.getByText("تم التسجيل! ستصلك رسالة تأكيد.")).toBeVisible();
  await expect(page.getByText("المكان محجوز")).toHaveCount(2); // gender-neutral ("لديه مكان" was masculine for a girl too)
  await expectNoAxeViolations(page);

  const sms = await outboxMessage(page, "+4520000001", "Yusuf");
  expect(sms).toContain(`حصل ${new Intl.ListFormat("ar", { type: "conjunction" }).format(["Yusuf", "Lina"])} على مكان`);
});

async function parentPage(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("the last place goes to exactly one of two parents", async ({ browser }) => {
  const { activity, household } = await e2eData();
  const camp = await activity({ capacity: 1, title: "Sidste plads" });
  const [a, b] = await Promise.all([household(), household()]);
  const [pageA, pageB] = await Promise.all([parentPage(browser, a.guardian.email!), parentPage(browser, b.guardian.email!)]);
  for (const page of [pageA, pageB]) {
    await page.goto(`/activities/${camp.slug}`);
    await hydrated(page);
    await page.getByRole("checkbox", { name: /Child0/ }).check();
    await page.getByRole("checkbox", { name: /Jeg er forælder/ }).check();
  }
  await Promise.all([pageA.getByRole("button", { name: "Tilmeld" }).click(), pageB.getByRole("button", { name: "Tilmeld" }).click()]);
  await Promise.all([expect(pageA).toHaveURL(/\/my\?done=/), expect(pageB).toHaveURL(/\/my\?done=/)]);
  const outcomes = [new URL(pageA.url()).searchParams.get("done"), new URL(pageB.url()).searchParams.get("done")].sort();
  expect(outcomes).toEqual(["confirmed", "waiting"]);
  const loser = new URL(pageA.url()).searchParams.get("done") === "waiting" ? pageA : pageB;
  await expect(loser.getByText("Venteliste, nummer 1")).toBeVisible();
});

test("a waiting family accepts the offer from the link in the message", async ({ browser }) => {
  const { activity, household, db, signUpFamily } = await e2eData();
  const camp = await activity({ capacity: 1, title: "Venteliste-test" });
  const [holder, waiter] = await Promise.all([household(), household()]);
  for (const family of [holder, waiter]) {
    await signUpFamily(camp.id, family, { personIds: [family.children[0]!.id] });
  }

  // The holder cancels on "My activities".
  const holderPage = await parentPage(browser, holder.guardian.email!);
  await holderPage.goto("/my");
  await hydrated(holderPage);
  await holderPage.getByRole("link", { name: /Afmeld Child0/ }).click();
  await holderPage.getByRole("button", { name: "Ja", exact: true }).click();
  await expect(holderPage.getByText("Afmeldt. Pladsen går videre")).toBeVisible();

  // The waiting family gets the offer by e-mail and answers from its link, signed out.
  const waiterPage = await (await browser.newContext()).newPage();
  const mail = await outboxMessage(waiterPage, waiter.guardian.email!, "/offers/");
  const link = /https?:\/\/\S+\/offers\/[a-z2-7]+/.exec(mail)![0];
  await waiterPage.goto(new URL(link).pathname);
  await expectNoAxeViolations(waiterPage);
  await hydrated(waiterPage);
  await waiterPage.getByRole("button", { name: "Ja tak, vi kommer" }).click();
  await expect(waiterPage.getByText("Tak! I har fået pladsen.")).toBeVisible();
  expect(await db.enrolment.findFirstOrThrow({ where: { householdId: waiter.id } })).toMatchObject({ status: "CONFIRMED" });
});

test("a parent adds a child, and a bad date keeps what was typed", async ({ page }) => {
  const { household } = await e2eData();
  const family = await household({ children: [] });
  await signIn(page, family.guardian.email!);
  await page.goto("/my/household/children/new");
  await expectNoAxeViolations(page);
  await hydrated(page);
  await page.getByLabel("Fornavn").fill("Noor");
  await page.getByLabel("Efternavn").fill("Ahmadi");
  await page.getByLabel("Fødselsdato").fill("2099-01-01");
  await page.getByLabel("Boligområde").selectOption({ label: "Vangdalen" });
  await page.getByText("Nej", { exact: true }).click();
  await page.getByRole("button", { name: "Gem barnet" }).click();
  await expect(page.getByText("Fødselsdatoen skal ligge mellem 1900 og i dag.")).toBeVisible();
  await expect(page.getByLabel("Fornavn")).toHaveValue("Noor");
  await page.getByLabel("Fødselsdato").fill("2017-04-02");
  await page.getByRole("button", { name: "Gem barnet" }).click();
  await expect(page).toHaveURL(/\/my\/household$/);
  await expect(page.getByText("Noor Ahmadi", { exact: true })).toBeVisible();
});

test("the calendar: an .ics per sign-up and a private household feed", async ({ page, request }) => {
  const { activity, household, signUpFamily } = await e2eData();
  const camp = await activity({ capacity: 5, title: "Kalender-test" });
  const family = await household();
  const { signUpId } = await signUpFamily(camp.id, family, { personIds: [family.children[0]!.id] });
  await signIn(page, family.guardian.email!);
  const ics = await page.request.get(`/my/calendar/${signUpId}.ics`);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  expect(await ics.text()).toContain("SUMMARY:Kalender-test – Child0");

  await page.goto("/my");
  await hydrated(page);
  await page.getByRole("button", { name: "Lav et kalenderlink" }).click();
  const feedUrl = (await page.getByTestId("feed-url").textContent())!;
  const feed = await request.get(new URL(feedUrl).pathname);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain("Kalender-test");
  await page.getByRole("button", { name: "Stop kalenderlinket" }).click();
  await expect(page.getByText("Kalenderlinket er stoppet.")).toBeVisible();
  expect((await request.get(new URL(feedUrl).pathname)).status()).toBe(404);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a sign-up refused for a missing consent comes back with the chosen child still ticked", async ({ page }) => {
    const { household, activity } = await e2eData();
    const family = await household({ children: [{ firstName: "Rami" }, { firstName: "Dina" }] });
    const camp = await activity({ capacity: 10, title: "Uden JavaScript-lejr" });
    await signIn(page, family.guardian.email!, undefined, { javaScript: false });
    await page.goto(`/activities/${camp.slug}`);
    await page.getByRole("checkbox", { name: /Dina/ }).check();
    await page.getByRole("button", { name: /Tilmeld/ }).click();
    await expect(page.getByText("Sæt kryds for at give samtykke.")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: /Dina/ })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: /Rami/ })).not.toBeChecked();
  });
});
