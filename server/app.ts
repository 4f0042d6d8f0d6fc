// The HTTP layer around Remix: static files with cache headers,
// compression, security headers, the cross-site request check that
// guards every state-changing request (lucia's CSRF guidance), the
// request body check (server/request-body.ts) and the error page for
// whatever goes wrong before or outside Remix (server/error-page.ts).
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { log, loggablePath, withRequestId } from "../app/lib/log.server.ts";
import type { DatabaseWatch } from "./database-watch.ts";
import { errorHandler, sendErrorPage } from "./error-page.ts";
import { metrics } from "./metrics.ts";
import { isWebhookPath, leaveBodyUnread, requestBody } from "./request-body.ts";

export const ROOT = path.resolve(import.meta.dirname, "..");

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's IP (behind a proxy: set TRUST_PROXY), for rate limits. */
    clientIp: string;
    /** This response's Content-Security-Policy nonce for inline scripts. */
    cspNonce: string;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a state-changing request that a browser says came from another
 * site, or that carries no Origin at all. Pure, for tests.
 */
export function isCrossSiteRequest(input: {
  method: string;
  origin?: string;
  secFetchSite?: string;
  host?: string;
  protocol: string;
  appOrigin?: string;
}): boolean {
  if (SAFE_METHODS.has(input.method)) return false;
  if (input.secFetchSite && input.secFetchSite !== "same-origin") return true;
  // An Origin is always compared (Remix compares it too, and a mismatch there is a 500): with the public origin
  // behind a proxy — the configured one, not what the proxy forwards.
  const expected = input.appOrigin ?? (input.host ? `${input.protocol}://${input.host}` : null);
  if (input.origin) return input.origin !== expected;
  return !input.secFetchSite;
}

/** Express `trust proxy` from TRUST_PROXY: a hop count, true/false, or addresses/subnets. */
export function trustProxySetting(value: string | undefined): boolean | number | string {
  if (value === undefined || value === "") return "loopback";
  if (value === "true" || value === "false") return value === "true";
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

const appOrigin = process.env.APP_URL ? new URL(process.env.APP_URL).origin : undefined;

/**
 * The origin the visitor's browser uses: APP_URL's when set (production requires it), else the address as the
 * request names it — X-Forwarded-Host and -Proto count only from a trusted proxy (TRUST_PROXY), as req.hostname
 * and req.protocol follow them only then.
 */
function publicOrigin(req: Request): string {
  if (appOrigin) return appOrigin;
  const [, forwardedPort] = req.app.get("trust proxy fn")(req.socket.remoteAddress ?? "", 0) ? (req.get("x-forwarded-host")?.split(":") ?? []) : [];
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const port = [forwardedPort, hostPort].map((value) => Number.parseInt(value ?? "", 10)).find(Number.isSafeInteger);
  return `${req.protocol}://${req.hostname}${port ? `:${port}` : ""}`;
}

function originCheck(stylesheets: () => readonly string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    // A provider's webhook is posted by a server, with no Origin; it checks its own signature and uses no session.
    if (isWebhookPath(req.path)) return next();
    const crossSite = isCrossSiteRequest({
      appOrigin,
      method: req.method,
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
      host: new URL(publicOrigin(req)).host,
      protocol: req.protocol,
    });
    if (!crossSite) return next();
    res.locals.refused = "crossSite";
    leaveBodyUnread(req, res);
    sendErrorPage(req, res, 403, { stylesheets: stylesheets() }).catch(next);
  };
}

/** The Content-Security-Policy: scripts only from this site or carrying this response's nonce. */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

const REQUEST_ID = /^[\w.-]{8,100}$/;

/**
 * Gives each request an id (the proxy's X-Request-Id when it sends a sane one), sends it back, runs the rest of
 * the request in its context so every log line carries it, and logs one line when the response is done: method,
 * path without the query string (it can hold a name searched for) or secret link tokens, status, milliseconds.
 * Built files are not logged.
 */
export function requestLog(req: Request, res: Response, next: NextFunction) {
  const incoming = req.get("x-request-id");
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomBytes(12).toString("base64url");
  res.set("X-Request-Id", requestId);
  const started = performance.now();
  if (!req.path.startsWith("/build/")) {
    res.on("finish", () =>
      withRequestId(requestId, () =>
        log(res.statusCode >= 500 ? "error" : "info", "request", {
          method: req.method,
          path: loggablePath(req.path),
          status: res.statusCode,
          refused: res.locals.refused as string | undefined,
          ms: Math.round(performance.now() - started),
        }),
      ),
    );
  }
  withRequestId(requestId, next);
}

