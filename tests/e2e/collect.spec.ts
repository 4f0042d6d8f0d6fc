// Issue 19: who may collect a child. A trainer on a phone, in Arabic, at a camp that asks for it: sees who may
// collect each child and whom to call, marks a child present, ticks who collected her, and the counter follows at
// once; a parent keeps the list on the child's page. axe on each page.
import { expect, test } from "@playwright/test";
import { e2eData, newAccount } from "./db.ts";
import { expectNoAxeViolations, hydrated, signIn } from "./helpers.ts";

test("a trainer in Arabic ticks who collected a child at a camp; the counter follows the tap", async ({ page }) => {
  // Sign-in, three forms and two axe runs: slow on two loaded cores.
  test.slow();
  const { db, activity, household, signUpFamily } = await e2eData();
  const camp = await activity({
    title: "Lejr med afhentning",
    sessions: [{ startsAt: new Date(Date.now() - 3_600_000), endsAt: new Date(Date.now() + 3_600_000) }],
  });
  await db.activity.update({ where: { id: camp.id }, data: { asksCollectContacts: true } });
  const family = await household({ children: [{ firstName: "Lina" }] });
  const lina = family.children[0]!;
  await db.childContact.createMany({
    data: [
      { personId: lina.id, kind: "COLLECTOR", position: 0, name: "Fatima Hassan", relation: "الجدة", phone: "+4520123456" },
      { personId: lina.id, kind: "COLLECTOR", position: 1, name: "Karim Hassan", relation: "العم", phone: "+4531223344" },
      { personId: lina.id, kind: "EMERGENCY", position: 0, name: "Yusuf Hassan", relation: "الجد", phone: "+4540123456" },
    ],
  });
  await signUpFamily(camp.id, family);
  const trainer = await newAccount("PARTNER", "Trainer");
  const trainerId = (await db.user.findFirstOrThrow({ where: { email: trainer }, select: { id: true } })).id;
  await db.activityPartner.create({ data: { activityId: camp.id, userId: trainerId } });
  const sessionId = camp.sessions[0]!.id;

  await signIn(page, trainer);
  await page.goto(`/staff/sessions/${sessionId}?lng=ar`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await hydrated(page);
  const card = page.locator(`#collect-${lina.id}`);
  // Who may collect her, whom to call — with numbers as people write them, to tap and call.
  await expect(card.getByRole("link", { name: "+45 20 12 34 56" })).toHaveAttribute("href", "tel:+4520123456");
  await expect(card.getByText("Yusuf Hassan")).toBeVisible();
  await expect(page.getByText("تم اصطحاب 0 من 0 من الأطفال الحاضرين")).toBeVisible();
  await expectNoAxeViolations(page);

  // Present first; then the choice of who collected her appears.
  await page.getByRole("button", { name: /Lina/ }).click();
  await expect(page.getByText("تم اصطحاب 0 من طفل واحد حاضر")).toBeVisible();
  await card.getByLabel("Fatima Hassan").check();
  await card.getByRole("button", { name: "حفظ" }).click();
  // The counter and the line follow the tap at once, and it is saved.
  await expect(page.getByText("تم اصطحاب 1 من طفل واحد حاضر")).toBeVisible();
  await expect(card.getByText(/تم الاصطحاب من قِبل.*Fatima Hassan/)).toBeVisible();
  await expect
    .poll(async () => (await db.attendance.findUnique({ where: { sessionId_personId: { sessionId, personId: lina.id } } }))?.collectedByName)
    .toBe("Fatima Hassan");

  // Someone else, by name: without a name the choice is refused in words.
  await card.getByLabel("شخص آخر").check();
  await card.getByRole("button", { name: "حفظ" }).click();
  await expect(card.getByText("اكتبوا اسم الشخص الذي اصطحب الطفل.")).toBeVisible();
  await card.getByLabel("اسم الشخص الذي اصطحب الطفل").fill("Nabo Jensen");
  await card.getByRole("button", { name: "حفظ" }).click();
  await expect(card.getByText(/تم الاصطحاب من قِبل.*Nabo Jensen/)).toBeVisible();
  await expect
    .poll(async () => (await db.attendance.findUnique({ where: { sessionId_personId: { sessionId, personId: lina.id } } }))?.collectedByOther)
    .toBe(true);
  // Each tap target is at least 44 px high.
  for (const box of await card
    .locator("label:has(input[type=radio]), button, a")
    .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().height)))
    expect(box).toBeGreaterThanOrEqual(44);
  await expectNoAxeViolations(page);
  // Every view was logged.
  expect(await db.auditEvent.count({ where: { action: "contacts.view", entityId: camp.id, actorUserId: trainerId } })).toBeGreaterThan(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("a parent names who may collect a child and whom to call, in Arabic, with a plain form", async ({ page }) => {
    test.slow();
    const { db, household } = await e2eData();
    const family = await household({ children: [{ firstName: "Sami" }], language: "ar" });
    const sami = family.children[0]!;
    await signIn(page, family.guardian.email!, undefined, { javaScript: false });
    await page.goto(`/my/household/children/${sami.id}/contacts?lng=ar`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Sami");
    const person1 = page.getByRole("group", { name: "الشخص 1" });
    await person1.getByLabel("الاسم").fill("Amina Ali");
    await person1.getByLabel("ما صلة هذا الشخص بالطفل؟").fill("الخالة");
    await person1.getByLabel("رقم الهاتف").fill("٢٠ ١٢ ٣٤ ٥٦");
    const emergency = page.getByRole("group", { name: "جهة الاتصال" });
    await emergency.getByLabel("الاسم").fill("Omar Ali");
    await emergency.getByLabel("ما صلة هذا الشخص بالطفل؟").fill("الخال");
    await page.getByRole("button", { name: "حفظ" }).click();
    await expect(page.getByText("اكتبوا رقم هاتف الشخص.")).toBeVisible();
    await page.getByRole("group", { name: "جهة الاتصال" }).getByLabel("رقم الهاتف").fill("31223344");
    await page.getByRole("button", { name: "حفظ" }).click();
    await expect(page.getByText("تم الحفظ.")).toBeVisible();
    // A new empty row for the next person.
    await expect(page.getByRole("group", { name: "الشخص 2" })).toBeVisible();
    expect(await db.childContact.findMany({ where: { personId: sami.id }, orderBy: { kind: "asc" }, select: { name: true, phone: true } })).toEqual([
      { name: "Amina Ali", phone: "+4520123456" },
      { name: "Omar Ali", phone: "+4531223344" },
    ]);
  });
});

test("the contacts page passes axe in Arabic, with an error shown", async ({ page }) => {
  test.slow();
  const { household } = await e2eData();
  const family = await household({ children: [{ firstName: "Rami" }], language: "ar" });
  await signIn(page, family.guardian.email!);
  await page.goto(`/my/household/children/${family.children[0]!.id}/contacts?lng=ar`);
  await hydrated(page);
  await expectNoAxeViolations(page);
  await page.getByRole("group", { name: "الشخص 1" }).getByLabel("الاسم").fill("Amina Ali");
  await page.getByRole("button", { name: "حفظ" }).click();
  await expect(page.getByText("اكتبوا صلة الشخص بالطفل.")).toBeVisible();
  await expectNoAxeViolations(page);
});
