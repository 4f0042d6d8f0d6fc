// `npm run import` against DATABASE_URL: the same domain call as the staff
// page, a JSON summary with the refused rows' numbers, a dry run that writes
// nothing, a mapping file, and past participation by activity slug.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { db } from "../../app/lib/db.server.ts";
import { activity } from "../setup/fixtures.ts";
import { windows1252 } from "../setup/spreadsheets.ts";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; json: Record<string, unknown>; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "server/import-cli.ts", ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
    });
    return { code: 0, json: JSON.parse(stdout) as Record<string, unknown>, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, json: failed.stdout ? (JSON.parse(failed.stdout) as Record<string, unknown>) : {}, stderr: failed.stderr };
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-cli-"));
const write = (name: string, content: string | Uint8Array) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

// Each call starts tsx and connects anew: seconds on a busy machine.
describe("npm run import", { timeout: 240_000 }, () => {
  it("dry run, then the import: a JSON summary with the rows it refused; a mapping file names odd headings", async () => {
    const csv = windows1252(
      "Barnets fornavn;Barnets efternavn;Født;Forælder;Tlf\r\nSøren;Ærø;24-12-2016;Åse Ærø;20 11 22 33\r\nMia;Ærø;31-02-2017;Åse Ærø;20 11 22 33\r\n",
    );
    const file = write("liste.csv", csv);
    const dry = await cli(file, "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.json).toMatchObject({
      dryRun: true,
      batchId: null,
      rows: 2,
      created: { people: 1, households: 1, guardians: 1 },
      matched: 0,
      errors: [{ row: 3, problems: ["birthDate: badDate"] }],
    });
    expect(await db.person.count({ where: { firstName: "Søren", lastName: "Ærø" } })).toBe(0);

    const done = await cli(file);
    expect(done.json).toMatchObject({ dryRun: false, created: { people: 1 } });
    expect(await db.person.count({ where: { firstName: "Søren", lastName: "Ærø", importBatchId: done.json.batchId as string } })).toBe(1);

    // An xlsx with headings nobody would guess, named by a mapping file.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Ark1");
    sheet.addRow(["Kaldenavn", "Slægt", "År"]);
    sheet.addRow(["Hodan", "Farah", 2013]);
    const xlsx = write("liste.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer()));
    const mapping = write("map.json", JSON.stringify({ columns: { Kaldenavn: "firstName", Slægt: "lastName", År: "birthYear" } }));
    expect((await cli(xlsx, "--dry-run", "--mapping", mapping)).json).toMatchObject({ missingColumns: [], created: { people: 1 } });
  });

  it("past participation by activity slug; a wrong slug, a bad mapping file or no file are refused with a reason", async () => {
    const cafe = await activity({ title: "Lektiecafé CLI" });
    const file = write("fremmoede.csv", "Dato;Voksne;Børn\r\n03-03-2025;2;9\r\n");
    const result = await cli(file, "--kind", "participation", "--activity", cafe.slug);
    expect(result.json).toMatchObject({ created: { sessions: 1, headCounts: 1 } });
    expect(await db.headCount.count({ where: { importBatchId: result.json.batchId as string } })).toBe(1);
    const badMapping = write("bad.json", JSON.stringify({ columns: { Dato: "cpr" } }));
    const [wrongSlug, wrongMapping, noFile] = await Promise.all([
      cli(file, "--kind", "participation", "--activity", "no-such-activity"),
      cli(file, "--mapping", badMapping),
      cli(path.join(dir, "missing.csv")),
    ]);
    expect(wrongSlug.json).toMatchObject({ error: "unknownActivity" });
    expect([wrongMapping.code, noFile.code]).toEqual([2, 2]);
  });
});
