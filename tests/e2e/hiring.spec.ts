// The staff pipeline on a phone: from Emil's application (seeded RECEIVED on
// the Legepatrulje posting) to an interview, hiring, the guardian's written
// information, a reference and its print page — axe on every page. Plus a
// form without JavaScript, and a young person's own reference.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2eData, newAccount } from "./db.ts";
import { expectNoAxeViolations, hydrated, outboxMessage, signIn } from "./helpers.ts";

const copenhagenDay = (instant: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen" }).format(instant);

/** A staff account of this test's own (no other test signs it in). */
test("staff book Emil's interview, hire him, and print a reference", async ({ page }) => {
  test.slow(); // seven pages, each checked by axe
  const { db } = await e2eData();
  const posting = await db.jobPosting.findUniqueOrThrow({ where: { slug: "legepatrulje-glarbjergvej" }, select: { id: true } });
  const emil = await db.jobApplication.findFirstOrThrow({ where: { postingId: posting.id, person: { firstName: "Emil" } }, select: { id: true } });

  await signIn(page, await newAccount("STAFF", "Hanne"));
  await page.goto(`/staff/jobs/${posting.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Legepatrulje");
  // Maryam (13) waits for her parent: listed apart, not as ready.
  const waiting = page.locator("section", { has: page.getByRole("heading", { name: /Venter på forælder/ }) });
  await expect(waiting.getByRole("link", { name: /Maryam/ })).toBeVisible();
  const ready = page.locator("section", { has: page.getByRole("heading", { name: /Klar til at blive vurderet/ }) });
  await expect(ready.getByRole("link", { name: /Maryam/ })).toHaveCount(0);
  await expectNoAxeViolations(page);

  // A filter is a GET link.
  await hydrated(page);
  await page.getByLabel("Status").selectOption({ label: "Modtaget" });
  await page.getByRole("button", { name: "Vis" }).click();
  await expect(page).toHaveURL(/status=RECEIVED/);
  await ready.getByRole("link", { name: /Emil/ }).click();

  await expect(page).toHaveURL(new RegExp(`/staff/jobs/applications/${emil.id}$`));
  await expect(page.getByText("Jeg passer tit mine små fætre")).toBeVisible();
  await expectNoAxeViolations(page);

  // Book an interview tomorrow at 15:00.
  await hydrated(page);
  const tomorrow = copenhagenDay(new Date(Date.now() + 86_400_000));
  await page.getByLabel("Dato", { exact: true }).fill(tomorrow);
  await page.getByLabel("Klokkeslæt").fill("15:00");
  await page.getByLabel("Sted").fill("Bysekretariatet, mødelokale 1");
  await page.getByRole("button", { name: "Book samtale" }).click();
  await expect(page.getByText("Samtalen er booket, og den unge har fået besked.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Flyt samtalen" })).toBeVisible();
  // Emil gets an SMS (no attachment by SMS) with the calendar link.
  const sms = await outboxMessage(page, "+4520000032", "samtale om Legepatrulje");
  expect(sms).toContain(`/my/jobs/interview/${emil.id}.ics`);
  expect(sms).toContain("Bysekretariatet, mødelokale 1");
  await expectNoAxeViolations(page);

  // Hire him, open-ended, from today; the role defaults to the job type.
  await hydrated(page);
  await expect(page.getByLabel("Stilling")).toHaveValue("Legepatrulje");
  await page.getByRole("button", { name: "Ansæt", exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/jobs\/employments\/[0-9a-f-]{36}\?done=hired$/);
  await expect(page.getByText("Ansat. Den unge og forælderen har fået besked.")).toBeVisible();
  // The hire confirmation says where the written contract stands.
  await expect(page.getByText(/Ansættelsen varer mere end en måned/)).toBeVisible();
  await expectNoAxeViolations(page);

  // His mother Pia gets the written information by SMS, with her link.
  const information = await outboxMessage(page, "+4520000036", "er ansat som");
  expect(information).toMatch(/\/guardian\/[a-z0-9]+/);

  // The contract prints (Danish), with the legal limits for a young person in school.
  const employmentUrl = page.url().replace(/\?.*$/, "");
  await page.goto(`${employmentUrl}/contract`);
  await expect(page.getByRole("heading", { name: "Skriftlig aftale om lommepengejob" })).toBeVisible();
  await expect(page.getByText("Dage og uger med skole: højst 2 timer om dagen og 12 timer om ugen.")).toBeVisible();
  await expectNoAxeViolations(page);

  // The reference vouches for work done (issue 19, defect 9): Emil worked an afternoon last week, confirmed.
  const employment = await db.employment.findFirstOrThrow({ where: { applicationId: emil.id }, select: { id: true } });
  const lastWeek = new Date(Date.now() - 7 * 86_400_000);
  await db.jobShift.create({
    data: {
      postingId: posting.id,
      startsAt: lastWeek,
      endsAt: new Date(lastWeek.getTime() + 2 * 3_600_000),
      place: "Legepladsen",
      assignments: { create: { employmentId: employment.id, workedMinutes: 120, confirmedAt: new Date() } },
    },
  });

  // The reference: required texts, then "done – print" opens the print page.
  await page.goto(employmentUrl);
  await hydrated(page);
  await page.getByRole("button", { name: "Færdig – udskriv" }).click();
  await expect(page.getByText("Skriv opgaverne.")).toBeVisible();
  await page.getByLabel("Opgaver").fill("Satte lege i gang på legepladsen for børn på 6–10 år.");
  await page.getByLabel("Personlig udtalelse").fill("Emil er mødt til tiden hver gang og er god til at få de små med.");
  // Printing makes it final: first the confirm step (issue 19, defect 9); the texts stay.
  await page.getByRole("button", { name: "Færdig – udskriv" }).click();
  await expect(page.getByText("Sæt kryds for at bekræfte, at anbefalingen er færdig, før den udskrives.")).toBeVisible();
  await expect(page.getByLabel("Opgaver")).toHaveValue("Satte lege i gang på legepladsen for børn på 6–10 år.");
  await page.getByLabel(/Jeg har læst anbefalingen igennem/).check();
  await page.getByRole("button", { name: "Færdig – udskriv" }).click();
  await expect(page).toHaveURL(/\/reference$/);
  await expect(page.getByRole("heading", { name: "Anbefaling", level: 1 })).toBeVisible();
  await expect(page.getByText(/Emil .* har arbejdet som Legepatrulje/)).toBeVisible();
  await expect(page.getByText(/Gem som PDF/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Reference", level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  // The list of employments shows him.
  await page.goto("/staff/jobs/employments?lng=da");
  await expect(page.getByRole("link", { name: /Emil/ })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("under 15 with a parent the young person named: staff confirm who the parent is before hiring, and can send a new link", async ({ page }) => {
  test.slow();
  const { db } = await e2eData();
  const posting = await db.jobPosting.findUniqueOrThrow({ where: { slug: "some-reporter-biblioteket" }, select: { id: true } });
  const born = new Date();
  born.setUTCFullYear(born.getUTCFullYear() - 14);
  const person = await db.person.create({ data: { firstName: "Rami", lastName: "Idkast", birthDate: born } });
  const application = await db.jobApplication.create({
    data: {
      postingId: posting.id,
      personId: person.id,
      motivation: "Jeg vil gerne lave video.",
      availability: ["HOLIDAYS"],
      status: "RECEIVED",
      guardianName: "Far Idkast",
      guardianPhone: "+4520770003",
      guardianTokenHash: randomBytes(32).toString("hex"),
      consentRequired: true,
      // "The parent" said yes, through a number Rami wrote himself.
      guardianAnswerAt: new Date(Date.now() - 86_400_000),
      events: { create: [{ status: "AWAITING_GUARDIAN" }, { status: "RECEIVED" }] },
    },
  });
  await signIn(page, await newAccount("STAFF", "Hanne"));
  await page.goto(`/staff/jobs/applications/${application.id}`);
  await expect(page.getByText("Skrevet af den unge selv – ikke bekræftet.")).toBeVisible();
  await expect(page.getByText(/Bekræft forælderens identitet ovenfor, før du ansætter/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Hiring first is refused, by the rule, with the reason.
  await hydrated(page);
  await page.getByRole("button", { name: "Ansæt", exact: true }).click();
  await expect(page.getByText("Bekræft først forælderens identitet", { exact: false }).first()).toBeVisible();
  expect(await db.employment.count({ where: { applicationId: application.id } })).toBe(0);

  await page.getByRole("radio", { name: "Ved en telefonsamtale" }).check();
  await page.getByRole("button", { name: "Gem bekræftelsen" }).click();
  await expect(page.getByText("Gemt: forælderens identitet er bekræftet.")).toBeVisible();
  await expect(page.getByText(/bekræftet af Hanne .*Ved en telefonsamtale/)).toBeVisible();
  await expectNoAxeViolations(page);

  await hydrated(page);
  await page.getByRole("button", { name: "Ansæt", exact: true }).click();
  await expect(page).toHaveURL(/\/staff\/jobs\/employments\/[0-9a-f-]{36}\?done=hired$/);

  // Back on the application: the information link can be sent again; the old one stops working.
  await page.goto(`/staff/jobs/applications/${application.id}`);
  await hydrated(page);
  const first = await outboxMessage(page, "+4520770003", "/guardian/");
  await page.getByRole("button", { name: "Send et nyt link til forælderen" }).click();
  await expect(page.getByText("Forælderen har fået et nyt link. Det gamle virker ikke længere.")).toBeVisible();
  const oldLink = new URL(/https?:\/\/\S+\/guardian\/[a-z2-7]+/.exec(first)![0]).pathname;
  expect((await page.request.get(oldLink)).status()).toBe(404);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("a refused interview keeps what was typed; the waiting list works with a plain form", async ({ page }) => {
    const { db } = await e2eData();
    const posting = await db.jobPosting.findUniqueOrThrow({ where: { slug: "some-reporter-biblioteket" }, select: { id: true } });
    const person = await db.person.create({ data: { firstName: "Sana", lastName: "Nojs", birthDate: new Date("2011-03-01T00:00:00Z") } });
    const application = await db.jobApplication.create({
      data: {
        postingId: posting.id,
        personId: person.id,
        motivation: "Jeg kan lide at filme.",
        availability: ["HOLIDAYS"],
        status: "RECEIVED",
        guardianName: "Mor Nojs",
        guardianPhone: "+4520770001",
        guardianTokenHash: randomBytes(32).toString("hex"),
        consentRequired: false,
        events: { create: { status: "RECEIVED" } },
      },
    });
    await signIn(page, await newAccount("STAFF", "Hanne"), undefined, { javaScript: false });
    await page.goto(`/staff/jobs/applications/${application.id}`);
    const yesterday = copenhagenDay(new Date(Date.now() - 86_400_000));
    await page.getByLabel("Dato", { exact: true }).fill(yesterday);
    await page.getByLabel("Klokkeslæt").fill("10:00");
    await page.getByLabel("Sted").fill("Biblioteket");
    await page.getByRole("button", { name: "Book samtale" }).click();
    await expect(page.getByText("Samtalen skal ligge ude i fremtiden.")).toBeVisible();
    await expect(page.getByLabel("Sted")).toHaveValue("Biblioteket");
    await page.getByRole("button", { name: "Sæt på venteliste" }).click();
    await expect(page.getByText("Gemt: på venteliste.", { exact: false })).toBeVisible();
    expect((await db.jobApplication.findUniqueOrThrow({ where: { id: application.id } })).status).toBe("WAITING_LIST");
  });
});

test("a young person opens their own reference and interview, and nobody else's", async ({ page }) => {
  const { db } = await e2eData();
  const posting = await db.jobPosting.findUniqueOrThrow({ where: { slug: "ung-ejendomsfunktionaer-vangdalen" }, select: { id: true } });
  const author = await db.user.findFirstOrThrow({ where: { role: "STAFF" }, select: { id: true } });
  const phone = `+452077${String(Date.now()).slice(-4)}`;
  async function employed(firstName: string, withLogin: boolean) {
    const person = await db.person.create({ data: { firstName, lastName: "Ref", birthDate: new Date("2010-05-01T00:00:00Z") } });
    if (withLogin) await db.user.create({ data: { personId: person.id, role: "YOUTH", phone } });
    const application = await db.jobApplication.create({
      data: {
        postingId: posting.id,
        personId: person.id,
        motivation: "Jeg vil gerne arbejde.",
        availability: ["WEEKENDS"],
        status: "HIRED",
        guardianName: "Forælder Ref",
        guardianPhone: "+4520770002",
        guardianTokenHash: randomBytes(32).toString("hex"),
        consentRequired: false,
        interviewAt: new Date(Date.now() + 2 * 86_400_000),
        interviewPlace: "Ejendomskontoret",
      },
    });
    const employment = await db.employment.create({
      data: {
        applicationId: application.id,
        postingId: posting.id,
        personId: person.id,
        role: "Ung ejendomsfunktionær",
        startsOn: new Date("2026-01-05T00:00:00Z"),
        endedOn: new Date("2026-06-30T00:00:00Z"),
        referenceTasks: "Fejede og samlede affald.",
        referenceStatement: `${firstName} var flittig.`,
        referenceById: author.id,
        referenceAt: new Date(),
      },
    });
    return { application, employment };
  }
  const mine = await employed("Yara", true);
  const theirs = await employed("Karim", false);
  await db.jobApplication.update({ where: { id: mine.application.id }, data: { status: "INTERVIEW" } });

  await signIn(page, phone);
  await page.goto(`/my/jobs/references/${mine.employment.id}?lng=da`);
  await expect(page.getByRole("heading", { name: "Anbefaling", level: 1 })).toBeVisible();
  await expect(page.getByText("Yara var flittig.")).toBeVisible();
  await expect(page.getByText(/Gem som PDF/)).toBeVisible();
  await expectNoAxeViolations(page);
  expect((await page.goto(`/my/jobs/references/${theirs.employment.id}`))?.status()).toBe(404);

  const ics = await page.request.get(`/my/jobs/interview/${mine.application.id}.ics`);
  expect(ics.status()).toBe(200);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  expect(await ics.text()).toContain("Ejendomskontoret");
  expect((await page.request.get(`/my/jobs/interview/${theirs.application.id}.ics`)).status()).toBe(404);
});
