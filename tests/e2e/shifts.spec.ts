// Shifts on a phone: staff try to put a 14-year-old on a 3-hour shift on a
// school day and are refused with the rule named in Danish, put them on a
// 2-hour shift instead, confirm the hours of a past shift with one tap, and
// the young person sees the hours and pocket money. Axe on every page.
// Uses its own staff member and young person (never the demo's Ali).
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addDaysToDay, copenhagenDay, copenhagenInstant, dateOnly } from "../../app/domain/dates.ts";
import { schoolCalendar } from "../../app/domain/jobs/school-calendar.ts";
import { e2eData } from "./db.ts";
import { expectNoAxeViolations, hydrated, signIn } from "./helpers.ts";

async function arrange() {
  const { db } = await e2eData();
  const suffix = randomUUID().slice(0, 8);
  const posting = await db.jobPosting.findUniqueOrThrow({ where: { slug: "legepatrulje-glarbjergvej" }, select: { id: true } });
  const staffEmail = `vagtplan-${suffix}@example.dk`;
  const staff = await db.user.create({ data: { role: "STAFF", email: staffEmail, person: { create: { firstName: "Vagt", lastName: "Planlægger" } } } });

  const today = copenhagenDay(new Date());
  // 14 today and for the next eight weeks: the 15th birthday is 60 days ahead.
  let birthday = addDaysToDay(today, 60);
  if (birthday.endsWith("-02-29")) birthday = addDaysToDay(birthday, 1);
  const birthDate = `${Number(birthday.slice(0, 4)) - 15}${birthday.slice(4)}`;
  const phone = `+4562${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
  const youth = await db.user.create({
    data: { role: "YOUTH", phone, person: { create: { firstName: "Yasmin", lastName: `Vagt${suffix}`, birthDate: new Date(`${birthDate}T00:00:00Z`) } } },
  });
  const application = await db.jobApplication.create({
    data: {
      postingId: posting.id,
      personId: youth.personId,
      motivation: "Jeg kan lide at lege med børn.",
      status: "HIRED",
      guardianName: "Mor",
      guardianTokenHash: randomUUID(),
      consentRequired: true,
      inSchool: true,
    },
  });
  const employment = await db.employment.create({
    data: {
      applicationId: application.id,
      postingId: posting.id,
      personId: youth.personId,
      role: "Legepatrulje-hjælper",
      startsOn: new Date(`${addDaysToDay(today, -30)}T00:00:00Z`),
      inSchool: true,
    },
  });

  // The next school day at least two days ahead (Randers' holidays from the database).
  const holidays = await db.schoolHoliday.findMany({ select: { startsOn: true, endsOn: true } });
  const isSchoolDay = schoolCalendar(holidays.map((h) => ({ startsOn: dateOnly(h.startsOn), endsOn: dateOnly(h.endsOn) })));
  let day = addDaysToDay(today, 2);
  while (!isSchoolDay(day)) day = addDaysToDay(day, 1);
  const place = `Legepladsen ${suffix}`;
  const long = await db.jobShift.create({
    data: {
      postingId: posting.id,
      startsAt: copenhagenInstant(day, "14:00"),
      endsAt: copenhagenInstant(day, "17:00"),
      place,
      slots: 2,
      responsibleUserId: staff.id,
    },
  });
  const short = await db.jobShift.create({
    data: {
      postingId: posting.id,
      startsAt: copenhagenInstant(day, "15:00"),
      endsAt: copenhagenInstant(day, "17:00"),
      place,
      slots: 2,
      responsibleUserId: staff.id,
    },
  });
  // A shift that has just ended, with Yasmin on it and the hours not yet confirmed.
  const end = new Date(Date.now() - 5 * 60_000);
  const past = await db.jobShift.create({
    data: { postingId: posting.id, startsAt: new Date(end.getTime() - 2 * 3_600_000), endsAt: end, place, slots: 1, responsibleUserId: staff.id },
  });
  await db.shiftAssignment.create({
    data: { shiftId: past.id, employmentId: employment.id, assignedById: staff.id, createdAt: new Date(end.getTime() - 3 * 86_400_000) },
  });
  return { staffEmail, phone, employmentId: employment.id, long, short, past, postingId: posting.id };
}

test("staff are refused a 3-hour school-day shift for a 14-year-old, assign 2 hours, confirm hours; the young person sees the pay", async ({
  page,
  browser,
}) => {
  test.slow(); // two sign-ins and seven pages with axe
  const data = await arrange();
  await signIn(page, data.staffEmail);

  // 3 hours on a school day: refused with the rule named.
  await page.goto(`/staff/jobs/shifts/${data.long.id}`);
  await expectNoAxeViolations(page);
  await hydrated(page);
  await page.getByLabel("Hvem?").selectOption(data.employmentId);
  await page.getByRole("button", { name: "Sæt på vagten" }).click();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Det bryder reglerne for unges arbejdstid");
  await expect(alert).toContainText("Yasmin er 14 år: højst 2 timer på en skoledag; denne vagt ville gøre det til 3 timer.");
  await expectNoAxeViolations(page);

  // 2 hours: fine.
  await page.goto(`/staff/jobs/shifts/${data.short.id}`);
  await hydrated(page);
  await page.getByLabel("Hvem?").selectOption(data.employmentId);
  await page.getByRole("button", { name: "Sæt på vagten" }).click();
  await expect(page.getByText("Den unge er sat på vagten og har fået besked.")).toBeVisible();
  await expect(page.getByText(/Yasmin Vagt\w+ \(14 år\)/)).toBeVisible();

  // After a shift: one tap confirms the hours as planned.
  await page.goto(`/staff/jobs/shifts/${data.past.id}`);
  await expectNoAxeViolations(page);
  await hydrated(page);
  await page.getByRole("button", { name: /Som planlagt \(2 timer\)/ }).click();
  await expect(page.getByText("Timerne er godkendt.")).toBeVisible();
  await expect(page.getByText("Godkendt: 2 timer")).toBeVisible();

  // The other staff pages are clean too.
  for (const path of ["/staff/jobs/shifts", `/staff/jobs/${data.postingId}/shifts`, "/staff/jobs/hours", "/staff/holidays"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
  }
  await expect(page.getByRole("heading", { name: "Skoleferier i Randers" })).toBeVisible();

  // The young person: the coming shift, and the confirmed hours with pocket money (2 h × 45 kr.).
  const context = await browser.newContext();
  const youth = await context.newPage();
  await signIn(youth, data.phone);
  await youth.goto("/my/shifts");
  await expect(youth.getByRole("heading", { name: "Mine vagter", level: 1 })).toBeVisible();
  await expect(youth.getByText("Du har tjent 90 kr.")).toBeVisible();
  await expect(youth.getByText("2 timer (vagter: 1)")).toBeVisible();
  // The Friday-style 3-hour shift is shown with the warning up front.
  await expect(youth.getByText("Du er 14 år: højst 2 timer på en skoledag").first()).toBeVisible();
  await expectNoAxeViolations(youth);
  await context.close();
});
