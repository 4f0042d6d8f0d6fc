// Direct access to the browser tests' database (the server's embedded
// PostgreSQL) for arranging data a test needs, with the integration-test builders.
export async function e2eData() {
  const { runningEmbeddedUrl } = await import("../../server/embedded-postgres.ts");
  process.env.DATABASE_URL ??= runningEmbeddedUrl(process.env.E2E_PG_DATA_DIR ?? ".tmp/e2e-postgres", "aktivitetsportalen") ?? undefined;
  process.env.NODE_ENV ??= "test";
  const fixtures = await import("../setup/fixtures.ts");
  const { db } = await import("../../app/lib/db.server.ts");
  return { ...fixtures, db };
}

/**
 * A fresh account of its own for one test (browser tests run in parallel, and two tests signing the same account in
 * at once would take each other's codes).
 */
export async function newAccount(role: "STAFF" | "PARTNER" | "ADMIN", firstName = "Test"): Promise<string> {
  const { db } = await e2eData();
  const email = `${role.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@example.dk`;
  await db.user.create({ data: { role, email, person: { create: { firstName, lastName: role === "PARTNER" ? "Partner" : "Staff", email } } } });
  return email;
}
