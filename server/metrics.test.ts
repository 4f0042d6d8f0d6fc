import type http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metrics, routeLabel } from "./metrics.ts";

describe("routeLabel", () => {
  it.each([
    ["/staff/activities/9c31a6a7-19bc-44eb-b1dc-8ebc0eca2acf/messages", 200, "/staff/activities/:id/messages"],
    ["/staff/activities/9c31a6a7-19bc-44eb-b1dc-8ebc0eca2acf/messages.data", 200, "/staff/activities/:id/messages"],
    ["/calendar/AbCdEfGhIjKlMnOpQrStUvWx.ics", 200, "/calendar/:token.ics"],
    ["/staff/import/42", 200, "/staff/import/:n"],
    ["/build/_shared/chunk-ABC.js", 200, "/build/*"],
    ["/wp-admin/setup.php", 404, "(not found)"],
  ])("%s (%i) → %s", (path, status, label) => {
    expect(routeLabel(path, status)).toBe(label);
  });
});

describe("/metrics", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    process.env.METRICS_TOKEN = "metrics-token-for-the-test";
    process.env.DATABASE_URL = "postgresql://nobody@127.0.0.1:9/none"; // nothing listens: database_up 0
    const app = express();
    app.use(metrics());
    app.get("/page", (_req, res) => res.send("ok"));
    app.use((_req, res) => res.status(404).send("not found"));
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    delete process.env.METRICS_TOKEN;
    server.close();
  });

  it("answers the ordinary 404 without the token, and the text format with it", async () => {
    await fetch(`${base}/page`);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { headers: { Authorization: "Bearer wrong" } })).status).toBe(404);
    const answer = await fetch(`${base}/metrics`, { headers: { Authorization: "Bearer metrics-token-for-the-test" } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await answer.text();
    expect(text).toMatch(/^# TYPE portal_http_requests_total counter$/m);
    expect(text).toMatch(/^portal_http_requests_total\{method="GET",route="\/page",status="200"\} 1$/m);
    expect(text).toMatch(/^portal_http_request_duration_seconds_bucket\{method="GET",route="\/page",le="\+Inf"\} 1$/m);
    expect(text).toMatch(/^portal_database_up 0$/m);
  });
});
