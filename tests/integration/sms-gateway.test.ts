// Issue 20: SMS through GatewayAPI's REST API (ADR 022), against a local fake
// of the provider on a real HTTP port that checks the request as GatewayAPI
// documents it (POST /rest/mtsms, JSON {sender, message, recipients:
// [{msisdn}]}, the API token as the Basic-auth user), and its delivery reports
// posted back to the portal's webhook (a JWT in X-Gwapi-Signature) through the
// real server: recorded on the message, a failure shown as failed and sent by
// e-mail where the person has an address.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/lib/db.server.ts";
import { env } from "../../app/lib/env.server.ts";
import { signGatewayApiJwt, verifyGatewayApiJwt } from "../../app/lib/messages/delivery-reports.server.ts";
import { deliverDueMessages, queueMessage, sendMessageNow } from "../../app/lib/messages/send.server.ts";
import { nextDaytime } from "../../app/domain/dates.ts";
import { broadcastCost, sendToParticipants } from "../../app/domain/staff/broadcast.server.ts";
import { countSegments } from "../../app/lib/messages/segments.ts";
import { activity, household, signUpFamily } from "../setup/fixtures.ts";
import { createUser } from "../setup/helpers.ts";

const TOKEN = "gwapi-test-token-1234";
const SECRET = "webhook-secret-0123456789abcdef";
const PUBLIC = "https://aktiviteter.example.dk";

type Received = { path: string; authorization?: string; contentType?: string; body: Record<string, unknown>; problems: string[] };

/**
 * A fake of GatewayAPI's POST /rest/mtsms: answers 200 {ids, usage} to a request in the documented format, else
 * 400/401 with GatewayAPI's error body; `fail` makes it answer 500 as the real one does on an exception.
 */
function fakeGatewayApi() {
  const received: Received[] = [];
  let nextId = 1000;
  const state = { fail: false };
  const server = http.createServer((request, response) => {
    let text = "";
    request.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    request.on("end", () => {
      const problems: string[] = [];
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(text) as Record<string, unknown>;
      } catch {
        problems.push("body is not JSON");
      }
      if (request.method !== "POST" || request.url !== "/rest/mtsms") problems.push(`${request.method} ${request.url}`);
      if (!request.headers["content-type"]?.startsWith("application/json")) problems.push("content-type");
      const auth = request.headers.authorization ?? "";
      const unauthorised = auth !== `Basic ${Buffer.from(`${TOKEN}:`).toString("base64")}`;
      const allowed = new Set(["sender", "message", "recipients", "encoding", "userref", "callback_url", "class", "priority", "validity_period", "label"]);
      for (const key of Object.keys(body)) if (!allowed.has(key)) problems.push(`unknown field ${key}`);
      if (typeof body.message !== "string" || body.message === "") problems.push("message");
      if (body.sender !== undefined && !(typeof body.sender === "string" && /^([\p{L}\p{N} ]{1,11}|\d{1,15})$/u.test(body.sender))) problems.push("sender");
      const recipients = body.recipients as { msisdn?: unknown }[] | undefined;
      if (!Array.isArray(recipients) || recipients.length === 0 || recipients.some((r) => !Number.isSafeInteger(r.msisdn))) problems.push("recipients");
      if (body.encoding !== undefined && body.encoding !== "UCS2" && body.encoding !== "UTF8") problems.push("encoding");
      received.push({ path: request.url ?? "", authorization: request.headers.authorization, contentType: request.headers["content-type"], body, problems });
      response.setHeader("Content-Type", "application/json");
      if (unauthorised) {
        response.statusCode = 401;
        response.end(JSON.stringify({ code: "0x0203", message: "Invalid API key", incident_uuid: "x" }));
      } else if (problems.length) {
        response.statusCode = 400;
        response.end(JSON.stringify({ code: "0x0111", message: problems.join("; "), incident_uuid: "x" }));
      } else if (state.fail) {
        response.statusCode = 500;
        response.end(JSON.stringify({ message: "exception", incident_uuid: "x" }));
      } else response.end(JSON.stringify({ ids: [nextId++], usage: { countries: { DK: 1 }, currency: "DKK", total_cost: 0.12 } }));
    });
  });
  return { server, received, state };
}

