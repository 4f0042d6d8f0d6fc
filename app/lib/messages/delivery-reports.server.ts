// What an SMS provider reports back after sending (ADR 023): GatewayAPI posts
// a delivery status notification (DSN) for each state a message reaches; the
// last one is kept on the Message row staff see in the log. A final failure
// marks the message failed and, where the person has an e-mail address now,
// sends the text by e-mail instead (once, however often the report comes).
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { db } from "../db.server.ts";
import { log } from "../log.server.ts";
import { queueEmailInPlaceOfSms } from "./send.server.ts";

/** GatewayAPI's states (docs: "Delivery Status Notification", states and status codes). */
const DELIVERED = new Set(["DELIVERED", "ACCEPTED"]);
export const UNDELIVERED = new Set(["UNDELIVERABLE", "EXPIRED", "REJECTED", "DELETED", "SKIPPED"]);
const TRANSIENT = new Set(["UNKNOWN", "SCHEDULED", "BUFFERED", "ENROUTE"]);
const FINAL = new Set([...DELIVERED, ...UNDELIVERED]);

/** A DSN's fields the portal reads: `userref` is the Message id it was sent with. */
export const gatewayApiReport = z.object({
  id: z.number().int().optional(),
  status: z.string().refine((status) => FINAL.has(status) || TRANSIENT.has(status)),
  userref: z.uuid().optional().nullable(),
  time: z.number().optional(),
  error: z.string().max(500).optional().nullable(),
  code: z.string().max(20).optional().nullable(),
});
export type GatewayApiReport = z.infer<typeof gatewayApiReport>;

const base64url = (buffer: Buffer) => buffer.toString("base64url");

/** Signs claims as GatewayAPI does (HS256 JWT with the webhook's token). For tests and local fakes. */
export function signGatewayApiJwt(claims: object, secret: string): string {
  const head = base64url(Buffer.from(JSON.stringify({ typ: "JWT", alg: "HS256" })));
  const body = base64url(Buffer.from(JSON.stringify(claims)));
  return `${head}.${body}.${base64url(createHmac("sha256", secret).update(`${head}.${body}`).digest())}`;
}

/**
 * The claims of the X-Gwapi-Signature header's JWT when it is HS256 and signed with `secret`, else null. Only
 * HS256 is taken (an "alg": "none" token or another algorithm is refused, not trusted).
 */
export function verifyGatewayApiJwt(token: string | null | undefined, secret: string): unknown {
  if (!token || token.length > 8192) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [head, body, signature] = parts as [string, string, string];
  try {
    const header = JSON.parse(Buffer.from(head, "base64url").toString("utf8")) as { alg?: unknown };
    if (header.alg !== "HS256") return null;
    const expected = createHmac("sha256", secret).update(`${head}.${body}`).digest();
    const given = Buffer.from(signature, "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
}

export type ReportOutcome = "recorded" | "ignored" | "unknown";

/**
 * Records a report on the SMS it names. A transient state after a final one is ignored (GatewayAPI says reports
 * may come out of order); a final failure marks the message FAILED and sends it by e-mail where it can.
 */
export async function recordDeliveryReport(report: GatewayApiReport, now = new Date()): Promise<ReportOutcome> {
  if (!report.userref) return "unknown";
  const final = FINAL.has(report.status);
  const failed = UNDELIVERED.has(report.status);
  const error = failed ? `GatewayAPI: ${report.status}${report.code ? ` (${report.code})` : ""}${report.error ? `: ${report.error}` : ""}` : null;
  const updated = await db.$queryRaw<{ id: string }[]>`
    UPDATE "Message" SET "deliveryStatus" = ${report.status}, "deliveryReportedAt" = ${now},
      "status" = CASE WHEN ${failed} THEN 'FAILED'::"MessageStatus" ELSE "status" END,
      "error" = CASE WHEN ${failed} THEN ${error?.slice(0, 500) ?? null} ELSE "error" END
    WHERE "id" = ${report.userref}::uuid AND "channel" = 'SMS'
      AND (${final} OR "deliveryStatus" IS NULL OR "deliveryStatus" <> ALL(${[...FINAL]}::text[]))
    RETURNING "id"`;
  if (updated.length === 0) {
    const known = await db.message.count({ where: { id: report.userref, channel: "SMS" } });
    return known ? "ignored" : "unknown";
  }
  if (failed) {
    const fallback = await queueEmailInPlaceOfSms(report.userref);
    log("info", "messages.smsUndelivered", { messageId: report.userref, status: report.status, fallback });
  }
  return "recorded";
}
