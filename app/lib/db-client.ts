// How a Prisma client is made (node-postgres driver adapter, no Rust
// engine: docs/decisions/001-prisma-6-js-engine.md). The app uses the one
// instance in db.server.ts; start-up, seed and tests make their own.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "~/generated/prisma/client.ts";

export function createDb(databaseUrl: string, poolSize = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
}
