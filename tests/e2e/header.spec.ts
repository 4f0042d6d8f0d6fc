// The first screen of a 360 × 640 phone: how much the header takes before the page starts (issue 19: it took 30 %
// before the attendance list began), and tap targets of at least 44 × 44 px on a few pages, footer and back links
// included. The numbers are printed so a change can be compared (docs and the merge note quote them).
import { expect, test, type Page } from "@playwright/test";
import { e2eData, newAccount } from "./db.ts";
import { hydrated, signIn } from "./helpers.ts";

const PHONE = { width: 360, height: 640 };

/** The header's height and what of the page shows above the fold (headings, list items, buttons, fields). */
async function firstScreen(page: Page) {
  return page.evaluate((height) => {
    const header = document.querySelector("body header")!.getBoundingClientRect();
    const seen: string[] = [];
    for (const element of document.querySelectorAll("main h1, main h2, main h3, main li, main label, main button, main p")) {
      const box = element.getBoundingClientRect();
      if (box.height === 0 || box.bottom > height) continue;
      if (element.closest("li") && element.tagName !== "LI") continue;
      seen.push((element.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40));
    }
    return { headerHeight: Math.round(header.height), mainTop: Math.round(document.querySelector("main")!.getBoundingClientRect().top), seen };
  }, PHONE.height);
}

/** Links, buttons and summaries on the page smaller than 44 × 44 px (inline links inside a sentence are exempt, as in WCAG 2.5.5). */
async function smallTargets(page: Page) {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>("a[href], button, summary, input[type=submit]")) {
      // A link stretched over its card (an absolute ::after) is as big as the card.
      const after = getComputedStyle(element, "::after");
      const stretched = after.content !== "none" && after.position === "absolute" && element.offsetParent;
      const box = (stretched ? element.offsetParent! : element).getBoundingClientRect();
      // Not shown (the wide screen's menu on a phone), or shown only on focus (the skip link, sr-only until then).
      if (box.width <= 1 && box.height <= 1) continue;
      if (getComputedStyle(element).visibility === "hidden") continue;
      const parent = element.parentElement;
      const inSentence =
        element.tagName === "A" &&
        parent !== null &&
        ["P", "SPAN", "TD", "DD", "LI"].includes(parent.tagName) &&
        [...parent.childNodes].some((node) => node !== element && node.nodeType === Node.TEXT_NODE && (node.textContent ?? "").trim().length > 1);
      if (inSentence) continue;
      if (box.width < 44 - 0.5 || box.height < 44 - 0.5)
        small.push(`${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return small;
  });
}

test.describe("a phone's first screen (360 × 640)", () => {
  test.use({ viewport: PHONE });

  test("the header takes at most an eighth of the first screen on the attendance page and My activities", async ({ page }) => {
    test.slow();
    const { db } = await e2eData();
    const lektiecafe = await db.activity.findUniqueOrThrow({ where: { slug: "lektiecafe-jennumparken" }, select: { id: true } });
    const start = new Date();
    start.setUTCHours(14, 0, 0, 0);
    const session = await db.activitySession.create({ data: { activityId: lektiecafe.id, startsAt: start, endsAt: new Date(start.getTime() + 7_200_000) } });
    const email = await newAccount("STAFF", "Header");
    await signIn(page, email);
    for (const language of ["da", "ar"]) {
      await page.goto(`/staff/sessions/${session.id}?lng=${language}`);
      const staffScreen = await firstScreen(page);
      console.log(
        `[header] attendance page (${language}) at 360×640: header ${staffScreen.headerHeight} px (${Math.round((staffScreen.headerHeight / PHONE.height) * 100)} %), main starts at ${staffScreen.mainTop} px; first screen: ${JSON.stringify(staffScreen.seen)}`,
      );
      expect.soft(staffScreen.headerHeight).toBeLessThanOrEqual(PHONE.height / 8);
    }
    await page.context().clearCookies();
    const { household } = await e2eData();
    const parentEmail = `header-${crypto.randomUUID().slice(0, 8)}@example.dk`;
    await household({ guardianEmail: parentEmail, language: "ar" });
    await signIn(page, parentEmail);
    await page.goto("/my?lng=ar");
    const parentScreen = await firstScreen(page);
    console.log(
      `[header] My activities at 360×640: header ${parentScreen.headerHeight} px (${Math.round((parentScreen.headerHeight / PHONE.height) * 100)} %), main starts at ${parentScreen.mainTop} px; first screen: ${JSON.stringify(parentScreen.seen)}`,
    );
    expect.soft(parentScreen.headerHeight).toBeLessThanOrEqual(PHONE.height / 8);
  });

  test("every link and button is at least 44 × 44 px, the menu's too, footer and back links included", async ({ page }) => {
    test.slow();
    for (const path of ["/", "/activities", "/login", "/privacy"]) {
      await page.goto(path);
      expect.soft(await smallTargets(page), path).toEqual([]);
    }
    await signIn(page, await newAccount("STAFF", "Targets"));
    const { db } = await e2eData();
    const activity = await db.activity.findUniqueOrThrow({ where: { slug: "lektiecafe-jennumparken" }, select: { id: true } });
    for (const path of ["/staff", "/staff?view=week", `/staff/activities/${activity.id}`, "/staff/reports", "/account"]) {
      await page.goto(path);
      await hydrated(page);
      expect.soft(await smallTargets(page), path).toEqual([]);
      // The menu open: its links and the language buttons.
      const menu = page.locator("details[data-menu]");
      if (await menu.isVisible()) {
        await menu.locator("summary").click();
        expect.soft(await smallTargets(page), `${path} with the menu open`).toEqual([]);
        await menu.locator("summary").click();
      }
    }
  });
});