const fake = fakeGatewayApi();
let portal: http.Server;
let portalPort: number;
const saved = { ...env() };

beforeAll(async () => {
  await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
  const settings = {
    SMS_PROVIDER: "gatewayapi",
    SMS_GATEWAY_URL: `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}/rest/mtsms`,
    SMS_GATEWAY_TOKEN: TOKEN,
    SMS_SENDER: "Aktivitet",
    GATEWAYAPI_WEBHOOK_SECRET: SECRET,
    APP_URL: PUBLIC,
  } as const;
  // This module's environment (sending) and the built server's (the webhook): that one reads process.env once.
  Object.assign(env(), settings);
  Object.assign(process.env, settings);
  const { BUILD_PATH, ensureBuild } = await import("../../server/build.ts");
  ensureBuild(() => {});
  const { createApp } = await import("../../server/app.ts");
  const build = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
  portal = http.createServer(createApp({ build, mode: "production" }));
  await new Promise<void>((resolve) => portal.listen(0, "127.0.0.1", resolve));
  portalPort = (portal.address() as AddressInfo).port;
}, 120_000);

afterAll(async () => {
  Object.assign(env(), saved);
  await new Promise<void>((resolve) => fake.server.close(() => resolve()));
  await new Promise<void>((resolve) => portal.close(() => resolve()));
});

/** POSTs a delivery report to the portal's webhook as GatewayAPI does. */
function report(
  claims: object | string,
  options: { signature?: string | null; body?: string; contentType?: string } = {},
): Promise<{ status: number; body: string }> {
  const body = options.body ?? JSON.stringify(claims);
  const signature = options.signature === undefined ? signGatewayApiJwt(claims as object, SECRET) : options.signature;
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: portalPort,
        method: "POST",
        path: "/webhooks/sms/gatewayapi",
        headers: { "Content-Type": options.contentType ?? "application/json", Accept: "*/*", ...(signature ? { "X-Gwapi-Signature": signature } : {}) },
      },
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

const lastTo = (phone: string) =>
  fake.received.filter((r) => (r.body.recipients as { msisdn: number }[] | undefined)?.[0]?.msisdn === Number(phone.slice(1))).at(-1);

describe("sending through GatewayAPI's REST API", () => {
  it("posts an Arabic SMS in the documented format: UCS2, the number as an MSISDN, the message id as userref", async () => {
    await queueMessage(db, { phone: "+4520700001", language: "ar" }, "cancelled", { names: "ليلى", activity: "مقهى الواجبات" });
    await deliverDueMessages();
    const message = await db.message.findFirstOrThrow({ where: { recipient: "+4520700001" } });
    expect(message.status).toBe("SENT");
    const sent = lastTo("+4520700001")!;
    expect(sent.problems).toEqual([]);
    expect(sent.authorization).toBe(`Basic ${Buffer.from(`${TOKEN}:`).toString("base64")}`);
    expect(sent.body).toEqual({
      sender: "Aktivitet",
      message: message.body,
      recipients: [{ msisdn: 4520700001 }],
      encoding: "UCS2",
      userref: message.id,
      callback_url: `${PUBLIC}/webhooks/sms/gatewayapi`,
    });
    expect(sent.body.message).toMatch(/ليلى/);
  });

  it("leaves the encoding to GatewayAPI's GSM default when the text is all GSM (Danish letters are)", async () => {
    await queueMessage(db, { phone: "+4520700002", language: "da" }, "cancelled", { names: "Søren Ærø", activity: "Lektiecafé" });
    await deliverDueMessages();
    const sent = lastTo("+4520700002")!;
    expect(sent.problems).toEqual([]);
    expect(sent.body).not.toHaveProperty("encoding");
  });

  it("sends a sign-in code at once in the same format", async () => {
    await sendMessageNow({ phone: "+4520700003", language: "da" }, "signInCode", { code: "123456" }, { secret: ["code"] });
    const sent = lastTo("+4520700003")!;
    expect(sent.problems).toEqual([]);
    expect(sent.body.message).toMatch(/123456/);
    expect(sent.body.userref).toBe((await db.message.findFirstOrThrow({ where: { recipient: "+4520700003" } })).id);
  });

  it("counts a refusal as a failed try, with GatewayAPI's error code but not its message", async () => {
    fake.state.fail = true;
    try {
      await queueMessage(db, { phone: "+4520700004", language: "da" }, "cancelled", { names: "Lina", activity: "Lejr" });
      expect((await deliverDueMessages()).failed).toBe(1);
      expect(await db.message.findFirstOrThrow({ where: { recipient: "+4520700004" } })).toMatchObject({
        status: "QUEUED",
        error: "Error: GatewayAPI answered 500",
      });
    } finally {
      fake.state.fail = false;
    }
  });
});

