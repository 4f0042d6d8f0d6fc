// The milestone report as a staff member meets it on the demo data: last
// quarter, filtered to "Uddannelse og livschancer", enrolments next to
// unique children per housing area, the year's education milestone marked
// "behind", and the xlsx download holding the page's (shared) numbers with
// small cells suppressed. Axe on the report (also in Arabic), the
// milestones and the print page.
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { copenhagenDay } from "../../app/domain/dates.ts";
import { previousPeriod } from "../../app/domain/reporting/period.ts";
import { formatDay } from "../../app/lib/format.ts";
import { newAccount } from "./db.ts";
import { expectNoAxeViolations, hydrated, signIn } from "./helpers.ts";

/** The rows of a report table on the page: row heading, then the cells as text (Danish thousands dots removed). */
/** A table's rows as text; a Danish number loses its thousands points ("1.234"), the hidden mark ".." stays. */
async function tableRows(page: Page, id: string): Promise<string[][]> {
  return page
    .locator(`#table-${id} tbody tr`)
    .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("th, td")].map((cell) => (cell.textContent ?? "").trim())))
    .then((rows) => rows.map(([label, ...cells]) => [label!, ...cells.map((cell) => (/^\d{1,3}(\.\d{3})*$/.test(cell) ? cell.replaceAll(".", "") : cell))]));
}

