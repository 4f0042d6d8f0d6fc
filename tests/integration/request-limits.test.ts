// Request-level faults (issue 16), against the app as it runs: its own
// process (server/index.ts) in development mode — where Express used to
// answer with its stack trace — on this file's database. Every answer the
// HTTP layer gives itself must be the translated error page and never a 500:
// a body that is not a form (415), a form that cannot be read (400), a
// method no page takes (405), a body over its route's limit (413, the rest
// left unread and memory unchanged), a cross-site request (403), an address
// that cannot be decoded (400). The server's own timeouts cut a client that
// never finishes its headers. What the limits must still let through: the
// largest form a member of staff can legitimately fill.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type AppInstance } from "../../bench/lib.ts";
import { languageCookie } from "../../app/lib/i18n.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { createUserSession } from "../../app/lib/session.server.ts";
import { BODY_LIMITS, isWebhookPath } from "../../server/request-body.ts";
import { SERVER_TIMEOUTS } from "../../server/http-server.ts";
import { ROOT } from "../../server/app.ts";

let app: AppInstance;
let port: number;
let staffCookie: string;
const MB = 1024 * 1024;

beforeAll(async () => {
  app = await startApp(
    { NODE_ENV: "development", DATABASE_URL: process.env.DATABASE_URL!, SMTP_URL: process.env.SMTP_URL!, SEED_DEMO_DATA: "0" },
    { quiet: true },
  );
  port = Number(new URL(app.base).port);
  const staff = await db.user.create({
    data: { role: "STAFF", email: "request-limits-staff@example.dk", person: { create: { firstName: "Staff", lastName: "Limits" } } },
  });
  staffCookie = (await createUserSession(staff.id)).split(";")[0]!;
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

const form = (body: string | URLSearchParams, headers: Record<string, string> = {}) => ({
  method: "POST",
  redirect: "manual" as const,
  headers: { Origin: app.base, "Content-Type": "application/x-www-form-urlencoded", ...headers },
  body,
});

/** The page says this in the visitor's language, with no trace of the code: no stack, no path on disk, no error name. */
function expectErrorPage(body: string, language: "da" | "en" | "ar", text: string) {
  expect(body).toContain(`<html lang="${language}" dir="${language === "ar" ? "rtl" : "ltr"}"`);
  expect(body).toContain(text);
  expect(body).not.toMatch(/TypeError|URIError|SyntaxError|\bat .+:\d+:\d+|node_modules/);
  expect(body).not.toContain(ROOT);
}

/** A URL for each route module with an action (its parameters filled with something). */
function actionRoutes(): string[] {
  const dir = path.join(ROOT, "app/routes");
  return fs
    .readdirSync(dir)
    .filter((file) => /\.tsx?$/.test(file) && /export (async )?function action\b/.test(fs.readFileSync(path.join(dir, file), "utf8")))
    .map(
      (file) =>
        "/" +
        file
          .replace(/\.tsx?$/, "")
          .split(".")
          .filter((segment) => segment !== "_index")
          .map((segment) => segment.replace(/_$/, "").replace(/^\$.*/, "x"))
          .join("/"),
    );
}

describe("a POST that is not a form a page sends", () => {
  it("is refused with 415 on every route with an action — text/plain, JSON, no type — never a 500", async () => {
    const routes = actionRoutes();
    expect(routes.length).toBeGreaterThan(30);
    const answers: string[] = [];
    for (const route of routes) {
      for (const type of ["text/plain", "application/json", null]) {
        // A provider's webhook takes JSON (tests/integration/sms-gateway.test.ts); anything else is refused there too.
        if (isWebhookPath(route) && type === "application/json") continue;
        const body = type === "application/json" ? '{"identifier":"a@example.dk"}' : "identifier=a@example.dk";
        const headers: Record<string, string> = { Origin: app.base, Cookie: staffCookie };
        if (type) headers["Content-Type"] = type;
        const response = await fetch(`${app.base}${route}`, { method: "POST", redirect: "manual", headers, body: new Blob([body]) });
        answers.push(`${route} ${type ?? "(none)"} ${response.status}`);
        if (response.status === 415) expectErrorPage(await response.text(), "da", "Her kan kun modtages formularer, der er sendt fra portalens egne sider.");
        else await response.body?.cancel();
      }
    }
    expect(answers.filter((answer) => !answer.endsWith(" 415"))).toEqual([]);
  });

  it("is refused with 400 when it cannot be read: a truncated multipart body, conform's control fields, a list index of a million", async () => {
    const truncated = '--b\r\nContent-Disposition: form-data; name="identifier"\r\n\r\nfoo@example.dk';
    const cases: [string, RequestInit][] = [
      ["truncated multipart", { ...form(truncated, { "Content-Type": "multipart/form-data; boundary=b" }) }],
      ["multipart without a boundary", { ...form("identifier=a", { "Content-Type": "multipart/form-data" }) }],
      ["conform intent not JSON", form("__intent__=x&identifier=a%40example.dk")],
      ["conform intent without a payload", form(`__intent__=${encodeURIComponent('{"type":"validate","payload":null}')}&identifier=a`)],
      ["conform state not JSON", form("identifier=a%40example.dk&__state__=x")],
      // 15 bytes: conform made an array of a million entries (a 3 MB answer); one more digit took the process down.
      ["a list index of a million", form("a[1000000]=1&identifier=x")],
      ["a field name of 200 characters", form(`${"n".repeat(200)}=1&identifier=x`)],
    ];
    for (const [name, init] of cases) {
      const response = await fetch(`${app.base}/login`, init);
      const body = await response.text();
      expect(response.status, name).toBe(400);
      expect(body.length, name).toBeLessThan(5_000);
      expectErrorPage(body, "da", "Det, der blev sendt, kunne ikke læses.");
    }
    // conform's controls, even as its own buttons would send them: no page sends them (ADR 010), and a list
    // operation on a field that is no list broke the staff editor's page (500).
    for (const intent of [
      { type: "validate", payload: { name: "identifier" } },
      { type: "insert", payload: { name: "title.da", index: 3 } },
    ]) {
      const response = await fetch(
        `${app.base}/staff/activities/new`,
        form(`__intent__=${encodeURIComponent(JSON.stringify(intent))}`, { Cookie: staffCookie }),
      );
      await response.body?.cancel();
      expect([intent.type, response.status]).toEqual([intent.type, 400]);
    }
    // A well-formed multipart form is read like any other.
    const multipart = '--b\r\nContent-Disposition: form-data; name="identifier"\r\n\r\nmultipart@example.dk\r\n--b--\r\n';
    const read = await fetch(`${app.base}/login`, form(multipart, { "Content-Type": "multipart/form-data; boundary=b" }));
    expect([read.status, read.headers.get("location")]).toEqual([302, "/login/code"]);
  });

  it("answers in the visitor's language: the language cookie, else Accept-Language", async () => {
    const cookie = (await languageCookie.serialize("ar")).split(";")[0]!;
    const arabic = await fetch(`${app.base}/login`, form("x", { "Content-Type": "text/plain", Cookie: cookie }));
    expectErrorPage(await arabic.text(), "ar", "لا يمكن هنا استلام إلا النماذج المرسلة من صفحات البوابة نفسها.");
    const english = await fetch(`${app.base}/login`, form("x", { "Content-Type": "text/plain", "Accept-Language": "en-GB,en;q=0.9" }));
    expectErrorPage(await english.text(), "en", "Only forms sent from the portal's own pages can be received here.");
  });

  it("refuses a cross-site POST with the translated page too", async () => {
    const response = await fetch(`${app.base}/login`, form("identifier=a", { Origin: "https://evil.example", "Accept-Language": "en" }));
    expect(response.status).toBe(403);
    expectErrorPage(await response.text(), "en", "The request did not come from the portal and was refused.");
  });
});

describe("methods", () => {
  it("answers PUT, PATCH and DELETE with 405 and what is allowed, instead of running the action as a POST; OPTIONS with 204", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const response = await fetch(`${app.base}/login`, { ...form("identifier=method%40example.dk"), method });
      expect([method, response.status, response.headers.get("allow")]).toEqual([method, 405, "GET, HEAD, POST"]);
      expectErrorPage(await response.text(), "da", "Den handling kan ikke bruges på denne adresse.");
    }
    // A POST to a page without an action is Remix's 405, not a 500.
    const noAction = await fetch(`${app.base}/activities`, form("q=x"));
    expect(noAction.status).toBe(405);
    await noAction.body?.cancel();
    const options = await fetch(`${app.base}/activities`, { method: "OPTIONS" });
    expect([options.status, options.headers.get("allow")]).toEqual([204, "GET, HEAD, POST"]);
    expect((await fetch(`${app.base}/activities`, { method: "HEAD" })).status).toBe(200);
  });
});

