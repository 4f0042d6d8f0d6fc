// The activity editor in the browser: a staff member creates a weekly
// lektiecafé with a holiday gap (on a phone) and a summer camp with 20
// places in all three languages (at desktop width), moves a session, and
// publishes; axe on every editor page; without JavaScript the server's
// errors come back translated with what was typed; partners may not edit.
import { expect, test, type Page } from "@playwright/test";
import { addDaysToDay, copenhagenDay, localParts, mondayOf } from "../../app/domain/dates.ts";
import { expandPlan } from "../../app/domain/activities/series.ts";
import { e2eData, newAccount } from "./db.ts";
import { expectNoAxeViolations, hydrated, signIn } from "./helpers.ts";

/** A user of our own with a role (other tests sign the demo accounts in at the same time). */
async function ids() {
  const { db } = await e2eData();
  const id = async (table: "activityType" | "effortArea", code: string) =>
    table === "activityType"
      ? (await db.activityType.findUniqueOrThrow({ where: { code }, select: { id: true } })).id
      : (await db.effortArea.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
  return {
    homeworkCafe: await id("activityType", "homework-cafe"),
    sportsCamp: await id("activityType", "sports-camp"),
    education: await id("effortArea", "uddannelse"),
    cohesion: await id("effortArea", "sammenhaengskraft"),
  };
}

/** The form that adds sessions (each session's own forms have the same labels). */
const plan = (page: Page) => page.locator("form#session-plan");
const group = (page: Page, legend: string) => page.getByRole("group", { name: legend, exact: true });

async function fillTexts(page: Page, legend: string, texts: { da: string; en?: string; ar?: string }) {
  const fieldset = group(page, legend);
  await fieldset.getByLabel(/^Dansk/).fill(texts.da);
  if (texts.en) await fieldset.getByLabel("Engelsk", { exact: true }).fill(texts.en);
  if (texts.ar) await fieldset.getByLabel("Arabisk", { exact: true }).fill(texts.ar);
}

test("on a phone: a weekly lektiecafé with a holiday gap, the school holidays skipped, one session moved, published", async ({ page }) => {
  test.slow();
  const { db } = await e2eData();
  const { homeworkCafe, education } = await ids();
  await signIn(page, await newAccount("STAFF"));

  await page.goto("/staff/activities/new");
  await expectNoAxeViolations(page);
  await hydrated(page);
  // Sent empty, the form says what is missing (checked in the browser, the same rules as on the server).
  await page.getByRole("button", { name: "Gem kladde og tilføj datoer" }).click();
  await expect(page.getByText("Vælg en type.")).toBeVisible();
  await expect(group(page, "Titel").getByText("Skriv en titel på dansk.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Type", { exact: true }).selectOption(homeworkCafe);
  await page.getByLabel("Indsatsområde", { exact: true }).selectOption(education);
  await fillTexts(page, "Titel", { da: "Lektiecafé i Vangdalen", en: "Homework café in Vangdalen" });
  await fillTexts(page, "Beskrivelse", { da: "Hjælp til lektierne hver mandag og onsdag.", en: "Homework help every Monday and Wednesday." });
  // Arabic is still missing: the form marks it while typing.
  await expect(group(page, "Titel").getByText("Mangler oversættelse – familierne ser den danske tekst")).toBeVisible();
  await page.getByRole("checkbox", { name: /Kræver tilmelding/ }).uncheck();
  await page.getByLabel("Sted (skal udfyldes)").fill("Beboerhuset i Vangdalen");
  await page.getByRole("button", { name: "Gem kladde og tilføj datoer" }).click();

  await expect(page).toHaveURL(/\/staff\/activities\/[0-9a-f-]{36}\/sessions\?done=created$/);
  const activityId = /activities\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
  await expect(page.getByText("Aktiviteten er gemt som kladde. Tilføj nu datoerne.")).toBeVisible();
  await expectNoAxeViolations(page);

  // Six weeks of Mondays and Wednesdays, 15–17, with week 3 off (a holiday gap) and the school holidays skipped.
  const from = addDaysToDay(mondayOf(copenhagenDay(new Date())), 14);
  const until = addDaysToDay(from, 7 * 6 - 1);
  const gap = { from: addDaysToDay(from, 14), until: addDaysToDay(from, 20) };
  await hydrated(page);
  await page.getByRole("button", { name: "Tilføj datoerne" }).click();
  await expect(page.getByText("Vælg, hvordan I mødes.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("radio", { name: "Fast ugentlig tid (fx lektiecafé)" }).check();
  await plan(page).getByLabel("Starter kl.").fill("15:00");
  await plan(page).getByLabel("Slutter kl.").fill("17:00");
  await plan(page).getByLabel("Første dag").fill(from);
  await plan(page).getByLabel("Sidste dag").fill(until);
  await page.getByRole("checkbox", { name: "mandag" }).check();
  await page.getByRole("checkbox", { name: "onsdag" }).check();
  await page.getByLabel("Fra (periode 1)").fill(gap.from);
  await page.getByLabel("Til (periode 1)").fill(gap.until);
  await page.getByRole("checkbox", { name: /Spring skoleferierne over/ }).check();

  const holidays = (await db.schoolHoliday.findMany({ select: { startsOn: true, endsOn: true } })).map((row) => ({
    from: row.startsOn.toISOString().slice(0, 10),
    until: row.endsOn.toISOString().slice(0, 10),
  }));
  const expected = expandPlan(
    { kind: "weekly", weekdays: [1, 3], interval: 1, from, until, startTime: "15:00", endTime: "17:00", skip: [gap], skipSchoolHolidays: true },
    holidays,
  ).sessions;
  expect(expected.length).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Se datoerne" }).click();
  await expect(page.getByText(`Datoer, der bliver tilføjet: ${expected.length}`)).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await db.activitySession.count({ where: { activityId } })).toBe(0);
  await page.getByRole("button", { name: "Tilføj datoerne" }).click();
  await expect(page.getByText(`Datoer tilføjet: ${expected.length}.`)).toBeVisible();

  const sessions = await db.activitySession.findMany({ where: { activityId }, orderBy: { startsAt: "asc" } });
  expect(sessions.map((session) => localParts(session.startsAt).day)).toEqual(expected.map((session) => session.day));
  expect(sessions.some((session) => localParts(session.startsAt).day >= gap.from && localParts(session.startsAt).day <= gap.until)).toBe(false);
  expect(sessions.every((session) => localParts(session.startsAt).time === "15:00")).toBe(true);
  await expectNoAxeViolations(page);

  // Move the first meeting an hour later.
  await hydrated(page);
  const first = page
    .getByRole("listitem")
    .filter({ has: page.getByText("Flyt eller aflys") })
    .first();
  await first.getByText("Flyt eller aflys").click();
  await first.getByLabel("Starter kl.").fill("16:00");
  await first.getByLabel("Slutter kl.").fill("18:00");
  await expectNoAxeViolations(page);
  await first.getByRole("button", { name: "Flyt og giv familierne besked" }).click();
  await expect(page.getByText("Datoen er flyttet. Familier, der har fået besked: 0.")).toBeVisible();
  expect(localParts((await db.activitySession.findUniqueOrThrow({ where: { id: sessions[0]!.id } })).startsAt).time).toBe("16:00");

  // Publish from the edit page, which marks the missing Arabic texts.
  await page.goto(`/staff/activities/${activityId}/edit`);
  await expect(page.getByText("Mangler oversættelse", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await hydrated(page);
  await page.getByRole("button", { name: "Offentliggør" }).click();
  await expect(page.getByText("Aktiviteten er offentliggjort og kan ses af familierne.")).toBeVisible();
  expect((await db.activity.findUniqueOrThrow({ where: { id: activityId } })).status).toBe("PUBLISHED");
  expect(await db.auditEvent.count({ where: { entityId: activityId, action: { in: ["activity.create", "sessions.add", "activity.publish"] } } })).toBe(3);
});

test.describe("at desktop width", () => {
  test.use({ viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });

  test("a summer camp with 20 places in Danish, English and Arabic", async ({ page }) => {
    test.slow();
    const { db } = await e2eData();
    const { sportsCamp, cohesion } = await ids();
    const kasper = await db.user.findUniqueOrThrow({ where: { email: "traener@randersnordif.dk" }, select: { id: true } });
    await signIn(page, await newAccount("STAFF"));

    await page.goto("/staff/activities/new");
    await expectNoAxeViolations(page);
    await hydrated(page);
    await page.getByLabel("Type", { exact: true }).selectOption(sportsCamp);
    await page.getByLabel("Indsatsområde", { exact: true }).selectOption(cohesion);
    await fillTexts(page, "Titel", { da: "Sommercamp 2000", en: "Summer camp 2000", ar: "المخيم الصيفي 2000" });
    await fillTexts(page, "Beskrivelse", {
      da: "Fem dage med fodbold, svømning og leg.",
      en: "Five days of football, swimming and games.",
      ar: "خمسة أيام من كرة القدم والسباحة واللعب.",
    });
    await fillTexts(page, "Praktisk information", {
      da: "Tag madpakke og badetøj med.",
      en: "Bring a packed lunch and swimwear.",
      ar: "أحضر وجبة غداء وملابس سباحة.",
    });
    await fillTexts(page, "Vilkår", { da: "Vi tager billeder til hjemmesiden.", en: "We take photos for the website.", ar: "نلتقط صورًا للموقع الإلكتروني." });
    await page.getByLabel("Alder fra").fill("8");
    await page.getByLabel("Alder til").fill("12");
    await page.getByLabel("Antal pladser").fill("20");
    await page.getByLabel("Pris i kroner").fill("200");
    await page.getByLabel("Sted (skal udfyldes)").fill("Randers Nord IF's baner");
    await page.getByLabel("Adresse").fill("Nørrevangsparken 10, 8930 Randers NØ");
    await page.getByLabel("Navn", { exact: true }).fill("Kasper Nielsen");
    await page.getByLabel("Telefon").fill("20 00 00 22");
    await page.getByLabel("E-mail").fill("traener@randersnordif.dk");
    await page.getByRole("checkbox", { name: /Kasper Nielsen/ }).check();
    await page.getByRole("button", { name: "Gem kladde og tilføj datoer" }).click();
    await expect(page).toHaveURL(/\/sessions\?done=created$/);
    const activityId = /activities\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
    await expectNoAxeViolations(page);

    const monday = addDaysToDay(mondayOf(copenhagenDay(new Date())), 35);
    await hydrated(page);
    await page.getByRole("radio", { name: "Dage i træk (fx sommercamp)" }).check();
    await plan(page).getByLabel("Starter kl.").fill("09:00");
    await plan(page).getByLabel("Slutter kl.").fill("15:00");
    await plan(page).getByLabel("Første dag").fill(monday);
    await plan(page).getByLabel("Sidste dag").fill(addDaysToDay(monday, 4));
    await page.getByRole("button", { name: "Tilføj datoerne" }).click();
    await expect(page.getByText("Datoer tilføjet: 5.")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(`/staff/activities/${activityId}/edit`);
    await expect(page.getByText("Mangler oversættelse", { exact: true })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await hydrated(page);
    await page.getByRole("button", { name: "Offentliggør" }).click();
    await expect(page.getByText("Aktiviteten er offentliggjort og kan ses af familierne.")).toBeVisible();

    const camp = await db.activity.findUniqueOrThrow({ where: { id: activityId }, include: { sessions: true, partners: true } });
    expect(camp).toMatchObject({
      status: "PUBLISHED",
      capacity: 20,
      capacityUnit: "PERSON",
      priceOre: 20000,
      minAge: 8,
      maxAge: 12,
      title: { da: "Sommercamp 2000", en: "Summer camp 2000", ar: "المخيم الصيفي 2000" },
      terms: { da: "Vi tager billeder til hjemmesiden.", en: "We take photos for the website.", ar: "نلتقط صورًا للموقع الإلكتروني." },
      contactPhone: "+4520000022",
    });
    expect(camp.sessions).toHaveLength(5);
    expect(camp.partners.map((partner) => partner.userId)).toEqual([kasper.id]);

    // Families see it in their language.
    await page.goto(`/activities/${camp.slug}?lng=ar`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("المخيم الصيفي 2000");
    await page.goto(`/activities/${camp.slug}?lng=en`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Summer camp 2000");
    // The editor in English passes axe too.
    await page.goto(`/staff/activities/${activityId}/edit?lng=en`);
    await expect(page.getByRole("heading", { name: "Status" })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto(`/staff/activities/${activityId}/sessions?lng=ar`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expectNoAxeViolations(page);
  });
});

test.describe("without JavaScript", () => {
  // axe needs JavaScript in the page: the pages with errors are checked by the tests above.
  test.use({ javaScriptEnabled: false });

  test("the server's errors come back translated, and what was typed stays", async ({ page }) => {
    await signIn(page, await newAccount("STAFF"), undefined, { javaScript: false });
    await page.goto("/staff/activities/new");
    await group(page, "Titel")
      .getByLabel(/^Dansk/)
      .fill("Fodbold for piger");
    await group(page, "Titel").getByLabel("Engelsk", { exact: true }).fill("Football for girls");
    await page.getByLabel("Alder fra").fill("12");
    await page.getByLabel("Alder til").fill("9");
    await page.getByLabel("Pris i kroner").fill("12,505");
    await page.getByRole("button", { name: "Gem kladde og tilføj datoer" }).click();
    await expect(page.getByText("Vælg en type.")).toBeVisible();
    await expect(page.getByText("Skriv en beskrivelse på dansk.")).toBeVisible();
    await expect(page.getByText('"Alder til" må ikke være lavere end "alder fra".')).toBeVisible();
    await expect(page.getByText("Skriv prisen i kroner, fx 150 eller 12,50.")).toBeVisible();
    await expect(group(page, "Titel").getByLabel(/^Dansk/)).toHaveValue("Fodbold for piger");
    await expect(group(page, "Titel").getByLabel("Engelsk", { exact: true })).toHaveValue("Football for girls");
    await expect(page.getByLabel("Pris i kroner")).toHaveValue("12,505");

    // The same in Arabic.
    await page.goto("/staff/activities/new?lng=ar");
    await page.getByRole("button", { name: "احفظ المسودة وأضف المواعيد" }).click();
    await expect(page.getByText("اكتب عنوانًا باللغة الدنماركية.")).toBeVisible();
  });
});

test("partners may not open the editor", async ({ page }) => {
  const { db } = await e2eData();
  const lektiecafe = await db.activity.findUniqueOrThrow({ where: { slug: "lektiecafe-jennumparken" }, select: { id: true } });
  await signIn(page, await newAccount("PARTNER"));
  expect((await page.goto("/staff/activities/new"))?.status()).toBe(403);
  expect((await page.goto(`/staff/activities/${lektiecafe.id}/edit`))?.status()).toBe(403);
  expect((await page.goto(`/staff/activities/${lektiecafe.id}/sessions`))?.status()).toBe(403);
  const post = await page.request.post(`/staff/activities/${lektiecafe.id}/edit`, {
    form: { intent: "publish" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(post.status()).toBe(403);
});
