// Pocket-money jobs as a teenager does it, on a phone: find Legepatrulje,
// apply at 14, wait for a parent; the parent opens the link in the message
// and says yes; the young person sees the step with its date. Plus the form
// without JavaScript, and the pages in Arabic.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import type { Prisma } from "../../app/generated/prisma/client.ts";
import { e2eData } from "./db.ts";
import { expectNoAxeViolations, hydrated, outboxMessage, signIn } from "./helpers.ts";

/** A fresh young person's login of their own (a YOUTH account without details yet). */
async function newTeen() {
  const { db } = await e2eData();
  const email = `teen-${randomUUID().slice(0, 8)}@example.dk`;
  await db.user.create({ data: { role: "YOUTH", email, person: { create: { firstName: "", lastName: "" } } } });
  return email;
}

/** A birth date that makes someone `years` old today, a month past their birthday. */
function birthDateForAge(years: number): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() - 30);
  return date.toISOString().slice(0, 10);
}

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

test("a 14-year-old applies for Legepatrulje and a parent says yes from the message link", async ({ browser }) => {
  // A long walk through five pages and two people: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const teen = await newTeen();
  const guardianEmail = `parent-${randomUUID().slice(0, 8)}@example.dk`;
  const page = await newPage(browser);
  await signIn(page, teen);
  await expect(page).toHaveURL(/\/my\/jobs$/);
  await expect(page.getByText("Du har ikke søgt noget job endnu.")).toBeVisible();

  await page.goto("/jobs");
  await expect(page.getByRole("heading", { level: 1, name: "Lommepengejob" })).toBeVisible();
  await expect(page.getByText("45 kr. i timen").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await hydrated(page);
  await page.getByRole("link", { name: "Legepatrulje i Glarbjergvej-området" }).click();
  await expect(page).toHaveURL(/\/jobs\/legepatrulje-glarbjergvej$/);
  await expect(page.getByText("Mandag og onsdag kl. 15–17", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Søg jobbet" }).click();
  await expect(page).toHaveURL(/\/jobs\/legepatrulje-glarbjergvej\/apply$/);
  await hydrated(page);
  // Sent empty: every problem at once, and still nothing for axe to find.
  await page.getByRole("button", { name: "Send ansøgningen" }).click();
  await expect(page.getByText("Skriv din forælders navn.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Fornavn").fill("Lina");
  await page.getByLabel("Efternavn").fill("Haddad");
  await page.getByLabel("Fødselsdato").fill(birthDateForAge(14));
  await page.getByLabel("Hvor bor du?").selectOption({ label: "Glarbjergvej-området" });
  await page.getByRole("textbox", { name: "Skole", exact: true }).fill("Nørrevangsskolen");
  await page.getByRole("textbox", { name: "Klasse" }).fill("8.a");
  await page.getByLabel("Hvorfor vil du gerne have jobbet?").fill("Jeg passer tit mine små fætre og kan lide at lave lege.");
  await page.getByRole("checkbox", { name: "Hverdage efter skole" }).check();
  await page.getByLabel("Din forælders navn").fill("Rana Haddad");
  await page.getByLabel("Din forælders e-mail").fill(guardianEmail);
  await page.getByRole("button", { name: "Send ansøgningen" }).click();

  await expect(page).toHaveURL(/\/my\/jobs\?done=awaitingGuardian$/);
  await expect(page.getByText("Nu skal din forælder sige ja")).toBeVisible();
  await expect(page.getByText("Venter på din forælder", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // The parent, signed out on their own phone, opens the link from the e-mail.
  const parent = await newPage(browser);
  const mail = await outboxMessage(parent, guardianEmail, "/guardian/");
  const link = /https?:\/\/\S+\/guardian\/[a-z2-7]+/.exec(mail)![0];
  await parent.goto(new URL(link).pathname);
  await expect(parent.getByRole("heading", { level: 1 })).toContainText("Lina Haddad har søgt lommepengejobbet");
  await expect(parent.getByText("Mandag og onsdag kl. 15–17", { exact: false })).toBeVisible();
  await expect(parent.getByText("45 kr. i timen")).toBeVisible();
  await expect(parent.getByText("Du er ude i al slags vejr", { exact: false })).toBeVisible();
  await expectNoAxeViolations(parent);
  await hydrated(parent);
  await parent.getByRole("button", { name: "Ja, Lina må søge jobbet" }).click();
  await expect(parent.getByText(/Du sagde ja .*Tak!/)).toBeVisible();
  await expect(parent.getByRole("button", { name: "Ja, Lina må søge jobbet" })).toHaveCount(0);

  // The young person's page: the parent's yes as a step with its date.
  await page.goto("/my/jobs");
  const step = page.getByRole("listitem").filter({ hasText: "Din forælder sagde ja", hasNot: page.getByRole("list") });
  await expect(step).toBeVisible();
  await expect(step.locator("time")).toHaveText(/\d{4}/);
  await expect(page.getByText("Modtaget", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // Their own data: linked from their jobs page, in words for them, with the application in it.
  await page.getByRole("link", { name: "Se, hent eller slet dine data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dine data" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Slet dine data" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe("without JavaScript", () => {
  // axe needs JavaScript in the page: the form with errors is checked in the test above.
  test.use({ javaScriptEnabled: false });

  test("the form keeps what was typed and says what is missing", async ({ page }) => {
    const teen = await newTeen();
    await signIn(page, teen, teen, { javaScript: false });
    await page.goto("/jobs/legepatrulje-glarbjergvej/apply");
    await page.getByLabel("Fornavn").fill("Omar");
    await page.getByLabel("Efternavn").fill("Said");
    await page.getByLabel("Fødselsdato").fill(birthDateForAge(14));
    await page.getByRole("textbox", { name: "Skole", exact: true }).fill("Søndermarkskolen");
    await page.getByRole("checkbox", { name: "Weekender" }).check();
    await page.getByLabel("Din forælders navn").fill("Amal Said");
    await page.getByRole("button", { name: "Send ansøgningen" }).click();

    await expect(page.getByText("Skriv et par sætninger om, hvorfor du vil have jobbet.")).toBeVisible();
    await expect(page.getByText("Skriv din forælders mobilnummer eller e-mail.")).toBeVisible();
    await expect(page.getByText("Skriv din klasse.")).toBeVisible();
    await expect(page.getByLabel("Fornavn")).toHaveValue("Omar");
    await expect(page.getByRole("textbox", { name: "Skole", exact: true })).toHaveValue("Søndermarkskolen");
    await expect(page.getByRole("checkbox", { name: "Weekender" })).toBeChecked();
    await expect(page.getByLabel("Din forælders navn")).toHaveValue("Amal Said");
  });
});

test("a page not signed in sends to sign-in; the jobs list reads right to left in Arabic", async ({ page }) => {
  await page.goto("/jobs/legepatrulje-glarbjergvej/apply");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fjobs%2Flegepatrulje-glarbjergvej%2Fapply/);

  await page.goto("/jobs?lng=ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1, name: "وظائف مصروف الجيب" })).toBeVisible();
  await expect(page.getByRole("link", { name: "دورية اللعب في منطقة Glarbjergvej" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/jobs/legepatrulje-glarbjergvej");
  await expectNoAxeViolations(page);

  expect((await page.request.get("/guardian/abcdefghijklmnopqrstuvwxyz234567")).status()).toBe(404);
});

test("after hiring, the guardian's link shows the written information and the rules — not the shifts — and expires", async ({ page }) => {
  const { db } = await e2eData();
  const { newGuardianToken } = await import("../../app/domain/jobs/guardian.server.ts");
  // A posting of our own, like Legepatrulje, so other tests' counts on the demo postings stay as seeded.
  const {
    id: _id,
    slug: _slug,
    createdAt: _c,
    updatedAt: _u,
    season,
    ...demo
  } = await db.jobPosting.findUniqueOrThrow({ where: { slug: "legepatrulje-glarbjergvej" } });
  const posting = await db.jobPosting.create({
    data: {
      ...demo,
      title: { da: "Legepatrulje i Vangdalen" },
      season: season ?? undefined,
      slug: `legepatrulje-${randomUUID().slice(0, 8)}`,
    } as Prisma.JobPostingUncheckedCreateInput,
  });
  const { token, tokenHash } = newGuardianToken();
  const person = await db.person.create({ data: { firstName: "Yara", lastName: "Nasser", birthDate: new Date(`${birthDateForAge(14)}T00:00:00Z`) } });
  const application = await db.jobApplication.create({
    data: {
      postingId: posting.id,
      personId: person.id,
      motivation: "Jeg kan lide at lege.",
      availability: ["WEEKDAYS"],
      status: "HIRED",
      guardianName: "Mona Nasser",
      guardianEmail: `mona-${randomUUID().slice(0, 8)}@example.dk`,
      guardianTokenHash: tokenHash,
      guardianTokenExpiresAt: new Date(Date.now() + 14 * 86_400_000),
      consentRequired: true,
      guardianAnswerAt: new Date(Date.now() - 10 * 86_400_000),
    },
  });
  const employment = await db.employment.create({
    data: {
      applicationId: application.id,
      postingId: posting.id,
      personId: person.id,
      role: "Legepatrulje-hjælper",
      startsOn: new Date(Date.now() - 7 * 86_400_000),
    },
  });
  const hour = 3_600_000;
  const past = await db.jobShift.create({
    data: {
      postingId: posting.id,
      startsAt: new Date(Date.now() - 2 * 24 * hour),
      endsAt: new Date(Date.now() - 2 * 24 * hour + 2 * hour),
      place: "Gården bag Glarbjergvej 12",
    },
  });
  const next = await db.jobShift.create({
    data: {
      postingId: posting.id,
      startsAt: new Date(Date.now() + 2 * 24 * hour),
      endsAt: new Date(Date.now() + 2 * 24 * hour + 2 * hour),
      place: "Beboerhuset, kælderen",
    },
  });
  await db.shiftAssignment.createMany({
    data: [
      { shiftId: past.id, employmentId: employment.id, workedMinutes: 90, confirmedAt: new Date() },
      { shiftId: next.id, employmentId: employment.id },
    ],
  });

  await page.goto(`/guardian/${token}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Yara Nasser er ansat i lommepengejobbet");
  await expect(page.getByRole("heading", { name: "Det skal du vide som forælder" })).toBeVisible();
  await expect(page.getByText("Første dag")).toBeVisible();
  await expect(page.getByText("Legepatrulje-hjælper")).toBeVisible();
  // The rules for a 14-year-old in school: at most 2 hours on a school day, 12 in a week with school.
  const rules = page.getByRole("table", { name: "Højst antal timer" });
  await expect(rules.getByRole("row", { name: /Skoledage/ })).toContainText(/2\s*12/);
  // A forwarded link must not tell where and when the child will be.
  await expect(page.getByText("Beboerhuset, kælderen")).toHaveCount(0);
  await expect(page.getByText("Gården bag Glarbjergvej 12")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Ja,/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Two weeks on, the same link only says it has expired and whom to call.
  await db.jobApplication.update({ where: { id: application.id }, data: { guardianTokenExpiresAt: new Date(Date.now() - 1000) } });
  await page.goto(`/guardian/${token}`);
  await expect(page.getByRole("heading", { level: 1, name: "Linket er udløbet" })).toBeVisible();
  await expect(page.getByText("Yara")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.goto(`/guardian/${token}?lng=ar`);
  await expect(page.getByRole("heading", { level: 1, name: "انتهت صلاحية هذا الرابط" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("staff create a posting and see it with its counts", async ({ page }) => {
  test.slow(); // the posting form in full, then the list and the posting page, axe on each
  const { db } = await e2eData();
  const email = `jobs-staff-${randomUUID().slice(0, 8)}@example.dk`;
  await db.user.create({ data: { role: "STAFF", email, person: { create: { firstName: "Jobs", lastName: "Staff", email } } } });
  await signIn(page, email);
  await page.goto("/staff/jobs");
  const play = page.getByRole("article").filter({ has: page.getByRole("heading", { name: "Legepatrulje i Glarbjergvej-området" }) });
  await expect(play.getByText(/Venter på forælder: \d/)).toBeVisible();
  await expectNoAxeViolations(page);
  await hydrated(page);
  await page.getByRole("link", { name: "Nyt job" }).click();
  await expect(page).toHaveURL(/\/staff\/jobs\/new$/);
  await expectNoAxeViolations(page);
  await page.getByLabel("Slags job").selectOption({ label: "SoMe-reporter" });
  const group = (legend: string) => page.getByRole("group", { name: legend });
  await group("Titel")
    .getByLabel(/^Dansk/)
    .fill("Foto-hjælper til sommerfesten");
  await group("Det skal du lave")
    .getByLabel(/^Dansk/)
    .fill("Tag billeder til festen.");
  await group("Arbejdstid")
    .getByLabel(/^Dansk/)
    .fill("Lørdag kl. 12–15.");
  await group("Risici")
    .getByLabel(/^Dansk/)
    .fill("Ingen særlige risici.");
  await page.getByLabel("Løn i kroner").fill("52,50");
  await page.getByLabel("Ansøgningsfrist").fill(new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10));
  await page.getByLabel("Arbejdssted").fill("Beboerhuset");
  await page.getByRole("textbox", { name: "Navn", exact: true }).fill("Sofie Jensen");
  await page.getByRole("textbox", { name: "E-mail", exact: true }).fill("sofie@example.dk");
  await page.getByText("Offentliggjort", { exact: true }).click();
  await page.getByRole("button", { name: "Opret jobbet" }).click();
  await expect(page).toHaveURL(/\/staff\/jobs\/[0-9a-f-]{36}\/edit\?done=created$/);
  await expect(page.getByText("Jobbet er oprettet.")).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/jobs/foto-hjaelper-til-sommerfesten");
  await expect(page.getByText("52,50 kr. i timen")).toBeVisible();
});
