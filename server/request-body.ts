// What a request may send before Remix sees it: the methods the pages use,
// and for a POST a form (urlencoded or multipart) of a size that fits its
// kind of route, whose field names conform can read. Everything else is
// answered here with the translated error page — 405, 415, 413 or 400 —
// instead of reaching an action that would fail with a 500 (request.formData()
// throws a TypeError on text/plain, JSON, no type or a truncated multipart
// body) or read 20 MB into memory. The body is read here, counted as it
// arrives (a chunked body has no Content-Length to check), and handed to
// Remix as it came (server/app.ts).
import type { NextFunction, Request, Response } from "express";
import { sendErrorPage, type ErrorPageOptions } from "./error-page.ts";

const KB = 1024;
const MB = 1024 * KB;

/**
 * Body limits by kind of route, in bytes as sent (urlencoded: a letter outside ASCII, æ or an Arabic letter, is
 * two UTF-8 bytes and six bytes on the wire as %XX%XX). Measured on the forms' own field limits
 * (docs/security.md §5, tests/integration/request-limits.test.ts):
 * - `form`, families' and young people's pages: the largest is the job application, ≈ 1,650 characters at its
 *   limits — 10 KB with every letter Arabic. 32 KB leaves three times that.
 * - `staffForm`, /staff and /admin: the activity editor holds 13,120 characters in each of three languages
 *   (title 120, description 5,000, practical information 3,000, terms 5,000): about 95 KB when written in Danish,
 *   English and Arabic, 233 KB if every letter of all three were two bytes. 512 KB leaves twice the worst case.
 * - `upload`: a file (multipart) on a route in UPLOAD_ROUTES only: the spreadsheet import's upload (staff). 10 MB
 *   is a spreadsheet of many thousand rows (5,000 rows of families as CSV: 0.5 MB).
 */
export const BODY_LIMITS = { form: 32 * KB, staffForm: 512 * KB, upload: 10 * MB, webhook: 16 * KB } as const;
export type BodyKind = keyof typeof BODY_LIMITS;

/** Addresses that take a file upload (multipart/form-data) up to BODY_LIMITS.upload, e.g. /^\/staff\/import(\.data)?$/. */
export const UPLOAD_ROUTES: readonly RegExp[] = [/^\/staff\/import(\.data)?$/];

/**
 * Addresses a provider posts JSON to (not a browser): an SMS delivery report is a few hundred bytes, so `webhook`
 * allows 16 KB. They authenticate the sender themselves (a signature), not by a session or an Origin.
 */
export const WEBHOOK_ROUTES: readonly RegExp[] = [/^\/webhooks\/sms\/gatewayapi$/];
export const isWebhookPath = (path: string) => WEBHOOK_ROUTES.some((route) => route.test(path));

/** The methods the pages use. Anything else (PUT, PATCH, DELETE, …) would reach an action as if it were a POST. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

/**
 * Field names as the forms write them ("children[0].housingAreaId"): at most 100 characters, list indexes below
 * 100. conform turns "a[99999999]=1" into an array of that length before any schema runs: 15 bytes made a 3 MB
 * answer, one more digit took the process down (out of memory).
 */
export const FIELD_NAME_MAX = 100;
export const LIST_INDEX_MAX = 99;

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

/** The kind of body a POST to this path with this media type may send, or null when it may not be sent at all. */
export function bodyKind(path: string, mediaType: string): BodyKind | null {
  if (isWebhookPath(path)) return mediaType === "application/json" ? "webhook" : null;
  if (!FORM_TYPES.has(mediaType)) return null;
  if (mediaType === "multipart/form-data" && UPLOAD_ROUTES.some((route) => route.test(path))) return "upload";
  return /^\/(staff|admin)(\/|\.data$|$)/.test(path) ? "staffForm" : "form";
}

/** What is wrong with a form's field names (null: nothing). */
export function fieldNameProblem(names: Iterable<string>): string | null {
  for (const name of names) {
    if (name.length > FIELD_NAME_MAX) return "fieldNameTooLong";
    for (const [, index] of name.matchAll(/\[(\d*)\]/g)) if (index && (index.length > 3 || Number(index) > LIST_INDEX_MAX)) return "listIndexTooLarge";
  }
  return null;
}

/**
 * A body refused unread is discarded as it arrives, up to 1 MB (what the proxy lets through, docs/deployment.md):
 * the connection then serves the next request, and a proxy that sends the whole body before it reads the answer
 * gets the answer rather than a reset. A longer or chunked body is not read on: see closeAfterAnswer.
 */
export const DISCARD_MAX = 1 * MB;

/** How long a client whose body is cut off gets to read the answer before the connection is closed. */
export const LINGER_MS = 1_000;

/**
 * Answers, then reads no more of this request's body and closes the connection. Node closes a "Connection: close"
 * connection the moment the answer is written (socket.destroySoon); with the body still arriving, the client's
 * next send then meets a reset, and it may never read the answer. Instead the connection is half-closed (the
 * client reads the answer, then its end), reading stops, and the connection is destroyed a moment later.
 */
export function closeAfterAnswer(req: Request, res: Response): void {
  res.set("Connection", "close");
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  // Node's own finish handler (it runs first) "dumps" an unread body: the parser then discards what arrives
  // without pushing it, and a resume is scheduled for the next tick, which starts the socket reading again. So
  // pausing the request does not stop the rest from being read at wire speed through the linger (CI once took
  // 20 MB of a refused form that way). Pausing the socket after that tick does.
  res.once("finish", () => {
    req.pause();
    setImmediate(() => socket.pause());
  });
}

