// The admin pages in Chromium on a phone: accounts, activity types,
// housing areas and the audit log, axe on every page, forms that keep what
// was typed (also without JavaScript), and no way in for staff.
// Each test signs in with an admin of its own: other tests sign the demo
// admin in at the same time, and a sign-in spends that address's other codes.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { e2eData } from "./db.ts";
import { expectNoAxeViolations, hydrated, signIn } from "./helpers.ts";

const tag = () => randomUUID().slice(0, 8);

async function account(role: "ADMIN" | "STAFF" | "PARTNER" | "PARENT", firstName = "Test") {
  const { db } = await e2eData();
  const email = `e2e-${role.toLowerCase()}-${tag()}@example.dk`;
  const user = await db.user.create({
    data: { role, email, person: { create: { firstName, lastName: `Admintest`, email } } },
    select: { id: true, email: true },
  });
  return { id: user.id, email };
}

async function signInAsAdmin(page: Page, options: { javaScript?: boolean } = {}) {
  const admin = await account("ADMIN", "Alma");
  await signIn(page, admin.email, undefined, options);
  return admin;
}

test("the start page links every section, and an admin creates and manages a partner account", async ({ page }) => {
  test.slow(); // a dozen pages, several checked by axe
  const { db } = await e2eData();
  await signInAsAdmin(page);
  await page.goto("/admin");
  await expect(page).toHaveTitle("Administration · Aktivitetsportalen");
  await expectNoAxeViolations(page);
  for (const name of ["Brugere og roller", "Aktivitetstyper", "Boligområder", "Log over ændringer"]) {
    await expect(page.getByRole("link", { name: new RegExp(name) })).toBeVisible();
  }
  await page.getByRole("link", { name: /Brugere og roller/ }).click();
  await expect(page.getByRole("heading", { name: "Brugere og roller", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  // Create: a bad number comes back translated, with everything typed still there.
  await page.getByRole("link", { name: "Opret medarbejder eller samarbejdspartner" }).click();
  await expectNoAxeViolations(page);
  await hydrated(page);
  const surname = `Holm${tag()}`;
  await page.getByLabel("Fornavn").fill("Karen");
  await page.getByLabel("Efternavn").fill(surname);
  await page.getByLabel("Mobilnummer").fill("12 34");
  await page.getByLabel("Samarbejdspartner").check();
  await page.getByLabel("Organisation").selectOption({ label: "Randers Bibliotek" });
  await page.getByRole("button", { name: "Opret konto" }).click();
  await expect(page.getByText("Skriv et dansk mobilnummer med 8 cifre.")).toBeVisible();
  await expect(page.getByLabel("Efternavn")).toHaveValue(surname);
  await expectNoAxeViolations(page);
  const phone = `4${String(Date.now()).slice(-7)}`;
  await page.getByLabel("Mobilnummer").fill(`${phone.slice(0, 2)} ${phone.slice(2, 4)} ${phone.slice(4, 6)} ${phone.slice(6)}`);
  await page.getByRole("button", { name: "Opret konto" }).click();
  await expect(page.getByText("Kontoen er oprettet.", { exact: false })).toBeVisible();
  await expect(page.getByRole("heading", { name: new RegExp(`Karen ${surname}`) })).toBeVisible();
  await expect(page.getByText(`+45${phone}`)).toBeVisible();
  await expectNoAxeViolations(page);
  const created = await db.user.findUniqueOrThrow({ where: { phone: `+45${phone}` }, include: { organisation: true } });
  expect(created).toMatchObject({ role: "PARTNER", organisation: { name: "Randers Bibliotek" } });

  // Found by the list's search, then promoted to staff, then disabled.
  await page.goto("/admin/users");
  await hydrated(page);
  await page.getByLabel("Navn, e-mail eller telefonnummer").fill(surname);
  await page.getByRole("button", { name: "Søg", exact: true }).click();
  await expect(page.getByText("Fundet: 1")).toBeVisible();
  await page.getByRole("link", { name: `Karen ${surname}` }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${created.id}$`));
  await page.getByLabel("Rolle", { exact: true }).selectOption({ label: "Medarbejder" });
  await page.getByRole("button", { name: "Gem rolle og organisation" }).click();
  await expect(page.getByText("Ændringerne er gemt.")).toBeVisible();
  await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { id: created.id } })).role).toBe("STAFF");
  await page.getByRole("button", { name: "Deaktivér kontoen" }).click();
  await expect(page.getByText("Kontoen er deaktiveret og logget ud.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Aktivér kontoen" })).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: created.id } })).disabledAt).not.toBeNull();
  await expectNoAxeViolations(page);
});

test("an admin's own page explains that they cannot demote or disable themselves", async ({ page }) => {
  const admin = await signInAsAdmin(page);
  await page.goto(`/admin/users/${admin.id}`);
  await expect(page.getByText("Du kan ikke selv fratage dig den", { exact: false })).toBeVisible();
  await expect(page.getByText("Du kan ikke deaktivere din egen konto.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Deaktivér kontoen" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("activity types: create with three names and a picture, edit, and a type in use cannot be deleted", async ({ page }) => {
  test.slow(); // five pages and forms; 29 s on two loaded cores
  const { db } = await e2eData();
  await signInAsAdmin(page);
  await page.goto("/admin/types");
  await expectNoAxeViolations(page);
  await expect(page.getByRole("columnheader", { name: "Aktiviteter" })).toBeVisible();

  await page.getByRole("link", { name: "Opret aktivitetstype" }).click();
  await hydrated(page);
  const code = `kreativ-${tag()}`;
  await page.getByLabel("Kode").fill("Ikke gyldig");
  await page.getByLabel("Navn på dansk").fill("Kreativt værksted");
  await page.getByRole("button", { name: "Opret aktivitetstype" }).click();
  await expect(page.getByText("Brug kun små bogstaver", { exact: false })).toBeVisible();
  await expect(page.getByText("Vælg et billede.")).toBeVisible();
  await expect(page.getByLabel("Navn på dansk")).toHaveValue("Kreativt værksted");
  await expectNoAxeViolations(page);
  await page.getByLabel("Kode").fill(code);
  await page.getByLabel("Navn på engelsk").fill("Creative workshop");
  await page.getByLabel("Navn på arabisk").fill("ورشة إبداعية");
  await page.getByLabel("Hjerte").check();
  await page.getByLabel("Uden tilmelding").check();
  await page.getByRole("button", { name: "Opret aktivitetstype" }).click();
  await expect(page).toHaveURL(/\/admin\/types\?done=created$/);
  await expect(page.getByText("Oprettet.")).toBeVisible();
  const type = await db.activityType.findUniqueOrThrow({ where: { code } });
  expect(type).toMatchObject({ name: { da: "Kreativt værksted", en: "Creative workshop", ar: "ورشة إبداعية" }, icon: "heart", dropIn: true });

  await page.getByRole("link", { name: "Kreativt værksted" }).first().click();
  await expectNoAxeViolations(page);
  await hydrated(page);
  await page.getByLabel("Navn på dansk").fill("Kreativ klub");
  await page.getByRole("button", { name: "Gem ændringer" }).click();
  await expect(page.getByText("Ændringerne er gemt.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Kreativ klub" }).first()).toBeVisible();

  // The demo's homework café type has activities: no delete button, and why.
  const used = await db.activityType.findUniqueOrThrow({ where: { code: "homework-cafe" } });
  await page.goto(`/admin/types/${used.id}`);
  await expect(page.getByText("Den kan ikke slettes, fordi aktiviteterne", { exact: false })).toBeVisible();
  await expect(page.getByRole("button", { name: "Slet aktivitetstypen" })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // The unused new one can go.
  await page.goto(`/admin/types/${type.id}`);
  await hydrated(page);
  await page.getByRole("button", { name: "Slet aktivitetstypen" }).click();
  await expect(page.getByText("Slettet.")).toBeVisible();
  expect(await db.activityType.count({ where: { id: type.id } })).toBe(0);
});

test("housing areas: create one for the next plan period, end it, and an area people live in cannot be deleted", async ({ page }) => {
  const { db } = await e2eData();
  await signInAsAdmin(page);
  await page.goto("/admin/areas");
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Opret boligområde" }).click();
  await expectNoAxeViolations(page);
  await hydrated(page);
  const code = `nyt-${tag()}`;
  const name = `Nyt område ${code}`;
  await page.getByLabel("Kode").fill(code);
  await page.getByLabel("Navn", { exact: true }).fill(name);
  await page.getByLabel("Med i planen fra").fill("2027-01-01");
  await page.getByLabel("Med i planen til og med").fill("2026-12-31");
  await page.getByRole("button", { name: "Opret boligområde" }).click();
  await expect(page.getByText("Slutdatoen må ikke ligge før startdatoen.")).toBeVisible();
  await page.getByLabel("Med i planen til og med").fill("2030-12-31");
  await page.getByRole("button", { name: "Opret boligområde" }).click();
  await expect(page).toHaveURL(/\/admin\/areas\?done=created$/);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("1. januar 2027 – 31. december 2030");

  const lived = await db.housingArea.findUniqueOrThrow({ where: { code: "gl-jennumparken" } });
  await page.goto(`/admin/areas/${lived.id}`);
  await expect(page.getByText("Området kan ikke slettes, fordi det er i brug.", { exact: false })).toBeVisible();
  await expect(page.getByText(/^Beboere: [\d.]+$/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Slet boligområdet" })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("the audit log shows who changed what, filtered, with before and after", async ({ page }) => {
  const { db } = await e2eData();
  const admin = await signInAsAdmin(page);
  const target = await account("PARENT", "Jens");
  await page.goto(`/admin/users/${target.id}`);
  await hydrated(page);
  await page.getByLabel("Rolle", { exact: true }).selectOption({ label: "Ung" });
  await page.getByRole("button", { name: "Gem rolle og organisation" }).click();
  await expect(page.getByText("Ændringerne er gemt.")).toBeVisible();
  await expect.poll(async () => db.auditEvent.count({ where: { entityId: target.id, actorUserId: admin.id } })).toBe(1);

  await page.goto("/admin/audit");
  await expectNoAxeViolations(page);
  await hydrated(page);
  await page.getByLabel("Hvad blev ændret").selectOption({ label: "Bruger" });
  await page.getByLabel("Handling").selectOption({ label: "Rolle eller organisation ændret" });
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" }).format(new Date());
  await page.getByLabel("Fra dato").fill(today);
  await page.getByRole("button", { name: "Vis", exact: true }).click();
  await expect(page).toHaveURL(/entityType=User/);
  const entry = page.getByRole("listitem").filter({ has: page.locator(`a[href="/admin/users/${target.id}"]`) });
  await expect(entry).toContainText("Alma Admintest");
  await expect(entry).toContainText("Rolle eller organisation ændret");
  await expect(entry).toContainText("Rolle: Forælder");
  await expect(entry).toContainText("Rolle: Ung");
  await expectNoAxeViolations(page);
});

for (const language of ["en", "ar"] as const) {
  test(`the admin pages pass axe in ${language}`, async ({ page }) => {
    test.slow(); // axe on every admin page
    const { db } = await e2eData();
    await signInAsAdmin(page);
    const type = await db.activityType.findUniqueOrThrow({ where: { code: "homework-cafe" } });
    const area = await db.housingArea.findUniqueOrThrow({ where: { code: "vangdalen" } });
    const programme = await db.programme.findFirstOrThrow({ orderBy: { name: "asc" } });
    const staff = await account("STAFF");
    for (const path of [
      "/admin",
      "/admin/users",
      "/admin/users/new",
      `/admin/users/${staff.id}`,
      "/admin/types",
      `/admin/types/${type.id}`,
      "/admin/areas",
      `/admin/areas/${area.id}`,
      "/admin/programmes",
      `/admin/programmes/${programme.id}`,
      "/admin/audit",
    ]) {
      await page.goto(`${path}?lng=${language}`);
      await expect(page.locator("html")).toHaveAttribute("lang", language);
      await expectNoAxeViolations(page);
    }
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(language === "ar" ? "سجل التغييرات" : "Log of changes");
  });
}

test("an admin merges two spellings of one programme: its activities move, and the list says so", async ({ page }) => {
  const { db } = await e2eData();
  await signInAsAdmin(page);
  const kept = await db.programme.create({ data: { name: `Brandkadet ${tag()}` } });
  const typo = await db.programme.create({ data: { name: `Brand-kadet ${tag()}` } });
  const activity = await db.activity.findFirstOrThrow({ where: { programmeId: null }, select: { id: true } });
  await db.activity.update({ where: { id: activity.id }, data: { programmeId: typo.id } });
  await page.goto(`/admin/programmes/${typo.id}`);
  await hydrated(page);
  // In use: it cannot be deleted, and the page says why.
  await expect(page.getByText("Indsatsen bruges af aktiviteter: 1, milepæle: 0.")).toBeVisible();
  await page.getByRole("button", { name: "Læg sammen" }).click();
  await expect(page.getByText("Vælg den indsats, den skal lægges sammen med.")).toBeVisible();
  await page.getByLabel("Læg sammen med", { exact: true }).selectOption({ label: kept.name });
  await page.getByRole("button", { name: "Læg sammen" }).click();
  await expect(page).toHaveURL(/\/admin\/programmes\?done=merged$/);
  await expect(page.getByText("Lagt sammen.")).toBeVisible();
  await expect(page.getByRole("link", { name: typo.name })).toHaveCount(0);
  expect((await db.activity.findUniqueOrThrow({ where: { id: activity.id } })).programmeId).toBe(kept.id);
  await expectNoAxeViolations(page);
});

test("staff and partners get no admin page; anonymous visitors are sent to sign in", async ({ page, request }) => {
  const staff = await account("STAFF");
  await signIn(page, staff.email);
  for (const path of ["/admin", "/admin/users", "/admin/types/new", "/admin/areas", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  await expect(page.getByRole("heading", { name: "Ingen adgang" })).toBeVisible();
  const anonymous = await request.get("/admin/users", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
  expect(anonymous.headers()["location"]).toBe("/login?redirectTo=%2Fadmin%2Fusers");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the area form validates on the server, keeps what was typed, and saves", async ({ page }) => {
    const { db } = await e2eData();
    await signInAsAdmin(page, { javaScript: false });
    await page.goto("/admin/areas/new");
    const code = `uden-js-${tag()}`;
    await page.getByLabel("Kode").fill(code);
    await page.getByLabel("Rækkefølge").fill("");
    await page.getByRole("button", { name: "Opret boligområde" }).click();
    await expect(page.getByText("Skriv navnet.")).toBeVisible();
    await expect(page.getByLabel("Kode")).toHaveValue(code);
    await page.getByLabel("Navn", { exact: true }).fill("Uden JavaScript");
    await page.getByRole("button", { name: "Opret boligområde" }).click();
    await expect(page.getByText("Oprettet.")).toBeVisible();
    expect(await db.housingArea.findUniqueOrThrow({ where: { code } })).toMatchObject({ name: "Uden JavaScript", isPlanArea: true, sortOrder: 0 });
  });
});
