// The one way the portal sends a message to a person: pick the channel
// (e-mail when there is an address, else SMS), render the template from
// locales/<language>/messages.json in the recipient's language, log it in
// Message, send it. Messages carry no more personal data than needed.
import { db } from "../db.server.ts";
import { isLanguage, defaultLanguage, type Language } from "../i18n.ts";
import { translator } from "../i18n.server.ts";
import { sendEmail } from "./email.server.ts";
import { smsTransport } from "./sms.server.ts";

export type Recipient = { email?: string | null; phone?: string | null; language?: string | null };

/** Templates in messages.json: each has subject, text (e-mail) and sms. */
export type Template = "signInCode";

type Params = Record<string, string | number>;

/**
 * `secret` names params (such as a sign-in code) that are sent but never
 * stored: the log keeps the message with them masked.
 */
export async function sendMessage(recipient: Recipient, template: Template, params: Params, options: { secret?: string[] } = {}): Promise<void> {
  const language: Language = isLanguage(recipient.language) ? recipient.language : defaultLanguage;
  const t = translator(language, "messages");
  const channel = recipient.email ? "EMAIL" : recipient.phone ? "SMS" : null;
  if (!channel) throw new Error("The recipient has neither e-mail nor phone.");
  const to = (channel === "EMAIL" ? recipient.email : recipient.phone)!;
  const render = (values: Params) => ({
    subject: t(`${template}.subject`, values),
    body: channel === "EMAIL" ? `${t(`${template}.text`, values)}\n\n${t("signature")}` : t(`${template}.sms`, values),
  });
  const { subject, body } = render(params);
  const masked = render({ ...params, ...Object.fromEntries((options.secret ?? []).map((key) => [key, "******"])) });

  const message = await db.message.create({
    data: { channel, recipient: to, language, template, subject: channel === "EMAIL" ? masked.subject : null, body: masked.body },
    select: { id: true },
  });
  try {
    if (channel === "EMAIL") await sendEmail({ to, subject, text: body, language });
    else await smsTransport().send({ to, text: body });
    await db.message.update({ where: { id: message.id }, data: { status: "SENT", sentAt: new Date() } });
  } catch (error) {
    await db.message.update({ where: { id: message.id }, data: { status: "FAILED", error: String(error).slice(0, 500) } });
    throw error;
  }
}
