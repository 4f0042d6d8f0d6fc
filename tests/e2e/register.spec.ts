// One person, once (issue 17, ADR 015): the walk-in form tapped twice makes one child and comes back empty; staff
// merge two records of one child side by side (desktop).
import { expect, test } from "@playwright/test";
import { e2eData } from "./db.ts";
import { expectNoAxeViolations, hydrated, signIn } from "./helpers.ts";

// Each test signs in, takes several round trips and runs axe twice: more than the default 30 s on a busy machine.
test.slow();

test("a walk-in double-tapped makes one child and one attendance, and the form is empty afterwards", async ({ page }) => {
  const { db } = await e2eData();
  const lektiecafe = (await db.activity.findUniqueOrThrow({ where: { slug: "lektiecafe-jennumparken" }, select: { id: true } })).id;
  const start = new Date();
  start.setUTCHours(14, 0, 0, 0);
  const session = await db.activitySession.create({ data: { activityId: lektiecafe, startsAt: start, endsAt: new Date(start.getTime() + 2 * 3_600_000) } });

  await signIn(page, "frivillig@aktivitetsportalen.dk");
  await page.goto(`/staff/sessions/${session.id}`);
  await hydrated(page);
  await page.getByLabel("Fornavn").fill("Mohammed");
  await page.getByLabel("Efternavn").fill("Bjerregaard");
  await page.getByLabel("Fødselsår").fill("2014");
  await page.getByRole("button", { name: "Tilføj og markér som mødt" }).dblclick();
  await expect(page.getByText("Tilføjet og markeret som mødt.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Mohammed Bjerregaard/ })).toHaveCount(1);
  await expect(page.getByLabel("Fornavn")).toHaveValue("");
  await expect(page.getByLabel("Fødselsår")).toHaveValue("");
  expect(await db.person.count({ where: { firstName: "Mohammed", lastName: "Bjerregaard" } })).toBe(1);
  expect(await db.attendance.count({ where: { sessionId: session.id } })).toBe(1);

  // The same child typed again with another spelling: offered, chosen, nobody new.
  await page.getByLabel("Fornavn").fill("Muhammad");
  await page.getByLabel("Efternavn").fill("Bjerregaard");
  await page.getByLabel("Fødselsår").fill("2014");
  await page.getByRole("button", { name: "Tilføj og markér som mødt" }).click();
  await expect(page.getByRole("heading", { name: "Er det dette barn?" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Det er Mohammed Bjerregaard" }).click();
  await expect(page.getByText("Tilføjet og markeret som mødt.")).toBeVisible();
  expect(await db.person.count({ where: { lastName: "Bjerregaard" } })).toBe(1);
});

test.describe("on a desktop", () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test("staff compare two records of one child side by side and merge them", async ({ page }) => {
    const { db, household } = await e2eData();
    const family = await household({ children: [{ firstName: "Maxamed", birthDate: "2013-03-03" }] });
    const kept = await db.person.update({ where: { id: family.children[0]!.id }, data: { lastName: "Cabdi-Warsame" } });
    const walkIn = await db.person.create({ data: { firstName: "Mohamed", lastName: "Abdi-Warsame", birthYear: 2013 } });

    await signIn(page, "medarbejder@aktivitetsportalen.dk");
    await page.goto("/staff/people/duplicates");
    await expectNoAxeViolations(page);
    const pair = page.getByRole("listitem").filter({ hasText: "Mohamed Abdi-Warsame" }).filter({ hasText: "Maxamed Cabdi-Warsame" });
    await pair.getByRole("link", { name: "Se side om side" }).click();
    await expect(page.getByRole("heading", { name: "Læg to personer sammen" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("radio", { name: "Maxamed Cabdi-Warsame" }).check();
    await page.getByRole("button", { name: "Læg sammen" }).click();
    await expect(page.getByText("Lagt sammen. Den ene person har nu det hele.")).toBeVisible();
    expect(await db.person.findUnique({ where: { id: walkIn.id } })).toBeNull();
    expect(await db.person.findUnique({ where: { id: kept.id } })).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "person.merge", entityId: kept.id } })).toBe(1);
  });
});
