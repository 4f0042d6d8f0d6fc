// The one database client of the running app (one pool per process).
import type { PrismaClient } from "~/generated/prisma/client.ts";
import { createDb } from "./db-client.ts";
import { env } from "./env.server.ts";

export type Db = PrismaClient;
/** A client or an interactive transaction: what domain functions take. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends" | "$use">;

const globalForDb = globalThis as unknown as { __db?: PrismaClient };

export const db: PrismaClient = (globalForDb.__db ??= createDb(env().DATABASE_URL, env().DATABASE_POOL_SIZE));
