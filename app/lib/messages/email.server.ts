// E-mail through a real SMTP transport (nodemailer). Without SMTP_URL, in
// development and tests, it goes to the in-process SMTP catcher
// (smtp-catcher.server.ts), which the server or the test setup starts.
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "../env.server.ts";

let transporter: Transporter | undefined;

function transport(): Transporter {
  if (!transporter) {
    const url = env().SMTP_URL;
    if (!url) throw new Error("SMTP_URL is not set (and the development mail catcher is not running).");
    // Bounded waits (nodemailer's own default is 10 minutes a socket): one slow server must not hold a delivery
    // run past its lease (send.server.ts), or another run would send the same message again.
    transporter = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  }
  return transporter;
}

export type Email = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  language: string;
  attachments?: { filename: string; contentType: string; content: string }[];
  /** The outbox row's id: the same Message-ID on every try, so a receiving server can drop a repeated one. */
  id?: string;
};

export async function sendEmail(email: Email): Promise<void> {
  await transport().sendMail({
    from: env().MAIL_FROM,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    attachments: email.attachments,
    headers: { "Content-Language": email.language },
    ...(email.id ? { messageId: `<${email.id}@aktivitetsportalen>` } : {}),
  });
}
