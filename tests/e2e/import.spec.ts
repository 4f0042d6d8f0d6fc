// Bringing in the existing lists: staff upload a spreadsheet saved by a
// Danish Excel (Windows-1252, semicolons), check the columns and the preview
// with each row's problem in words, import it and undo it — with and without
// JavaScript, axe on each page.
import { expect, test, type Page } from "@playwright/test";
import { newAccount } from "./db.ts";
import { expectNoAxeViolations, hydrated, signIn } from "./helpers.ts";

/** Text as Windows-1252 bytes (æøå are single bytes). */
const windows1252 = (text: string) => Buffer.from(text, "latin1");

function sheet(tag: string) {
  return windows1252(
    [
      "Fornavn;Efternavn;Fødselsdato;Boligområde;Forælder;Telefon",
      `Søren;Ærø${tag};24-12-2016;Vangdalen;Åse Ærø${tag};20 55 ${tag.slice(0, 2)} ${tag.slice(2, 4)}`,
      `Mia;Ærø${tag};31-02-2017;Vangdalen;Åse Ærø${tag};20 55 ${tag.slice(0, 2)} ${tag.slice(2, 4)}`,
      `Hodan;Farah${tag};2015;Jennumparken Syd;;`,
    ].join("\r\n"),
  );
}

async function upload(page: Page, tag: string, javaScript: boolean) {
  await page.goto("/staff/import");
  if (javaScript) {
    await expectNoAxeViolations(page);
    await hydrated(page);
  }
  await page.getByLabel("Regneark").setInputFiles({ name: "deltagere.csv", mimeType: "text/csv", buffer: sheet(tag) });
  await page.getByLabel("Familier og børn").check();
  await page.getByRole("button", { name: "Hent filen og vis forhåndsvisning" }).click();
  await expect(page).toHaveURL(/\/staff\/import\/[0-9a-f-]{36}$/);
}

// Sign-in, an upload, a preview, an import and an undo: a long walk on a shared machine.
test.describe.configure({ timeout: 120_000 });

const tagOf = () => String(1000 + Math.floor(Math.random() * 9000));

test("staff upload a Windows-1252 list, see each row's problem in words, import it and undo it", async ({ page }) => {
  const tag = tagOf();
  await signIn(page, await newAccount("STAFF"));
  await upload(page, tag, true);
  // The columns as recognised, æøå read right.
  await expect(page.getByLabel("Fødselsdato")).toHaveValue("birthDate");
  await expect(page.getByLabel("Boligområde")).toHaveValue("area");
  await expect(page.getByText("Rækker: 3")).toBeVisible();
  await expect(page.getByText("Nye personer: 1")).toBeVisible();
  await expect(page.getByText(`Søren Ærø${tag} (2016)`)).toBeVisible();
  await expect(page.getByText("Fødselsdato: ugyldig dato (skriv fx 24-12-2016)")).toBeVisible();
  await expect(page.getByText("Boligområde: ukendt boligområde")).toBeVisible();
  await expectNoAxeViolations(page);

  await hydrated(page);
  await page.getByRole("button", { name: "Importér", exact: true }).click();
  await expect(page.getByText("Listen er importeret.")).toBeVisible();
  await expect(page.getByText("Nye familier: 1")).toBeVisible();
  await expectNoAxeViolations(page);

  // The family is in the register now, with the child the list named.
  await page.goto(`/staff/families?q=${encodeURIComponent(`Ærø${tag}`)}`);
  await expect(page.getByText(`Åse Ærø${tag}`)).toBeVisible();

  await page.goto("/staff/import");
  await page.getByRole("link", { name: "deltagere.csv" }).first().click();
  await hydrated(page);
  await page.getByRole("button", { name: "Fortryd importen" }).click();
  await expect(page.getByText("Importen er fortrudt.")).toBeVisible();
  await page.goto(`/staff/families?q=${encodeURIComponent(`Ærø${tag}`)}`);
  await expect(page.getByText(`Åse Ærø${tag}`)).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("upload, a corrected column, preview and import work as plain forms", async ({ page }) => {
    const tag = tagOf();
    await signIn(page, await newAccount("STAFF"), undefined, { javaScript: false });
    await page.goto("/staff/import");
    await page.getByRole("button", { name: "Hent filen og vis forhåndsvisning" }).click();
    await expect(page.getByText("Vælg en fil.")).toBeVisible();
    await upload(page, tag, false);
    // Staff say the area column is not to be used: the unknown area is no longer a problem.
    await page.getByLabel("Boligområde").selectOption("");
    await page.getByRole("button", { name: "Gem kolonner" }).click();
    await expect(page.getByText("Kolonnerne er gemt.")).toBeVisible();
    await expect(page.getByText("Nye personer: 2")).toBeVisible();
    await page.getByRole("button", { name: "Importér", exact: true }).click();
    await expect(page.getByText("Listen er importeret.")).toBeVisible();
    await expect(page.getByText("Rækker med fejl: 1")).toBeVisible();
  });
});