/** For an answer given before the body was read: discard a small body, cut off a large or unknown one. */
export function leaveBodyUnread(req: Request, res: Response): void {
  const chunked = req.get("transfer-encoding") !== undefined;
  if (req.complete || (!chunked && Number(req.get("content-length") ?? 0) <= DISCARD_MAX)) return;
  closeAfterAnswer(req, res);
}

type Read = { body: Buffer<ArrayBuffer> } | { problem: "tooLarge" | "aborted" };

/** Reads the body up to `limit` bytes, counting them as they arrive; stops reading at the first byte over. */
function readBody(req: Request, limit: number): Promise<Read> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: Read) => {
      if (settled) return;
      settled = true;
      req.off("data", onData).off("end", onEnd).off("error", onAborted).off("close", onAborted);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        settle({ problem: "tooLarge" });
      } else chunks.push(chunk);
    };
    const onEnd = () => settle({ body: Buffer.concat(chunks, size) });
    const onAborted = () => settle({ problem: "aborted" });
    req.on("data", onData).on("end", onEnd).on("error", onAborted).on("close", onAborted);
  });
}

/**
 * conform's control fields. conform reads `__intent__` (a JSON {type, payload} its list and validation buttons send)
 * and `__state__` on every form, and acts on them twice: in the action, and again when the page renders the answer.
 * Text that is not its JSON made the action throw; an intent with no payload, or a list operation on a field that
 * is no list, passed the action and broke the page — each a 500. The pages send neither: no intent buttons, no
 * validation while typing (ADR 010). A form that carries one did not come from a page; it is refused whole. (A page
 * that starts using conform's list buttons must allow their intents here.)
 */
export const CONFORM_CONTROLS = ["__intent__", "__state__"] as const;

export function conformControlProblem(names: Iterable<string>): string | null {
  for (const name of names) if ((CONFORM_CONTROLS as readonly string[]).includes(name)) return "conformControl";
  return null;
}

/** Why a request was refused, for the request log (never the body itself). */
type Refusal = { status: 400 | 405 | 413 | 415; reason: string };
type Options = { stylesheets: () => readonly string[] };

/**
 * The request body middleware. Safe methods pass; methods the pages do not use get 405 (OPTIONS: 204 with Allow);
 * a POST must be a form within its route's limit, readable by conform. The body read is left in res.locals.body.
 */
export function requestBody(options: Options) {
  return (req: Request, res: Response, next: NextFunction) => {
    checkBody(req, res, next, options).catch(next);
  };
}

async function checkBody(req: Request, res: Response, next: NextFunction, options: Options): Promise<void> {
  const refuse = (refusal: Refusal, headers: ErrorPageOptions["headers"] = {}) => {
    res.locals.refused = refusal.reason;
    return sendErrorPage(req, res, refusal.status, { stylesheets: options.stylesheets(), headers });
  };
  const refuseUnread = (refusal: Refusal, headers: ErrorPageOptions["headers"] = {}) => {
    leaveBodyUnread(req, res);
    return refuse(refusal, headers);
  };
  if (req.method === "GET" || req.method === "HEAD") return next();
  const allow = ALLOWED_METHODS.join(", ");
  if (req.method === "OPTIONS") {
    res.status(204).set("Allow", allow).end();
    return;
  }
  if (req.method !== "POST") return refuseUnread({ status: 405, reason: "method" }, { Allow: allow });

  const contentType = req.get("content-type") ?? "";
  const mediaType = contentType.split(";")[0]!.trim().toLowerCase();
  const encoding = (req.get("content-encoding") ?? "identity").trim().toLowerCase();
  const kind = bodyKind(req.path, mediaType);
  if (!kind || encoding !== "identity") return refuseUnread({ status: 415, reason: "type" });

  // Over the limit: answered without reading it (a declared length), or without reading on (counted).
  const limit = BODY_LIMITS[kind];
  if (Number(req.get("content-length") ?? 0) > limit) return refuseUnread({ status: 413, reason: kind });
  if (/100-continue/i.test(req.get("expect") ?? "")) res.writeContinue(); // server/http-server.ts leaves it to us
  const read = await readBody(req, limit);
  if ("problem" in read) {
    if (read.problem === "aborted") return; // nobody to answer
    closeAfterAnswer(req, res); // the rest is of unknown length
    return refuse({ status: 413, reason: kind });
  }

  if (kind === "webhook") {
    try {
      JSON.parse(read.body.toString("utf8"));
    } catch {
      return refuse({ status: 400, reason: "json" });
    }
    res.locals.body = read.body;
    return next();
  }
  let form: FormData | URLSearchParams;
  if (mediaType === "multipart/form-data") {
    try {
      form = await new Response(read.body, { headers: { "Content-Type": contentType } }).formData();
    } catch {
      return refuse({ status: 400, reason: "multipart" });
    }
  } else {
    form = new URLSearchParams(read.body.toString("utf8"));
  }
  const names = new Set(form.keys());
  const problem = fieldNameProblem(names) ?? conformControlProblem(names);
  if (problem) return refuse({ status: 400, reason: problem });
  res.locals.body = read.body;
  next();
}
