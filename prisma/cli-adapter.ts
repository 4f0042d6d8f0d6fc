// Driver adapter for the Prisma *CLI* (migrate diff, drift check) running
// Prisma 6.19's JavaScript schema engine over node-postgres. Works around
// bugs that make the stock PrismaPg adapter fail offline on these machines;
// the app's runtime client uses the stock adapter (app/lib/db-client.ts).
//
// - prisma/orm#27403: the JS schema engine cannot deserialise catalog
//   columns of type `name` (oid 19) -> report them as text (oid 25).
// - `"char"` (oid 18) must reach Prisma as its Character column type (not
//   text), or `migrate diff --from-migrations` panics ("unreachable").
// - The shadow database: PrismaPg's own drops it while its pool is still
//   open ("being accessed by other users"), and splits scripts on ";".
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";

const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

type Field = { dataTypeID: number };
type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type RawResult = { columnTypes: number[]; rows: unknown[] };

// Rows array -> indices of `"char"` columns, read back in queryRaw.
const charColumns = new WeakMap<object, number[]>();

function patchAdapter(adapter: Adapter): Adapter {
  const a = adapter as unknown as {
    performIO(q: unknown): Promise<{ fields: Field[]; rows: unknown[] }>;
    queryRaw(q: unknown): Promise<RawResult>;
    executeScript(script: string): Promise<void>;
    client: pg.Pool;
  };
  const performIO = a.performIO.bind(a);
  a.performIO = async (q) => {
    const result = await performIO(q);
    // A multi-statement script (a migration) yields one result per statement.
    if (Array.isArray(result)) return result;
    const chars: number[] = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
      else if (field.dataTypeID === CHAR_OID) {
        field.dataTypeID = TEXT_OID;
        chars.push(i);
      }
    });
    if (chars.length) charColumns.set(result.rows, chars);
    return result;
  };
  const queryRaw = a.queryRaw.bind(a);
  a.queryRaw = async (q) => {
    const result = await queryRaw(q);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  // One simple-protocol query runs the whole script; splitting on ";"
  // would break function bodies and string literals.
  a.executeScript = async (script) => {
    await a.client.query(script);
  };
  return adapter;
}

/** Discrete connection fields: with `connectionString`, pg lets the URL override `database`. */
export function connectionFields(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
  };
}

export class CliPgAdapterFactory extends PrismaPg {
  readonly #fields: pg.PoolConfig;

  constructor(url: string) {
    const fields = connectionFields(url);
    super(fields);
    this.#fields = fields;
  }

  override async connect() {
    return patchAdapter(await super.connect());
  }

  override async connectToShadowDb() {
    const database = `shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client(this.#fields);
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    const shadow = await new PrismaPg({ ...this.#fields, database }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      const cleanup = new pg.Client(this.#fields);
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await cleanup.end();
    };
    return patchAdapter(shadow);
  }
}
