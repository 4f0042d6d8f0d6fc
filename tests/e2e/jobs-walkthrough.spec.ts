// Issue #6's "done when", as a new user would try it on the demo data:
// Ali (14) applies for Legepatrulje on his phone (his birth date and his
// mother are on record, so he writes neither), his mother confirms from the
// message link sent to her number on record, in her language (Arabic), staff book an interview and hire him, are refused a
// 3-hour shift on a school day with the rule named, assign a 2-hour shift
// instead, confirm the hours after it, and print a reference at the end.
import { expect, test } from "@playwright/test";
import { dateOnly } from "../../app/domain/dates.ts";
import { e2eData, newAccount } from "./db.ts";
import { expectNoAxeViolations, hydrated, outboxMessage, signIn } from "./helpers.ts";

const ALI = "+4520000002";
const SAMIRA = "+4520000004";

test("Ali applies, his mother says yes, staff hire him, plan lawful shifts, confirm hours and print a reference", async ({ page, browser }) => {
  test.setTimeout(180_000); // three people, a dozen pages, axe on each
  const { db } = await e2eData();
  const ali = await db.person.findFirstOrThrow({ where: { user: { phone: ALI } } });
  const posting = await db.jobPosting.findUniqueOrThrow({ where: { slug: "legepatrulje-glarbjergvej" } });

  // Ali applies on his phone.
  await signIn(page, ALI);
  await page.goto("/jobs");
  await hydrated(page);
  await page.getByRole("link", { name: "Legepatrulje i Glarbjergvej-området" }).click();
  await page.getByRole("link", { name: "Søg jobbet" }).click();
  await hydrated(page);
  await page.getByLabel("Fornavn").fill("Ali");
  await page.getByLabel("Efternavn").fill("Hassan");
  // His birth date is on record and his mother is in his household: neither is his to write.
  await expect(page.getByText("Din fødselsdato er allerede registreret.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Fødselsdato")).toHaveCount(0);
  await expect(page.getByText("Vi spørger Samira Hassan", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Din forælders navn")).toHaveCount(0);
  await page.getByLabel("Hvor bor du?").selectOption({ label: "Glarbjergvej-området" });
  await page.getByRole("textbox", { name: "Skole", exact: true }).fill("Nørrevangsskolen");
  await page.getByRole("textbox", { name: "Klasse" }).fill("8.b");
  await page.getByLabel("Hvorfor vil du gerne have jobbet?").fill("Jeg vil gerne lave lege med de små på legepladsen og tjene mine egne penge.");
  await page.getByRole("checkbox", { name: "Hverdage efter skole" }).check();
  await page.getByRole("button", { name: "Send ansøgningen" }).click();
  await expect(page.getByText("Venter på din forælder", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // Samira opens the link in her SMS and says yes.
  const mother = await (await browser.newContext()).newPage();
  const sms = await outboxMessage(mother, SAMIRA, "/guardian/");
  await mother.goto(new URL(/https?:\/\/\S+\/guardian\/[a-z2-7]+/.exec(sms)![0]).pathname);
  // In Arabic, the language on record for her (not the one Ali would have picked).
  await expect(mother.locator("html")).toHaveAttribute("lang", "ar");
  await expect(mother.getByText("Samira Hassan", { exact: false }).first()).toBeVisible();
  await hydrated(mother);
  await mother.getByRole("button", { name: "نعم، يمكن لـAli التقديم على الوظيفة" }).click();
  await expect(mother.getByText(/وافقت في/)).toBeVisible();

  // Staff see him among the applications to consider, book an interview and hire him.
  const staff = await (await browser.newContext()).newPage();
  await signIn(staff, await newAccount("STAFF", "Jonas"));
  await staff.goto(`/staff/jobs/${posting.id}`);
  const ready = staff.locator("section", { has: staff.getByRole("heading", { name: /Klar til at blive vurderet/ }) });
  await hydrated(staff);
  await ready.getByRole("link", { name: /Ali Hassan/ }).click();
  const tomorrow = dateOnly(new Date(Date.now() + 86_400_000));
  await staff.getByLabel("Dato", { exact: true }).fill(tomorrow);
  await staff.getByLabel("Klokkeslæt").fill("15:30");
  await staff.getByLabel("Sted").fill("Bysekretariatet, mødelokale 1");
  await staff.getByRole("button", { name: "Book samtale" }).click();
  await expect(staff.getByText("Samtalen er booket, og den unge har fået besked.")).toBeVisible();
  expect(await outboxMessage(staff, ALI, "samtale")).toContain("/my/jobs/interview/");
  await staff.getByRole("button", { name: "Ansæt", exact: true }).click();
  await expect(staff.getByText("Ansat. Den unge og forælderen har fået besked.")).toBeVisible();
  const employmentUrl = new URL(staff.url()).pathname;
  expect(await outboxMessage(staff, SAMIRA, "/guardian/")).toContain("Ali");

  // A 3-hour shift on a school day is refused with the rule named; the 2-hour one is allowed.
  const employment = await db.employment.findFirstOrThrow({ where: { personId: ali.id, postingId: posting.id } });
  const party = await db.jobShift.findFirstOrThrow({ where: { postingId: posting.id, note: "Fredagsfest i beboerhuset" } });
  await staff.goto(`/staff/jobs/shifts/${party.id}`);
  await hydrated(staff);
  await staff.getByLabel("Hvem?").selectOption(employment.id);
  await staff.getByRole("button", { name: "Sæt på vagten" }).click();
  await expect(staff.getByRole("alert")).toContainText("Ali er 14 år: højst 2 timer på en skoledag; denne vagt ville gøre det til 3 timer.");
  await expectNoAxeViolations(staff);

  const afternoon = await db.jobShift.findFirstOrThrow({
    where: { postingId: posting.id, note: null, startsAt: { gt: new Date(Date.now() + 86_400_000) }, breakMinutes: 0 },
    orderBy: { startsAt: "asc" },
  });
  await staff.goto(`/staff/jobs/shifts/${afternoon.id}`);
  await hydrated(staff);
  await staff.getByLabel("Hvem?").selectOption(employment.id);
  await staff.getByRole("button", { name: "Sæt på vagten" }).click();
  await expect(staff.getByText("Den unge er sat på vagten og har fået besked.")).toBeVisible();

  // Time passes: the afternoon is over (moved into the past), and staff confirm the hours with one tap.
  const end = new Date(Date.now() - 10 * 60_000);
  await db.jobShift.update({ where: { id: afternoon.id }, data: { startsAt: new Date(end.getTime() - 2 * 3_600_000), endsAt: end } });
  await staff.goto(`/staff/jobs/shifts/${afternoon.id}`);
  await hydrated(staff);
  await staff.getByRole("button", { name: /Som planlagt \(2 timer\)/ }).click();
  await expect(staff.getByText("Timerne er godkendt.")).toBeVisible();

  // Ali sees his hours and pay: 2 hours at 45 kr.
  await page.goto("/my/shifts");
  await expect(page.getByText("Du har tjent 90 kr.")).toBeVisible();

  // At the end, staff write and print the reference.
  await staff.goto(employmentUrl);
  await hydrated(staff);
  await staff.getByLabel("Opgaver").fill("Satte lege i gang på legepladsen for børn på 4–10 år.");
  await staff.getByLabel("Personlig udtalelse").fill("Ali kom til tiden og var god til at få alle børn med.");
  await staff.getByLabel(/Jeg har læst anbefalingen igennem/).check();
  await staff.getByRole("button", { name: "Færdig – udskriv" }).click();
  await expect(staff.getByRole("heading", { name: "Anbefaling", level: 1 })).toBeVisible();
  await expect(staff.getByText(/Ali .* har arbejdet som Legepatrulje/)).toBeVisible();
  await expect(staff.getByText("2 timer", { exact: false }).first()).toBeVisible();
  await expectNoAxeViolations(staff);
});