test("a staff member reports last quarter for an effort area, sees a milestone behind, and gets the same numbers in Excel", async ({ page }) => {
  test.slow(); // axe on several wide pages: 42 s on two loaded cores
  const lastQuarter = previousPeriod("quarter", copenhagenDay(new Date()));
  const periodText = `${formatDay(lastQuarter.from, "da")} – ${formatDay(lastQuarter.to, "da")}`;

  await signIn(page, await newAccount("STAFF", "Rikke"));
  await page.goto("/staff/reports");
  await expect(page.getByRole("heading", { level: 1, name: "Rapport: deltagere og milepæle" })).toBeVisible();
  // The default is last quarter, everything, exact numbers.
  await expect(page.getByText(`${periodText} · Alle aktiviteter`)).toBeVisible();
  await expectNoAxeViolations(page);

  await hydrated(page);
  // The filters are folded under one line so the key figures come first.
  await page.getByText("Vælg periode og aktiviteter").click();
  await page.getByLabel("Aktiviteter", { exact: true }).selectOption({ label: "Uddannelse og livschancer" });
  await page.getByRole("button", { name: "Vis rapport" }).click();
  await expect(page.getByText(`${periodText} · Uddannelse og livschancer`)).toBeVisible();

  // Enrolments and unique children side by side per housing area.
  const areas = page.locator("#table-areas table");
  await expect(areas.getByRole("columnheader", { name: "Tilmeldinger" })).toBeVisible();
  await expect(areas.getByRole("columnheader", { name: "Unikke deltagere" })).toBeVisible();
  await expect(areas.getByRole("rowheader", { name: "Gl. Jennumparken" })).toBeVisible();
  const exact = await tableRows(page, "areas");
  const uniqueTotal = Number(exact.at(-1)![2]);
  expect(uniqueTotal).toBeGreaterThan(0);
  // A person counts once: the unique total is no more than the attendances.
  expect(uniqueTotal).toBeLessThanOrEqual(Number(exact.at(-1)![4]));
  await expect(page.getByText(/Unikke deltagere tælles én gang/)).toBeVisible();
  await expect(page.getByText(/Flyttede i perioden: .*første gang i perioden/)).toBeVisible();
  // The charts are images with a text alternative, and their numbers are in the tables.
  await expect(page.getByRole("img", { name: /Unikke deltagere pr\. boligområde/ })).toBeVisible();

  // The year's education milestone is behind — said in words, not only by colour.
  const year = copenhagenDay(new Date()).slice(0, 4);
  const milestone = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: `150 børn og unge i Uddannelse og livschancer i ${year}` }) });
  await expect(milestone.getByText("Bagud", { exact: true })).toBeVisible();

  // The shared view on screen, then the download: the same numbers, small cells suppressed.
  await page.getByText("Delt visning (små tal skjult)").click();
  await page.getByRole("button", { name: "Vis rapport" }).click();
  await expect(page.getByText(/^Delt visning: grupper med færre end 5/)).toBeVisible();
  const shared = await tableRows(page, "areas");
  const sharedActivities = await tableRows(page, "activities");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Hent Excel (xlsx)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`rapport-${lastQuarter.from}-${lastQuarter.to}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await file.path());
  const sheetRows = (name: string) => {
    const rows: string[][] = [];
    workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => String(value))));
    return rows.slice(1);
  };
  expect(sheetRows("Boligområder")).toEqual(shared);
  expect(sheetRows("Aktiviteter")).toEqual(sharedActivities);
  const everyCell = workbook.worksheets.flatMap((sheet) => {
    const cells: string[] = [];
    sheet.eachRow((row) => (row.values as unknown[]).forEach((value) => cells.push(String(value))));
    return cells;
  });
  expect(everyCell).toContain("<5");
  const filters = sheetRows("Filtre").map((row) => row.join(" "));
  expect(filters.join("\n")).toContain(`Indsatsområde: Uddannelse og livschancer`);
  expect(workbook.getWorksheet("Definitioner")).toBeTruthy();
});

test("milestones, the print page and the report in Arabic pass axe; a milestone and its status text are saved", async ({ page }) => {
  test.slow(); // five pages, axe on each
  // The CSP allows no inline styles: the progress bars and the print pages must not need any.
  const refused: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) refused.push(message.text());
  });
  await signIn(page, await newAccount("STAFF", "Rikke"));

  await page.goto("/staff/milestones");
  await expect(page.getByRole("heading", { level: 1, name: "Milepæle" })).toBeVisible();
  await expect(page.getByText("Bagud").first()).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Ny milepæl" }).click();
  await hydrated(page);
  await page.getByLabel("Dansk (skal udfyldes)").fill("E2E: 40 fremmøder i lektiecaféen");
  await page.getByLabel("Mål (antal)").fill("0");
  await page.getByLabel("Første dag").fill("2026-01-01");
  await page.getByLabel("Frist").fill("2025-12-31");
  await page.getByRole("button", { name: "Gem milepæl" }).click();
  await expect(page.getByText("Målet skal være mindst 1.")).toBeVisible();
  await expect(page.getByText("Fristen skal ligge på eller efter den første dag.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Mål (antal)").fill("40");
  await page.getByLabel("Frist").fill("2026-12-31");
  await page.getByLabel("Hvad tælles").selectOption({ label: "fremmøder" });
  await page.getByRole("button", { name: "Gem milepæl" }).click();
  await expect(page.getByText("Milepælen er oprettet.")).toBeVisible();

  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "E2E: 40 fremmøder i lektiecaféen" }) });
  await item.getByRole("textbox").fill("Flere end ventet i efterårsferien.");
  await item.getByRole("button", { name: "Gem status" }).click();
  await expect(page.getByText("Statusteksten er gemt.")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "E2E: 40 fremmøder" }).getByRole("textbox")).toHaveValue("Flere end ventet i efterårsferien.");

  await page.goto("/staff/reports/print");
  await expect(page.getByRole("heading", { level: 1, name: "Rapport til bestyrelse og årsrapport" })).toBeVisible();
  await expect(page.getByText("Flere end ventet i efterårsferien.")).toBeVisible();
  await expectNoAxeViolations(page);
  // On paper the document stands alone: the site's header and footer are not printed.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("body > header, header").first()).toBeHidden();
  await expect(page.locator("footer").first()).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator("footer").first()).toBeVisible();

  await page.goto("/staff/reports?lng=ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: "التقرير: المشاركون والمراحل" })).toBeVisible();
  await expectNoAxeViolations(page);
  // A progress bar fills from the right in Arabic (mirrored) and has its width.
  const bar = page.locator("svg rect.fill-brand-700").first();
  await expect(bar).toHaveAttribute("width", /^\d+%$/);
  await page.goto("/staff/reports?lng=da");
  expect(refused).toEqual([]);
});
