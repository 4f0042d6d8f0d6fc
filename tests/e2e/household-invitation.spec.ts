// Issue 16 end to end on two phones: parent B names a stranger's mobile number
// as "the other parent"; the stranger (who reads Arabic) signs in for the first
// time and is shown an invitation — who asked, which children — instead of
// landing in B's family; they answer "not me", and staff see it on their start
// page and the family's page. B never sees anything of the stranger.
import { expect, test, type Page } from "@playwright/test";
import { e2eData, newAccount } from "./db.ts";
import { codeFromOutbox, expectNoAxeViolations, hydrated, signIn } from "./helpers.ts";

/** Sign-in through the real form in Arabic (the labels of locales/ar/auth.json). */
async function signInInArabic(page: Page, phone: string) {
  await page.goto("/login?lng=ar");
  await hydrated(page);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await page.getByLabel("البريد الإلكتروني أو رقم الهاتف المحمول").fill(phone);
  await page.getByRole("button", { name: "أرسل لي رمزًا" }).click();
  await expect(page).toHaveURL(/\/login\/code$/);
  await page.getByLabel("الرمز (6 أرقام)").fill(await codeFromOutbox(page, phone));
  await page.getByRole("button", { name: "تسجيل الدخول", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

test("a parent names a stranger's number: the stranger gets an invitation, not the family, and 'not me' tells staff", async ({ browser }) => {
  test.setTimeout(180_000); // three phones, axe on each page
  const { db, household, area } = await e2eData();
  const suffix = String(Date.now()).slice(-7);
  const victimPhone = `+452${suffix}`;
  const areaId = (await area()).id;
  const b = await household({ children: [{ firstName: `Birk${suffix}`, areaId }] });

  // Phone 1: parent B invites "Mikkel Andersen" with the stranger's number.
  const parentB = await (await browser.newContext()).newPage();
  await signIn(parentB, b.user!.email!);
  await parentB.goto("/my/household");
  await hydrated(parentB);
  const other = parentB.getByRole("region", { name: "Den anden forælder" });
  await other.getByLabel("Fornavn").fill("Mikkel");
  await other.getByLabel("Efternavn").fill("Andersen");
  await other.getByLabel("Mobilnummer").fill(victimPhone.slice(3));
  await other.getByRole("button", { name: "Send invitationen" }).click();
  await expect(parentB.getByText("Invitationen er klar.", { exact: false })).toBeVisible();
  await expect(other.getByText("Mikkel Andersen")).toBeVisible();
  await expect(other.getByRole("button", { name: "Træk invitationen til Mikkel Andersen tilbage" })).toBeVisible();
  await expectNoAxeViolations(parentB);

  // Phone 2: the stranger signs in (in Arabic) and sees an invitation — not B's family.
  const victim = await (await browser.newContext()).newPage();
  await signInInArabic(victim, victimPhone);
  await expect(victim).toHaveURL(/\/my\/invitations$/);
  await expect(victim.getByRole("heading", { level: 1, name: "دعوة إلى عائلة" })).toBeVisible();
  await expect(victim.getByRole("heading", { name: `دعوة من ${b.guardian.firstName} للانضمام إلى العائلة` })).toBeVisible();
  await expect(victim.getByText(`الأطفال في العائلة: Birk${suffix}`)).toBeVisible();
  await expectNoAxeViolations(victim);
  // Not a member: their family page is empty, and saying nothing joins nothing.
  await victim.goto("/my/household");
  await expect(victim.getByText(`Birk${suffix}`)).toHaveCount(0);
  await victim.goto("/my");
  await victim.getByRole("link", { name: "لديكم دعوة إلى عائلة. اطّلعوا عليها وأجيبوا بنعم أو لا." }).click();
  await hydrated(victim);
  await victim.getByRole("button", { name: "هذا ليس أنا" }).click();
  await expect(victim.getByText("شكرًا لكم. تم إبلاغ الموظفين بأن الدعوة لم تكن لكم.")).toBeVisible();
  await expectNoAxeViolations(victim);
  const victimUser = await db.user.findUniqueOrThrow({ where: { phone: victimPhone } });
  expect(await db.householdMember.count({ where: { householdId: b.id, personId: victimUser.personId } })).toBe(0);

  // Phone 1 again: the invitation is closed; B's family is B's alone.
  await parentB.goto("/my/household");
  await expect(parentB.getByText("Mikkel Andersen")).toHaveCount(0);

  // Staff see the "not me" on their start page and on the family's page.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, await newAccount("STAFF", "Jonas"));
  await staff.goto("/staff");
  const notMe = staff.getByRole("region", { name: "Svaret »Det er ikke mig«" });
  await expect(notMe).toBeVisible();
  await expectNoAxeViolations(staff);
  await notMe
    .getByRole("link", { name: /^Mikkel Andersen: inviteret af familien – svaret / })
    .first()
    .click();
  await expect(staff).toHaveURL(new RegExp(`/staff/families/${b.id}$`));
  await expect(staff.getByText(/svarede »Det er ikke mig«/)).toBeVisible();
  await expectNoAxeViolations(staff);
});

test("a mother staff registered confirms her family on first sign-in, its children named", async ({ browser }) => {
  test.setTimeout(180_000); // three phones, axe on each page
  const { db } = await e2eData();
  const suffix = String(Date.now() + 1).slice(-7);
  const motherPhone = `+453${suffix}`;
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, await newAccount("STAFF", "Jonas"));
  await staff.goto("/staff/families/new");
  await hydrated(staff);
  await staff.getByLabel("Fornavn").first().fill("Khadija");
  await staff.getByLabel("Efternavn").first().fill(`Warsame${suffix}`);
  await staff.getByLabel("Mobilnummer").fill(motherPhone.slice(3));
  const child = staff.getByRole("group", { name: "Barn 1 (frivilligt)" });
  await child.getByLabel("Fornavn").fill("Abdi");
  await child.getByLabel("Efternavn").fill(`Warsame${suffix}`);
  await child.getByLabel("Fødselsdato").fill("2016-05-05");
  await staff.getByRole("button", { name: "Opret familien" }).click();
  await expect(staff.getByText("Familien er oprettet.")).toBeVisible();
  await expect(staff.getByText("venter på, at forælderen logger ind og bekræfter familien", { exact: false })).toBeVisible();

  const mother = await (await browser.newContext()).newPage();
  await signIn(mother, motherPhone);
  await expect(mother).toHaveURL(/\/my\/invitations$/);
  await expect(mother.getByRole("heading", { name: "Er det din familie?" })).toBeVisible();
  await expect(mother.getByText("Børn i familien: Abdi")).toBeVisible();
  await expectNoAxeViolations(mother);
  await hydrated(mother);
  await mother.getByRole("button", { name: "Ja, det er min familie" }).click();
  await expect(mother.getByText("Du er nu med i familien.")).toBeVisible();
  await expect(mother.getByText(`Abdi Warsame${suffix}`, { exact: true })).toBeVisible();
  const user = await db.user.findUniqueOrThrow({ where: { phone: motherPhone } });
  expect(await db.auditEvent.count({ where: { action: "household.claimed", actorUserId: user.id } })).toBe(1);
});
