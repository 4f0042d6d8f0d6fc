// Issue 19 in the browser, on the phone viewport: what only a browser shows.
import { expect, test } from "@playwright/test";
import { e2eData, newAccount } from "./db.ts";
import { expectNoAxeViolations, hydrated, signIn } from "./helpers.ts";

// A loaded machine (the build, two workers) needs more than the default 30 s for a flow with axe.
test.describe.configure({ timeout: 120_000 });

test("defect 3: the attendance counter follows every tap, online and offline (Arabic)", async ({ page, context }) => {
  const { db, activity, household, signUpFamily } = await e2eData();
  // A session going on now (started half an hour ago), whatever the time of day the test runs.
  const start = new Date(Date.now() - 30 * 60_000);
  const camp = await activity({ capacity: 5, title: "Tæller", sessions: [{ startsAt: start, endsAt: new Date(start.getTime() + 2 * 3_600_000) }] });
  const family = await household({ children: [{ firstName: "Lina" }, { firstName: "Omar" }] });
  await signUpFamily(camp.id, family);
  const sessionId = camp.sessions[0]!.id;

  await signIn(page, await newAccount("STAFF"));
  await page.goto(`/staff/sessions/${sessionId}?lng=ar`);
  await hydrated(page);
  await expect(page.getByText("حضر 0 من 2")).toBeVisible();

  await page.getByRole("button", { name: /Lina/ }).click();
  await expect(page.getByText("حضر 1 من 2")).toBeVisible();

  // Offline: the mark shows, waits in the queue, and the counter counts it.
  await context.setOffline(true);
  await page.getByRole("button", { name: /Omar/ }).click();
  await expect(page.getByText("حضر 2 من 2")).toBeVisible();
  await expect(page.getByRole("button", { name: /Omar/ }).getByText("لم يُحفظ بعد – نحاول مرة أخرى")).toBeVisible();
  await page.getByRole("button", { name: /Lina/ }).click();
  await expect(page.getByText("حضر 1 من 2")).toBeVisible();

  // Back online, the queue is sent; the database agrees with the counter.
  await context.setOffline(false);
  await expect.poll(async () => db.attendance.count({ where: { sessionId, present: true } }), { timeout: 20_000 }).toBe(1);
  await page.reload();
  await expect(page.getByText("حضر 1 من 2")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("defect 4: after sending, the message form is empty (no second send by accident)", async ({ page }) => {
  const { activity, household, signUpFamily } = await e2eData();
  const camp = await activity({ capacity: 5, title: "Beskeder" });
  await signUpFamily(camp.id, await household());
  await signIn(page, await newAccount("STAFF"));
  await page.goto(`/staff/activities/${camp.id}/messages`);
  await hydrated(page);
  await page.getByLabel("Besked på dansk").fill("Vi mødes ved hallen i morgen.");
  // Issue 20: first who gets it and what it costs in SMS, then the send.
  await page.getByRole("button", { name: "Se modtagere og pris" }).click();
  await expect(page.getByText("1 familie får beskeden på e-mail.")).toBeVisible();
  await expect(page.getByText("Det koster 0 sms i alt.")).toBeVisible();
  await expect(page.getByLabel("Besked på dansk")).toHaveValue("Vi mødes ved hallen i morgen.");
  await page.getByRole("button", { name: "Send beskeden" }).click();
  await expect(page.getByText("Beskeden er sendt til familier: 1")).toBeVisible();
  await expect(page.getByLabel("Besked på dansk")).toHaveValue("");
});

test("defect 10: the cancel question takes the focus, and its 'yes' is the red one", async ({ page }) => {
  const { activity, household, signUpFamily, db } = await e2eData();
  const camp = await activity({ capacity: 5, title: "Afmeldes" });
  const email = `parent-${crypto.randomUUID().slice(0, 8)}@example.dk`;
  const family = await household({ guardianEmail: email, children: [{ firstName: "Lina" }] });
  await signUpFamily(camp.id, family);
  await signIn(page, email);
  await page.goto("/my");
  await hydrated(page);
  await page.getByRole("link", { name: "Afmeld Lina" }).first().click();
  const box = page.getByRole("alertdialog");
  await expect(box).toBeFocused();
  const yes = box.getByRole("button", { name: "Ja" });
  await expect(yes).toHaveClass(/\bbg-red-700\b/); // the danger variant, unlike every other button on the page
  await expectNoAxeViolations(page);
  await yes.click();
  await expect(page.getByText("Afmeldt. Pladsen er ledig igen.")).toBeVisible();
  expect(await db.enrolment.count({ where: { activityId: camp.id, status: "CONFIRMED" } })).toBe(0);
});

test("defect 11: 'tick to give consent' goes away when the box is ticked", async ({ page }) => {
  const { activity, household } = await e2eData();
  const camp = await activity({ capacity: 5, title: "Samtykke" });
  const email = `parent-${crypto.randomUUID().slice(0, 8)}@example.dk`;
  await household({ guardianEmail: email, children: [{ firstName: "Sara" }] });
  await signIn(page, email);
  await page.goto(`/activities/${camp.slug}`);
  await hydrated(page);
  await page.getByLabel(/Sara/).check();
  await page.getByRole("button", { name: "Tilmeld", exact: true }).click();
  const error = page.getByText("Sæt kryds for at give samtykke.");
  await expect(error).toBeVisible();
  await page.getByLabel(/giver samtykke/).check();
  await expect(error).toHaveCount(0);
  await expect(page.getByLabel(/giver samtykke/)).not.toHaveAttribute("aria-invalid", "true");
});

test("defect 6: a session on a later day warns before attendance is taken (Arabic, phone)", async ({ page }) => {
  const { db, activity, household, signUpFamily } = await e2eData();
  const camp = await activity({ capacity: 5, title: "Senere" });
  const family = await household({ children: [{ firstName: "Lina" }] });
  await signUpFamily(camp.id, family);
  const sessionId = camp.sessions[0]!.id;
  await signIn(page, await newAccount("STAFF"));
  await page.goto(`/staff/sessions/${sessionId}?lng=ar`);
  await hydrated(page);
  await expect(page.getByRole("alert")).toContainText("ولم يحن بعد");
  await expect(page.getByRole("button", { name: /Lina/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "سجّل الحضور رغم ذلك" }).click();
  await page.getByRole("button", { name: /Lina/ }).click();
  await expect(page.getByText("حضر 1 من 1")).toBeVisible();
  await expect.poll(async () => db.attendance.count({ where: { sessionId, present: true } }), { timeout: 20_000 }).toBe(1);
});

test("defects 12 and 14 as a reader sees them: the time range reads start to end in Arabic, and a 'just come' badge is no button", async ({ page }) => {
  const { activity } = await e2eData();
  const start = new Date("2027-01-14T15:00:00Z");
  const camp = await activity({ title: "Tidsrum", sessions: [{ startsAt: start, endsAt: new Date(start.getTime() + 90 * 60_000) }] });
  await page.goto(`/activities/${camp.slug}?lng=ar`);
  // Where each time is drawn in the line that holds the range: in a right-to-left page it must still read 16:00 (left) – 17:30 (right).
  const [from, to] = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.querySelector("main")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent!;
      if (!text.includes("16:00–17:30")) continue;
      const left = (wanted: string) => {
        const range = document.createRange();
        range.setStart(node, text.indexOf(wanted));
        range.setEnd(node, text.indexOf(wanted) + wanted.length);
        return range.getBoundingClientRect().left;
      };
      return [left("16:00"), left("17:30")];
    }
    return [null, null];
  });
  expect(from).not.toBeNull();
  expect(from!).toBeLessThan(to!);

  await activity({ title: "Bare mød op", requiresSignUp: false, capacity: null });
  await page.goto("/activities?lng=ar");
  // Gender-neutral too: "فقط تعال" spoke to one boy.
  const badge = page.getByText("لا حاجة إلى التسجيل – تعالوا فقط").first();
  await expect(badge).toBeVisible();
  const style = await badge.evaluate((element) => {
    const css = getComputedStyle(element);
    return { top: css.borderTopWidth, end: css.borderInlineEndWidth, start: css.borderInlineStartWidth, cursor: css.cursor };
  });
  // Framed on all four sides like the secondary button before; now a bar at the start only.
  expect(style).toEqual({ top: "0px", end: "0px", start: "4px", cursor: "auto" });
  await expectNoAxeViolations(page);
});