function securityHeaders(production: boolean) {
  return (_req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.set({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "same-origin",
      "X-Frame-Options": "DENY",
      "Content-Security-Policy": contentSecurityPolicy(nonce),
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
      ...(production ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
    });
    next();
  };
}

/** The stylesheets of the root route (its links), for the pages the HTTP layer renders itself. */
function rootStylesheets(build: ServerBuild | (() => Promise<ServerBuild>)): () => readonly string[] {
  let found: readonly string[] | null = null;
  return () => {
    if (found) return found;
    try {
      const links = typeof build === "function" ? [] : ((build.routes.root?.module as { links?: () => { rel?: string; href?: string }[] }).links?.() ?? []);
      found = links.flatMap((link) => (link.rel === "stylesheet" && link.href ? [link.href] : []));
    } catch {
      found = [];
    }
    return found;
  };
}

/**
 * The Request Remix gets, as @remix-run/express makes it — the address as the visitor used it (req.hostname
 * follows X-Forwarded-Host only from a trusted proxy), every header, aborted when the connection closes before
 * the answer is sent — except the body: the one the body check read (res.locals.body), not the request stream.
 */
function remixRequest(req: Request, res: Response): globalThis.Request {
  const origin = publicOrigin(req);
  const url = new URL(`${origin}${req.originalUrl}`);
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headers)) {
    for (const value of Array.isArray(values) ? values : values ? [values] : []) headers.append(name, value);
  }
  // Remix's own cross-site check compares Origin with X-Forwarded-Host or Host and answers a mismatch with a 500.
  // The origin check above has decided already, against the public origin: Remix sees that same host.
  headers.delete("x-forwarded-host");
  headers.set("host", url.host);
  const controller = new AbortController();
  let answered = false;
  res.on("finish", () => (answered = true));
  res.on("close", () => answered || controller.abort());
  const body = req.method === "GET" || req.method === "HEAD" ? undefined : ((res.locals.body as Buffer<ArrayBuffer> | undefined) ?? new Uint8Array());
  return new globalThis.Request(url.href, { method: req.method, headers, signal: controller.signal, body });
}

const UNAVAILABLE: [title: string, text: string] = ["error.unavailableTitle", "error.unavailable"];

/** The 503 page while the database is away: translated, "try again in a minute", never cached. */
function sendUnavailable(req: Request, res: Response, stylesheets: () => readonly string[]): Promise<void> {
  res.locals.refused = "databaseAway";
  return sendErrorPage(req, res, 503, { stylesheets: stylesheets(), texts: UNAVAILABLE, headers: { "Retry-After": "60" } });
}

/** While the database is known to be away, every page gets the 503 page (liveness and readiness answer for themselves). */
function databaseGate(watch: DatabaseWatch | undefined, stylesheets: () => readonly string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!watch || watch.up() || req.path === "/livez" || req.path === "/healthz") return next();
    // Away at the last probe: ask again (one probe shared by all requests waiting), so the first page after it is back gets through.
    watch.check().then((up) => {
      if (up) return next();
      leaveBodyUnread(req, res);
      return sendUnavailable(req, res, stylesheets);
    }, next);
  };
}

/**
 * Sends a response body as Remix's writeReadableStreamToWritable does, but without flushing after every chunk:
 * `compression` honours each flush with a gzip block of its own (issue 21: a page in 27 flushed blocks was 75 %
 * larger on the wire). Unflushed, zlib sends what it has when its buffer fills and the rest at the end — nothing
 * here streams on purpose (no page defers data).
 */
async function writeBody(body: ReadableStream<Uint8Array>, res: Response): Promise<void> {
  const reader = body.getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) res.write(next.value);
    res.end();
  } catch (error) {
    res.destroy(error as Error);
    throw error;
  }
}

/** Remix behind Express (what @remix-run/express's handler does, with the request above). */
function remixHandler(options: AppOptions, stylesheets: () => readonly string[]) {
  const handle = createRequestHandler(options.build, options.mode);
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const response = await handle(remixRequest(req, res), { clientIp: req.ip ?? "unknown", cspNonce: String(res.locals.cspNonce ?? "") });
      // A page that failed because the database went away just now: the same 503 page as the gate's.
      if (response.status >= 500 && req.path !== "/healthz" && options.database && (!(await options.database.check()) || options.database.awayRecently())) {
        await response.body?.cancel().catch(() => {});
        return await sendUnavailable(req, res, stylesheets);
      }
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers.entries()) res.append(name, value);
      if (response.body) await writeBody(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}

export type AppOptions = {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode: "production" | "development";
  /** Whether PostgreSQL answers (server/database-watch.ts): while it does not, pages answer 503. */
  database?: DatabaseWatch;
};

export function createApp(options: AppOptions) {
  const stylesheets = rootStylesheets(options.build);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxySetting(process.env.TRUST_PROXY));
  app.use(requestLog);
  app.use(metrics()); // GET /metrics for Prometheus (token or this machine only), and the counts behind it
  app.use(compression());
  app.use(securityHeaders(process.env.NODE_ENV === "production"));
  // Fingerprinted build output never changes under its name.
  app.use("/build", express.static(path.join(ROOT, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(ROOT, "public"), { maxAge: "1h" }));
  // Browsers ask for /favicon.ico whatever the page says.
  app.get("/favicon.ico", (_req, res) => res.redirect(301, "/favicon.svg"));
  app.use(originCheck(stylesheets));
  app.use(databaseGate(options.database, stylesheets));
  app.use(requestBody({ stylesheets }));
  app.all("*", remixHandler(options, stylesheets));
  // Last: whatever Express itself meets (an address that cannot be decoded, a failure outside Remix) gets the
  // translated error page, in development as in production — never Express's page with the stack trace.
  app.use(errorHandler(stylesheets));
  return app;
}
