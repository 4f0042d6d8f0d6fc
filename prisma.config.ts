// Prisma CLI configuration: the JavaScript schema engine over our patched
// node-postgres adapter, because the Rust engines cannot be downloaded here
// (docs/decisions/001-prisma-6-js-engine.md).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { CliPgAdapterFactory } from "./prisma/cli-adapter.ts";

// `prisma generate` connects to nothing but needs a syntactically valid URL,
// or it falls back to downloading an engine.
const url = process.env.DATABASE_URL || "postgresql://placeholder:placeholder@localhost:5432/placeholder";
process.env.DATABASE_URL = url;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => new CliPgAdapterFactory(url),
});
