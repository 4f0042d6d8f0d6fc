import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** A click before React hydrates is lost; wait for root's marker. */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Reads the newest code sent to a recipient from the dev outbox page. */
export async function codeFromOutbox(page: Page, recipient: string): Promise<string> {
  const outbox = await page.context().newPage();
  await outbox.goto(`/dev/outbox?to=${encodeURIComponent(recipient)}`);
  // The newest message with a code: other messages (a confirmation) may have arrived since.
  const bodies = await outbox.getByTestId("outbox-body").allTextContents();
  await outbox.close();
  const code = bodies.map((body) => /\b(\d{6})\b/.exec(body)?.[1]).find(Boolean);
  if (!code) throw new Error(`no code for ${recipient} in the outbox`);
  return code;
}

/** Signs in through the real form with the code from the outbox; the page ends signed in. */
export async function signIn(page: Page, identifier: string, outboxRecipient = identifier, options: { javaScript?: boolean } = {}) {
  const labels = { field: "E-mail eller mobilnummer", send: "Send mig en kode", code: "Kode (6 cifre)", submit: "Log ind" };
  await page.goto("/login");
  if (options.javaScript !== false) await hydrated(page);
  await page.getByLabel(labels.field).fill(identifier);
  await page.getByRole("button", { name: labels.send }).click();
  await expect(page).toHaveURL(/\/login\/code$/);
  await page.getByLabel(labels.code).fill(await codeFromOutbox(page, outboxRecipient));
  await page.getByRole("button", { name: labels.submit, exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** The newest outbox message to a recipient that contains a text (e.g. an offer link), waiting for delivery. */
export async function outboxMessage(page: Page, recipient: string, containing: string): Promise<string> {
  const outbox = await page.context().newPage();
  let body = "";
  await expect
    .poll(
      async () => {
        await outbox.goto(`/dev/outbox?to=${encodeURIComponent(recipient)}`);
        const bodies = await outbox.getByTestId("outbox-body").allTextContents();
        body = bodies.find((text) => text.includes(containing)) ?? "";
        return body;
      },
      { timeout: 15_000, intervals: [250, 500, 1000] },
    )
    .not.toBe("");
  await outbox.close();
  return body;
}
