// SMS through a small transport interface: GatewayAPI's REST API in production
// (SMS_PROVIDER=gatewayapi, ADR 023), a generic HTTP gateway (SMS_GATEWAY_URL)
// for anything else, the dev outbox otherwise.
import { db } from "../db.server.ts";
import { appUrl, devOutboxEnabled, env } from "../env.server.ts";
import { isGsm7 } from "./segments.ts";

/** `id`: the outbox row's, when there is one — a reference the provider can deduplicate on and report back with. */
export type Sms = { to: string; text: string; id?: string };
export interface SmsTransport {
  send(sms: Sms): Promise<void>;
}

/** POSTs {from, to, text} as JSON with a bearer token; any non-2xx is a failure. For a gateway of one's own. */
export class HttpGatewaySmsTransport implements SmsTransport {
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly sender: string,
  ) {}

  async send(sms: Sms): Promise<void> {
    const response = await fetch(this.url, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ from: this.sender, to: sms.to, text: sms.text }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
  }
}

/** GatewayAPI's address for sending (docs: gatewayapi.com/docs/rest.html, "Sending SMS'es"); gatewayapi.eu for EU hosting. */
export const GATEWAYAPI_URL = "https://gatewayapi.com/rest/mtsms";
/** Where GatewayAPI posts delivery reports (app/routes/webhooks.sms.gatewayapi.tsx). */
export const GATEWAYAPI_WEBHOOK_PATH = "/webhooks/sms/gatewayapi";

/** "+4520123456" → 4520123456: GatewayAPI's MSISDN is the full number, country code first, digits only. */
export function msisdn(phone: string): number {
  const digits = phone.replace(/^\+/, "");
  if (!/^[1-9]\d{7,14}$/.test(digits)) throw new Error("Not an E.164 phone number.");
  return Number(digits);
}

/**
 * GatewayAPI's REST API, POST /rest/mtsms, as documented: JSON {sender, message, recipients: [{msisdn}]}, the
 * API token as the Basic-auth user name with an empty password; `encoding: "UCS2"` when the text is not all GSM
 * 03.38 (else the provider transcodes it to GSM and an Arabic text arrives as question marks); `userref` the
 * outbox row's id, which comes back in every delivery report; `callback_url` the portal's webhook for them.
 */
export class GatewayApiSmsTransport implements SmsTransport {
  constructor(private readonly options: { url: string; token: string; sender: string; callbackUrl?: string }) {}

  /** The request body for one SMS (exported for the tests' fake of the API). */
  body(sms: Sms) {
    return {
      sender: this.options.sender,
      message: sms.text,
      recipients: [{ msisdn: msisdn(sms.to) }],
      ...(isGsm7(sms.text) ? {} : { encoding: "UCS2" }),
      ...(sms.id ? { userref: sms.id } : {}),
      ...(this.options.callbackUrl ? { callback_url: this.options.callbackUrl } : {}),
    };
  }

  async send(sms: Sms): Promise<void> {
    const response = await fetch(this.options.url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        Authorization: `Basic ${Buffer.from(`${this.options.token}:`).toString("base64")}`,
      },
      body: JSON.stringify(this.body(sms)),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.ok) return;
    // The error's code (e.g. 0x0213) helps the operator; its message and variables may hold an address: not kept.
    const code = await response
      .json()
      .then((json: { code?: unknown }) => (typeof json?.code === "string" ? json.code.slice(0, 10) : null))
      .catch(() => null);
    throw new Error(`GatewayAPI answered ${response.status}${code ? ` (${code})` : ""}`);
  }
}

/** Development and tests: the message lands in the outbox shown at /dev/outbox. */
export class OutboxSmsTransport implements SmsTransport {
  async send(sms: Sms): Promise<void> {
    await db.devOutboxItem.create({ data: { channel: "SMS", recipient: sms.to, body: sms.text } });
  }
}

export function smsTransport(): SmsTransport {
  const { SMS_PROVIDER, SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN, SMS_SENDER, GATEWAYAPI_WEBHOOK_SECRET } = env();
  if (SMS_PROVIDER === "gatewayapi")
    return new GatewayApiSmsTransport({
      url: SMS_GATEWAY_URL ?? GATEWAYAPI_URL,
      token: SMS_GATEWAY_TOKEN!,
      sender: SMS_SENDER,
      // Reports are asked for only when the webhook can check them (its secret is set).
      callbackUrl: GATEWAYAPI_WEBHOOK_SECRET ? appUrl(GATEWAYAPI_WEBHOOK_PATH) : undefined,
    });
  if (SMS_GATEWAY_URL) return new HttpGatewaySmsTransport(SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN, SMS_SENDER);
  if (devOutboxEnabled()) return new OutboxSmsTransport();
  throw new Error("No SMS transport: set SMS_PROVIDER=gatewayapi (or SMS_GATEWAY_URL).");
}