describe("a broadcast in Arabic", () => {
  it("shows its SMS count before sending, and that is what reaches the provider", async () => {
    const camp = await activity({ capacity: 5 });
    const arabic = await household({ guardianEmail: null, guardianPhone: "+4520700030", language: "ar" });
    const danish = await household();
    for (const family of [arabic, danish]) await signUpFamily(camp.id, family);
    await deliverDueMessages(); // the sign-up confirmations
    // The title in Arabic, ": " and 100 Arabic letters: over 70 UCS-2 units and under 134, so two parts of at most 67.
    const text = { da: "Vi mødes ved hallen.", ar: "ن".repeat(100) };
    const input = { activityId: camp.id, sessionId: null, text, includeWaiting: false };
    expect(await broadcastCost(input)).toEqual({ byEmail: 1, bySms: 1, segments: 2 });
    // Nothing was sent by counting.
    expect(await db.message.count({ where: { activityId: camp.id, template: "broadcast" } })).toBe(0);
    const staff = await createUser({ role: "STAFF", email: "staff-sms-cost@example.dk" });
    await sendToParticipants({ ...input, actorUserId: staff.id });
    await deliverDueMessages(nextDaytime(new Date())); // a broadcast SMS waits for daytime: run at the next daytime
    const sent = fake.received.filter((r) => (r.body.recipients as { msisdn: number }[])[0]!.msisdn === 4520700030).at(-1)!;
    expect(sent.problems).toEqual([]);
    expect(sent.body.encoding).toBe("UCS2");
    expect(sent.body.message).toMatch(new RegExp(`: ${text.ar}$`));
    expect(countSegments(sent.body.message as string).segments).toBe(2);
  });
});

describe("the daytime window (08:00–20:00 Copenhagen) for messages that can wait", () => {
  it("holds a reminder SMS queued at 22:30 until 08:00 — summer time, the night the clocks go forward — and sends an offer at once", async () => {
    const evening = new Date("2027-03-27T21:30:00Z"); // Saturday 22:30 winter time; 28 March 2027 02:00 → 03:00
    await queueMessage(db, { phone: "+4520700040", language: "da" }, "reminder", { activity: "Lejr", when: "i morgen" }, { now: evening });
    await queueMessage(db, { phone: "+4520700041", language: "da" }, "offerMade", { activity: "Lejr" }, { now: evening });
    await deliverDueMessages(new Date(evening.getTime() + 60_000));
    expect(lastTo("+4520700041")).toBeDefined();
    expect(lastTo("+4520700040")).toBeUndefined();
    const reminder = await db.message.findFirstOrThrow({ where: { recipient: "+4520700040" } });
    expect(reminder.nextAttemptAt.toISOString()).toBe("2027-03-28T06:00:00.000Z"); // 08:00 summer time, not 09:00
    await deliverDueMessages(new Date("2027-03-28T05:59:00Z"));
    expect(lastTo("+4520700040")).toBeUndefined();
    await deliverDueMessages(new Date("2027-03-28T06:00:00Z"));
    expect(lastTo("+4520700040")?.problems).toEqual([]);
  });

  it("does not hold an e-mail reminder, nor a reminder SMS queued in the daytime", async () => {
    const noon = new Date("2027-03-29T10:00:00Z");
    await queueMessage(db, { email: "daytime@example.dk", language: "da" }, "reminder", { activity: "Lejr" }, { now: new Date("2027-03-28T22:00:00Z") });
    await queueMessage(db, { phone: "+4520700042", language: "da" }, "reminder", { activity: "Lejr" }, { now: noon });
    expect((await db.message.findFirstOrThrow({ where: { recipient: "daytime@example.dk" } })).nextAttemptAt.toISOString()).toBe("2027-03-28T22:00:00.000Z");
    expect((await db.message.findFirstOrThrow({ where: { recipient: "+4520700042" } })).nextAttemptAt.toISOString()).toBe(noon.toISOString());
  });
});

