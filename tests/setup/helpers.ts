// Small helpers for integration tests.
import pg from "pg";
import { vi } from "vitest";
import { db } from "../../app/lib/db.server.ts";

/** The newest dev-outbox message to a recipient (e-mail via the SMTP catcher, or SMS). */
export async function lastMessageTo(recipient: string) {
  return db.devOutboxItem.findFirst({ where: { recipient }, orderBy: { createdAt: "desc" } });
}

export function codeIn(text: string | null | undefined): string {
  const match = /\b(\d{6})\b/.exec(text ?? "");
  if (!match) throw new Error(`No 6-digit code in: ${text}`);
  return match[1]!;
}

export async function createUser(input: { role: "PARENT" | "YOUTH" | "PARTNER" | "STAFF" | "ADMIN"; email?: string; phone?: string; firstName?: string }) {
  return db.user.create({
    data: {
      role: input.role,
      email: input.email ?? null,
      phone: input.phone ?? null,
      person: { create: { firstName: input.firstName ?? "Test", lastName: "Person", email: input.email ?? null, phone: input.phone ?? null } },
    },
  });
}

/**
 * What `work` returns, and the SQL it sent to PostgreSQL, each statement as one line of text. Every statement
 * Prisma's pg adapter sends (and the SMTP catcher's) goes through pg.Client#query, so nothing else may run meanwhile.
 */
export async function statementsOf<T>(work: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
  const spy = vi.spyOn(pg.Client.prototype, "query");
  try {
    const result = await work();
    const sql = spy.mock.calls.map(([query]) =>
      (typeof query === "string" ? query : ((query as { text?: string }).text ?? String(query))).replace(/\s+/g, " ").trim(),
    );
    return { result, sql };
  } finally {
    spy.mockRestore();
  }
}
