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
  const body = await outbox.getByTestId("outbox-body").first().textContent();
  await outbox.close();
  const code = /\b(\d{6})\b/.exec(body ?? "")?.[1];
  if (!code) throw new Error(`no code for ${recipient} in the outbox`);
  return code;
}