describe("GatewayAPI's delivery reports (webhook)", () => {
  async function sentSms(phone: string, language = "da") {
    await queueMessage(db, { phone, language }, "cancelled", { names: "Lina", activity: "Lejr" });
    await deliverDueMessages();
    return db.message.findFirstOrThrow({ where: { recipient: phone, channel: "SMS" } });
  }

  it("records DELIVERED on the message; a late transient state does not overwrite it", async () => {
    const sms = await sentSms("+4520700010");
    const dsn = { id: 1, msisdn: 4520700010, time: 1_765_000_000, status: "DELIVERED", userref: sms.id, country_code: "DK", country_prefix: 45 };
    expect(await report(dsn)).toEqual({ status: 200, body: "recorded" });
    expect(await report({ ...dsn, status: "ENROUTE" })).toEqual({ status: 200, body: "ignored" });
    expect(await db.message.findUniqueOrThrow({ where: { id: sms.id } })).toMatchObject({ status: "SENT", deliveryStatus: "DELIVERED" });
  });

  it("marks an undeliverable SMS failed and sends its text by e-mail to the person, once however often the report comes", async () => {
    const family = await household({ guardianEmail: null, guardianPhone: "+4520700011", language: "ar" });
    const sms = await sentSms("+4520700011", "ar");
    // Since the SMS went, the person added an e-mail address.
    await db.user.update({ where: { id: family.user!.id }, data: { email: "later@example.dk" } });
    const dsn = { id: 2, msisdn: 4520700011, time: 1_765_000_000, status: "UNDELIVERABLE", code: "0x0100", error: "Invalid MSISDN", userref: sms.id };
    expect((await report(dsn)).status).toBe(200);
    expect((await report(dsn)).status).toBe(200); // GatewayAPI retries: no second e-mail
    expect(await db.message.findUniqueOrThrow({ where: { id: sms.id } })).toMatchObject({
      status: "FAILED",
      deliveryStatus: "UNDELIVERABLE",
      error: "GatewayAPI: UNDELIVERABLE (0x0100): Invalid MSISDN",
    });
    const fallbacks = await db.message.findMany({ where: { fallbackForId: sms.id } });
    expect(fallbacks).toHaveLength(1);
    expect(fallbacks[0]).toMatchObject({ channel: "EMAIL", recipient: "later@example.dk", language: "ar", status: "QUEUED" });
    expect(fallbacks[0]!.body).toContain(sms.body);
  });

  it("sends no e-mail when nobody with that number has an address, or when two people with it have different ones", async () => {
    const alone = await sentSms("+4520700012");
    await report({ id: 3, status: "EXPIRED", userref: alone.id, msisdn: 4520700012, time: 1 });
    expect(await db.message.findUniqueOrThrow({ where: { id: alone.id } })).toMatchObject({ status: "FAILED", deliveryStatus: "EXPIRED" });
    await household({ guardianEmail: "one@example.dk", guardianPhone: "+4520700013", withLogin: false });
    await household({ guardianEmail: "two@example.dk", guardianPhone: "+4520700013", withLogin: false });
    const shared = await sentSms("+4520700013");
    await report({ id: 4, status: "REJECTED", userref: shared.id, msisdn: 4520700013, time: 1 });
    expect(await db.message.count({ where: { fallbackForId: { in: [alone.id, shared.id] } } })).toBe(0);
  });

  it("refuses a report without GatewayAPI's signature, with another secret's or alg 'none', and changes nothing", async () => {
    const sms = await sentSms("+4520700015");
    const dsn = { id: 6, status: "UNDELIVERABLE", userref: sms.id, msisdn: 4520700015, time: 1 };
    const none = `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${Buffer.from(JSON.stringify(dsn)).toString("base64url")}.`;
    for (const signature of [null, signGatewayApiJwt(dsn, "another-secret-0123456789"), none, "garbage"]) {
      expect((await report(dsn, { signature })).status, String(signature)).toBe(401);
    }
    expect(await db.message.findUniqueOrThrow({ where: { id: sms.id } })).toMatchObject({ status: "SENT", deliveryStatus: null });
  });

  it("takes the signed claims, not the body beside them", async () => {
    const sms = await sentSms("+4520700016");
    const signed = { id: 7, status: "DELIVERED", userref: sms.id, msisdn: 4520700016, time: 1 };
    await report(signed, { body: JSON.stringify({ ...signed, status: "UNDELIVERABLE" }) });
    expect((await db.message.findUniqueOrThrow({ where: { id: sms.id } })).deliveryStatus).toBe("DELIVERED");
  });

  it("answers what is not a report: 400 for another shape or bad JSON, 415 for a form, 413 over 16 KB; never a 500", async () => {
    expect((await report({ status: "BOGUS", userref: "x" })).status).toBe(400);
    expect((await report({}, { body: "{not json" })).status).toBe(400);
    expect((await report({}, { body: "status=DELIVERED", contentType: "application/x-www-form-urlencoded" })).status).toBe(415);
    expect((await report({}, { body: JSON.stringify({ pad: "x".repeat(17 * 1024) }) })).status).toBe(413);
    expect(await report({ status: "DELIVERED", userref: "00000000-0000-4000-8000-000000000000", id: 8 })).toEqual({ status: 200, body: "unknown" });
    const get = await fetch(`http://127.0.0.1:${portalPort}/webhooks/sms/gatewayapi`);
    expect(get.status).toBeGreaterThanOrEqual(400);
    expect(get.status).toBeLessThan(500);
  });

  it("takes odd signed claims without a 500 and without touching a message", async () => {
    const sms = await sentSms("+4520700017");
    const odd: unknown[] = [
      { status: "delivered", userref: sms.id },
      { status: "UNDELIVERABLE", userref: "not-a-uuid" },
      { status: "UNDELIVERABLE", userref: [sms.id] },
      { status: null, userref: sms.id },
      { status: "UNDELIVERABLE", userref: sms.id, error: "x".repeat(5000) },
      { status: "UNDELIVERABLE", userref: sms.id, code: { nested: true } },
      { status: "UNDELIVERABLE", userref: `${sms.id}'; DROP TABLE "Message"; --` },
      [],
      "UNDELIVERABLE",
      12,
    ];
    for (const claims of odd) {
      const answer = await report(claims as object, { signature: signGatewayApiJwt(claims as object, SECRET), body: "{}" });
      expect(answer.status, JSON.stringify(claims).slice(0, 80)).toBe(400);
    }
    expect(await db.message.findUniqueOrThrow({ where: { id: sms.id } })).toMatchObject({ status: "SENT", deliveryStatus: null });
  });
});

describe("the JWT check", () => {
  it("verifies GatewayAPI's documented example token with its secret", () => {
    // From GatewayAPI's REST documentation, "Authentication token": signed with the secret "secret".
    const example =
      "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJpZCI6MjM4MTcwMywibXNpc2RuIjo0NTQyNjA5MDQ1LCJ0aW1lIjoxNTIyNzY0MDYyLCJzdGF0dXMiOiJERUxJVkVSRUQiLCJlcnJvciI6bnVsbCwiY29kZSI6bnVsbCwidXNlcnJlZiI6bnVsbCwiY2FsbGJhY2tfdXJsIjoiaHR0cDovL2JiYWY3MTQyLm5ncm9rLmlvIiwiYXBpIjo0fQ.KdfDH65bnQtgxEkFnpAQodOciAJedZFB13r9wEo8t3Y";
    expect(verifyGatewayApiJwt(example, "secret")).toMatchObject({ id: 2381703, status: "DELIVERED", msisdn: 4542609045 });
    expect(verifyGatewayApiJwt(example, "Secret")).toBeNull();
  });
});
