// An in-process SMTP server for development and tests: every e-mail the
// portal sends over real SMTP arrives here and is stored in the dev outbox
// (DevOutboxItem), shown at /dev/outbox. Never started in production.
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { PrismaClient } from "~/generated/prisma/client.ts";

export type SmtpCatcher = { port: number; url: string; close(): Promise<void> };

export async function startSmtpCatcher(db: PrismaClient, port = 0): Promise<SmtpCatcher> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address);
          await db.devOutboxItem.createMany({
            data: recipients.map((recipient) => ({
              channel: "EMAIL" as const,
              recipient,
              subject: mail.subject ?? null,
              body: mail.text ?? "",
              html: typeof mail.html === "string" ? mail.html : null,
              attachments: mail.attachments.length
                ? mail.attachments.map((file) => ({ filename: file.filename ?? "", contentType: file.contentType, content: file.content.toString("utf8") }))
                : undefined,
            })),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
