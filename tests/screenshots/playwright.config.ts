// `npm run screenshots`: the staff pages at 1280 px and the family pages at 360 px, in Danish and Arabic, written to
// docs/screenshots/ so a reader sees the product without running it. The browser tests' set-up (their own server
// and database with the demo data, Debian's Chromium), another folder of tests: this one is not part of `npm test`.
import path from "node:path";
import { defineConfig } from "@playwright/test";
import base from "../../playwright.config.ts";

const root = path.resolve(import.meta.dirname, "../..");

export default defineConfig({
  ...base,
  testDir: import.meta.dirname,
  outputDir: path.join(root, ".tmp/screenshot-results"),
  fullyParallel: false,
  workers: 1,
  timeout: 240_000,
  // One image pixel per CSS pixel (the phone profile draws 2.6): the files stay small enough to keep in git.
  use: { ...base.use, deviceScaleFactor: 1 },
  webServer: { ...base.webServer!, cwd: root } as NonNullable<typeof base.webServer>,
});
