// Browser tests in Debian's Chromium against the real server (production
// build, its own embedded PostgreSQL with the demo data). Started through
// tests/e2e/run.ts, which finds Chromium and picks free ports.
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: ".tmp/test-results",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL,
    ...devices["Pixel 7"],
    viewport: { width: 390, height: 844 },
    locale: "da-DK",
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `"${process.execPath}" node_modules/tsx/dist/cli.mjs server/index.ts`,
    gracefulShutdown: { signal: "SIGINT", timeout: 20_000 },
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "55100",
      EMBEDDED_PG_DATA_DIR: process.env.E2E_PG_DATA_DIR ?? ".tmp/e2e-postgres",
      DEV_SMTP_PORT: "0",
      // Every browser test signs in from 127.0.0.1.
      SIGNIN_LIMIT_PER_IP: "1000",
      NODE_ENV: "test",
    },
  },
});
