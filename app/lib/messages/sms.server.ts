// SMS through a small transport interface: an HTTP gateway in production
// (configured by SMS_GATEWAY_URL/TOKEN), the dev outbox otherwise.
import { db } from "../db.server.ts";
import { devOutboxEnabled, env } from "../env.server.ts";

/** `id`: the outbox row's, when there is one — a reference the provider can deduplicate on and report back with. */
export type Sms = { to: string; text: string; id?: string };
export interface SmsTransport {
  send(sms: Sms): Promise<void>;
}

/** POSTs {from, to, text} as JSON with a bearer token; any non-2xx is a failure. */
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

/** Development and tests: the message lands in the outbox shown at /dev/outbox. */
export class OutboxSmsTransport implements SmsTransport {
  async send(sms: Sms): Promise<void> {
    await db.devOutboxItem.create({ data: { channel: "SMS", recipient: sms.to, body: sms.text } });
  }
}

export function smsTransport(): SmsTransport {
  const { SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN, SMS_SENDER } = env();
  if (SMS_GATEWAY_URL) return new HttpGatewaySmsTransport(SMS_GATEWAY_URL, SMS_GATEWAY_TOKEN, SMS_SENDER);
  if (devOutboxEnabled()) return new OutboxSmsTransport();
  throw new Error("No SMS transport: set SMS_GATEWAY_URL.");
}
