// Direct access to the browser tests' database (the server's embedded
// PostgreSQL) for arranging data a test needs, with the integration-test builders.
export async function e2eData() {
  process.env.DATABASE_URL ??= `postgresql://postgres:postgres@127.0.0.1:${process.env.E2E_PG_PORT}/aktivitetsportalen`;
  process.env.NODE_ENV ??= "test";
  const fixtures = await import("../setup/fixtures.ts");
  const { db } = await import("../../app/lib/db.server.ts");
  return { ...fixtures, db };
}