/**
 * Sends `size` bytes of a form as fast as the connection takes them; resolves with the answer's first line and how
 * many bytes the client got to hand over before the connection closed (what the app read, plus the kernel's buffers).
 * `afterAnswer`: the headers first, the body only once the answer has come (a slow upload, or a busy server).
 */
function pushBody(route: string, size: number, chunked: boolean, afterAnswer = false): Promise<{ status: string; sent: number }> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "localhost", allowHalfOpen: true }); // writes on after the answer's end, as a blind uploader does
    let answer = "";
    let sent = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ status: answer.split("\r\n")[0] ?? "", sent });
    };
    let answered = () => {};
    const hasAnswer = new Promise<void>((resolve) => (answered = resolve));
    socket.on("data", (chunk: Buffer) => {
      answer += chunk.toString("latin1");
      answered();
    });
    socket.on("error", finish);
    socket.on("close", finish);
    setTimeout(finish, 20_000);
    socket.on("connect", async () => {
      const length = chunked ? "Transfer-Encoding: chunked" : `Content-Length: ${size}`;
      socket.write(
        `POST ${route} HTTP/1.1\r\nHost: localhost:${port}\r\nOrigin: ${app.base}\r\nContent-Type: application/x-www-form-urlencoded\r\n${length}\r\n\r\n`,
      );
      if (afterAnswer) await hasAnswer;
      const piece = Buffer.alloc(64 * 1024, "a");
      piece.write("identifier=");
      while (sent < size && !done) {
        const frame = chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from("\r\n")]) : piece;
        sent += piece.length;
        if (!socket.write(frame)) await new Promise((resolve) => socket.once("drain", resolve).once("close", resolve));
      }
      if (chunked && !done) socket.write("0\r\n\r\n");
    });
  });
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;
/** Bytes the process has read, sockets included (/proc/<pid>/io rchar): what the app took off the connection. */
const readMb = (pid: number) => Number(/rchar:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/io`, "utf8"))![1]) / MB;

describe("body limits", () => {
  it("answers a 20 MB form with 413 before reading it — by its Content-Length (also when the body comes after the answer), or by counting a chunked one — and memory stays put", async () => {
    const pid = app.process.pid!;
    await fetch(`${app.base}/login`).then((response) => response.text()); // warm
    const [rssBefore, readBefore] = [rssMb(pid), readMb(pid)];
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
    const answers: { status: string; sent: number; read: number }[] = [];
    try {
      for (const [chunked, afterAnswer] of [
        [false, false],
        [false, true],
        [true, false],
      ] as const) {
        const before = readMb(pid);
        answers.push({ ...(await pushBody("/login", 20 * MB, chunked, afterAnswer)), read: readMb(pid) - before });
      }
    } finally {
      clearInterval(sampler);
    }
    const read = readMb(pid) - readBefore;
    const sent = answers.map((answer) => (answer.sent / MB).toFixed(1)).join(", ");
    const reads = answers.map((answer) => answer.read.toFixed(2)).join(", ");
    console.log(
      `three 20 MB forms: the client got ${sent} MB of them sent; the process read ${reads} MB (rchar); RSS ${rssBefore.toFixed(0)} MB before, ${peak.toFixed(0)} MB at most`,
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(3).fill("HTTP/1.1 413 Payload Too Large"));
    // Of each 20 MB: what the app read (up to the limit) and what the kernel's socket buffers took — a few MB.
    // Had the app read on, the client would have sent all of it. The second sends its body only after the answer:
    // that body arrives after Node has set out to discard it, which read on at wire speed until the socket closed.
    for (const answer of answers) expect(answer.sent).toBeLessThan(12 * MB);
    // rchar counts every read of the process (files too), so it is the looser bound.
    expect(read).toBeLessThan(30);
    expect(peak - rssBefore).toBeLessThan(60);
  }, 60_000);

  it("answers a form just over its limit with the translated page", async () => {
    const response = await fetch(`${app.base}/login`, form(`identifier=${"a".repeat(BODY_LIMITS.form)}`, { "Accept-Language": "en" }));
    expect(response.status).toBe(413);
    expectErrorPage(await response.text(), "en", "What you sent was too large to be received.");
  });

  it("does not echo a sign-in identifier of 1 MB into the page (it was: a 2 MB answer)", async () => {
    const response = await fetch(`${app.base}/login`, form(`identifier=${"a".repeat(MB)}`));
    const body = await response.text();
    expect(response.status).toBe(413);
    expect(body.length).toBeLessThan(5_000);
  });

  it("still takes the largest form staff can fill: an activity with every text at its limit in all three languages, every letter two bytes", async () => {
    const type = await db.activityType.create({ data: { code: "limits", name: { da: "Grænser" }, icon: "star" } });
    const effort = await db.effortArea.create({ data: { code: "limits", name: { da: "Grænser" } } });
    const letters = (count: number) => "ب".repeat(count);
    const body = new URLSearchParams({
      typeId: type.id,
      effortAreaId: effort.id,
      capacity: "10",
      capacityUnit: "PERSON",
      cancelDeadlineHours: "24",
      offerHoldHours: "24",
      place: letters(120),
      address: letters(200),
      contactName: letters(120),
      contactEmail: "kontakt@example.dk",
    });
    for (const language of ["da", "en", "ar"]) {
      body.set(`title.${language}`, `Grænse ${letters(113)}`);
      body.set(`description.${language}`, letters(5000));
      body.set(`practicalInfo.${language}`, letters(3000));
      body.set(`terms.${language}`, letters(5000));
    }
    const size = body.toString().length;
    expect(size).toBeGreaterThan(230 * 1024);
    const response = await fetch(`${app.base}/staff/activities/new`, form(body, { Cookie: staffCookie }));
    await response.body?.cancel();
    expect([response.status, response.headers.get("location")]).toEqual([302, expect.stringMatching(/^\/staff\/activities\/[\w-]+\/sessions\?done=created$/)]);
    console.log(`largest activity form: ${(size / 1024).toFixed(0)} KB of ${BODY_LIMITS.staffForm / 1024} KB`);
  });

  it("shows a search back (and looks for it) only up to its limit", async () => {
    const response = await fetch(`${app.base}/staff/families?q=${"x".repeat(5_000)}`, { headers: { Cookie: staffCookie } });
    const page = await response.text();
    expect(response.status).toBe(200);
    const field = /<input[^>]*name="q"[^>]*>/.exec(page)?.[0] ?? "";
    expect(/value="(x*)"/.exec(field)?.[1]?.length).toBe(100);
  });
});

describe("in development mode", () => {
  it("answers an address that cannot be decoded with the translated page, not Express's stack trace", async () => {
    for (const address of ["/activities/%E0%A4%A", "/%", "/staff/families/%ZZ"]) {
      const response = await fetch(`${app.base}${address}`, { headers: { "Accept-Language": "en" } });
      expect([address, response.status]).toEqual([address, 400]);
      expectErrorPage(await response.text(), "en", "We could not find that page.");
    }
  });
});

describe("server timeouts", () => {
  it("closes a connection whose headers never finish (slow loris) once headersTimeout has passed", async () => {
    const { headersTimeout, connectionsCheckingInterval } = SERVER_TIMEOUTS;
    const socket = net.connect({ port, host: "localhost" });
    let answer = "";
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
    await new Promise((resolve) => socket.once("connect", resolve));
    const started = Date.now();
    socket.write("GET /activities HTTP/1.1\r\nHost: localhost\r\n");
    const drip = setInterval(() => socket.writable && socket.write("X-Slow: a\r\n"), 500);
    const closedAfter = await new Promise<number>((resolve) => {
      socket.once("close", () => resolve(Date.now() - started));
      setTimeout(() => resolve(Number.POSITIVE_INFINITY), headersTimeout + connectionsCheckingInterval + 3_000);
    });
    clearInterval(drip);
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfter).toBeGreaterThanOrEqual(headersTimeout - 500);
    expect(closedAfter).toBeLessThan(headersTimeout + connectionsCheckingInterval + 2_000);
  }, 30_000);

  it("keeps an idle connection open as long as it says (longer than the proxy's 60 s)", async () => {
    const response = await fetch(`${app.base}/livez`);
    await response.text();
    expect(response.headers.get("keep-alive")).toBe(`timeout=${SERVER_TIMEOUTS.keepAliveTimeout / 1000}`);
  });
});
