// Structured logs: one JSON line per event in production, the request id on
// every line of a request, and no query strings or error details that could
// carry personal data.
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { errorFields, log, withRequestId } from "../app/lib/log.server.ts";
import { requestLog } from "./app.ts";

let lines: string[] = [];
beforeEach(() => {
  lines = [];
  process.env.LOG_FORMAT = "json";
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
  }
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  delete process.env.LOG_FORMAT;
});
const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe("log lines", () => {
  it("are JSON with time, level, event, the fields and the request id", () => {
    withRequestId("req-12345678", () => log("warn", "offer.expiryFailed", { offerId: "o1" }));
    expect(parsed()).toEqual([{ time: expect.any(String), level: "warn", event: "offer.expiryFailed", requestId: "req-12345678", offerId: "o1" }]);
  });

  it("keep only the first line of an error's message (database errors quote values below it)", () => {
    const error = Object.assign(new Error("Invalid invocation:\n\n  where: { email: 'fatima@example.dk' }"), { code: "P2002" });
    expect(errorFields(error)).toMatchObject({ error: "Error", code: "P2002", message: "Invalid invocation:" });
  });
});

describe("the request log", () => {
  it("gives each request an id, sends it back, puts it on every line, and logs the path without the query", async () => {
    const app = express();
    app.use(requestLog);
    app.get("/staff/families", (_req, res) => {
      log("info", "inside");
      res.send("ok");
    });
    const server = app.listen(0);
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/staff/families?q=Fatima+Hassan`);
      await response.text();
      await new Promise((resolve) => setTimeout(resolve, 20)); // the line is written when the response has finished
      const id = response.headers.get("x-request-id");
      expect(id).toMatch(/^[\w-]{16}$/);
      expect(parsed()).toEqual([
        expect.objectContaining({ event: "inside", requestId: id }),
        expect.objectContaining({ event: "request", requestId: id, method: "GET", path: "/staff/families", status: 200 }),
      ]);
      expect(lines.join("")).not.toContain("Fatima");
      // A sane id from the proxy is kept; anything else is replaced.
      const kept = await fetch(`http://127.0.0.1:${port}/staff/families`, { headers: { "X-Request-Id": "lb-0123456789" } });
      expect(kept.headers.get("x-request-id")).toBe("lb-0123456789");
      const replaced = await fetch(`http://127.0.0.1:${port}/staff/families`, { headers: { "X-Request-Id": "<script>" } });
      expect(replaced.headers.get("x-request-id")).not.toBe("<script>");
      // The secret in an offer, guardian or calendar link is not logged.
      lines.length = 0;
      for (const link of [
        "/offers/abcdefghijklmnopqrstuvwxyz234567",
        "/guardian/abcdefghijklmnopqrstuvwxyz234567",
        "/calendar/abcdefghijklmnopqrstuvwxyz234567.ics",
      ])
        await (await fetch(`http://127.0.0.1:${port}${link}`)).text();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(parsed().map((line) => line.path)).toEqual(["/offers/:token", "/guardian/:token", "/calendar/:token"]);
      expect(lines.join("")).not.toContain("abcdefghijklmnop");
    } finally {
      server.close();
    }
  });
});

describe("the error log", () => {
  it("logs where a request failed without the secret of an offer, guardian or calendar link", async () => {
    // The server entry reads its environment when loaded; it connects to nothing here.
    if (!process.env.DATABASE_URL) vi.stubEnv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none");
    const { handleError } = await import("../app/entry.server.tsx");
    const request = new Request("http://localhost/offers/abcdefghijklmnopqrstuvwxyz234567?answer=yes");
    handleError(new Error("boom"), { request, params: {}, context: { clientIp: "127.0.0.1", cspNonce: "" } });
    expect(parsed()).toEqual([expect.objectContaining({ level: "error", event: "request.failed", path: "/offers/:token" })]);
    expect(lines.join("")).not.toContain("abcdefghijklmnop");
  });
});
