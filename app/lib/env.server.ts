// The environment, read and validated once. Every setting the app reads is
// here, with its default, so README's configuration table has one source.
import { z } from "zod";

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /** Set by server/index.ts to the embedded server when not given. */
    DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL" }),
    /** Public base URL, used in links in e-mail and SMS. */
    APP_URL: z.string().url().optional(),
    PORT: z.coerce.number().int().default(3000),
    /** Connections per app instance. */
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).default(10),
    /** SMTP server for e-mail, e.g. smtp://user:pass@smtp.example.dk:587. Unset in dev/test: the in-process catcher. */
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default("Aktivitetsportalen <noreply@aktivitetsportalen.dk>"),
    /**
     * "gatewayapi": GatewayAPI's REST API (ADR 023), SMS_GATEWAY_TOKEN its API token, SMS_GATEWAY_URL optional (default
     * https://gatewayapi.com/rest/mtsms). "generic": POST JSON {from, to, text} with a bearer token to SMS_GATEWAY_URL.
     */
    SMS_PROVIDER: z.enum(["generic", "gatewayapi"]).default("generic"),
    /** HTTP SMS gateway; unset in dev/test: the outbox at /dev/outbox. */
    SMS_GATEWAY_URL: z.string().url().optional(),
    SMS_GATEWAY_TOKEN: z.string().optional(),
    /** The authentication token set on the GatewayAPI webhook: its delivery reports are JWTs (HS256) signed with it. */
    GATEWAYAPI_WEBHOOK_SECRET: z.string().min(16, { message: "GATEWAYAPI_WEBHOOK_SECRET must be at least 16 characters" }).optional(),
    SMS_SENDER: z.string().default("Aktivitet"),
    /** Show /dev/outbox and use the outbox transports. Never true in production. */
    DEV_OUTBOX: z.enum(["0", "1"]).optional(),
    /** Signs the small cookies (pending sign-in). Required in production; rotate by prepending a new one, comma-separated. */
    SESSION_SECRET: z.string().min(32, { message: "SESSION_SECRET must be at least 32 characters" }).optional(),
    /** Reports that leave the office show counts below this as "<n" (small-cell suppression). */
    REPORT_MIN_CELL: z.coerce.number().int().min(2).default(5),
    /** Households with no activity for this many years are anonymised by the nightly retention job. */
    RETENTION_YEARS: z.coerce.number().int().min(1).default(3),
    /** How families reach the organisation (privacy page, accessibility statement). The phone is required in production. */
    CONTACT_EMAIL: z.string().email().default("kontakt@aktivitetsportalen.dk"),
    CONTACT_PHONE: z.string().optional(),
    /** Folder of the nightly backup (app/lib/backups.server.ts); unset or empty: no nightly backup. Holds personal data: keep it as safe as the database. */
    BACKUP_DIR: z.string().optional(),
    /** The nightly backup deletes its own backups older than this many days from BACKUP_DIR. */
    BACKUP_KEEP_DAYS: z.coerce.number().int().min(1).default(14),
  })
  .superRefine((value, ctx) => {
    if (value.NODE_ENV !== "production") return;
    const sms = value.SMS_PROVIDER === "gatewayapi" ? (["SMS_GATEWAY_TOKEN"] as const) : (["SMS_GATEWAY_URL"] as const);
    for (const key of ["SESSION_SECRET", "SMTP_URL", ...sms, "APP_URL", "CONTACT_PHONE"] as const) {
      if (!value[key]) ctx.addIssue({ code: "custom", path: [key], message: `${key} is required in production` });
    }
  })
  .superRefine((value, ctx) => {
    if (value.SMS_PROVIDER === "gatewayapi" && !value.SMS_GATEWAY_TOKEN)
      ctx.addIssue({
        code: "custom",
        path: ["SMS_GATEWAY_TOKEN"],
        message: "SMS_GATEWAY_TOKEN (the GatewayAPI API token) is required with SMS_PROVIDER=gatewayapi",
      });
  });

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

export const isProduction = () => env().NODE_ENV === "production";

/** Absolute URL of a path in the portal, for links in messages. */
export function appUrl(path: string): string {
  const base = env().APP_URL ?? `http://localhost:${env().PORT}`;
  return new URL(path, base).toString();
}

/** Secrets for signed cookies; a fixed one outside production (nothing there is worth forging). */
export function cookieSecrets(): string[] {
  return (env().SESSION_SECRET ?? "development-secret-not-for-production-use").split(",");
}

/** The dev outbox (SMS outbox, SMTP catcher, /dev/outbox) is on outside production unless switched off. */
export const devOutboxEnabled = () => !isProduction() && env().DEV_OUTBOX !== "0";

/** The organisation's contact details for families. Outside production a clearly fictitious demo number. */
export function contactDetails(): { email: string; phone: string } {
  return { email: env().CONTACT_EMAIL, phone: env().CONTACT_PHONE ?? "+45 00 00 00 00 (demo)" };
}
