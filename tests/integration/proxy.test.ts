// Issue 20: behind a proxy the instance sees another Host (10.0.0.5:3000,
// 127.0.0.1:…) than the public one the browser's Origin names. The public
// origin is APP_URL; a form from it is taken (Remix's own Origin/Host check
// answered it with a 500 before), one from anywhere else — the instance's own
// address included — is refused with the translated 403, never a 500.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const PUBLIC = "https://aktiviteter.example.dk";
let server: http.Server;
let port: number;

beforeAll(async () => {
  process.env.APP_URL = PUBLIC; // read when server/app.ts loads (server/build.ts imports it too)
  const { BUILD_PATH, ensureBuild } = await import("../../server/build.ts");
  ensureBuild(() => {});
  const { createApp } = await import("../../server/app.ts");
  const build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
  server = http.createServer(createApp({ build, mode: "production" }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
}, 120_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A form POST as the proxy passes it on: its Host is the instance's address unless given. */
function post(headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    // The sign-in page: a page with an action (Remix checks Origin on those, not on resource routes like /language).
    const body = new URLSearchParams({ identifier: `proxy-${Math.random().toString(36).slice(2)}@example.dk` }).toString();
    const request = http.request(
      { host: "127.0.0.1", port, method: "POST", path: "/login", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode!, body: text }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

describe("the public origin behind a proxy (APP_URL)", () => {
  it("takes a form whose Origin is the public origin though the instance sees another Host", async () => {
    for (const host of [`127.0.0.1:${port}`, "10.0.0.5:3000"]) {
      expect((await post({ Origin: PUBLIC, Host: host })).status, host).toBe(302);
      expect((await post({ Origin: PUBLIC, Host: host, "Sec-Fetch-Site": "same-origin" })).status, host).toBe(302);
      // A forwarded host header from an untrusted hop changes nothing either.
      expect((await post({ Origin: PUBLIC, Host: host, "X-Forwarded-Host": "other.example" })).status, host).toBe(302);
    }
  });

  it("refuses with the translated 403 a form from another origin, the instance's own address included", async () => {
    for (const origin of ["https://evil.example", `http://127.0.0.1:${port}`, "http://aktiviteter.example.dk", "null"]) {
      const answer = await post({ Origin: origin, Host: `127.0.0.1:${port}`, "Accept-Language": "ar" });
      expect(answer.status, origin).toBe(403);
      expect(answer.body).toContain('dir="rtl"');
    }
    // A browser that says same-origin but names another origin: the Origin decides.
    expect((await post({ Origin: "https://evil.example", Host: `127.0.0.1:${port}`, "Sec-Fetch-Site": "same-origin" })).status).toBe(403);
  });
});
